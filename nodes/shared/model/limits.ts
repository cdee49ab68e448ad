import type { MediaType, OptInFrequency, ProviderName } from './message';
import { messageTagsFor } from './provider-changes';

export interface ProviderLimits {
	/** Characters of a text message. */
	text: number;
	/** true: longer text is cut by the provider (Infobip, seed 003), so it is a warning, not an error. */
	textTruncatedByProvider: boolean;
	quickReplies: { max: number; title: number; payload: number };
	/** Text above the buttons of a button template (CM.com: the card header). */
	buttonTemplateText: number;
	/** Buttons of a button template, and the fields of every button. */
	buttons: { min: number; max: number; title: number; payload: number };
	/** Generic template / carousel: cards per message and the fields of each card. */
	cards: { max: number; title: number; subtitle: number; buttons: number };
	mediaTemplateButtons: number;
	productIds: number;
	optIn: {
		title: number;
		payload: number;
		frequencies: readonly OptInFrequency[];
	};
	/** Allowed message tags; empty where the provider has none. */
	messageTags: readonly string[];
	media: {
		types: readonly MediaType[];
		/** Media types a media template may carry. */
		templateTypes: readonly MediaType[];
		/** Allowed MIME types per media type; a missing entry allows any. */
		mimeTypes: Readonly<Partial<Record<MediaType, readonly string[]>>>;
		/** The file name must end in an extension (CM.com's `mediaName`). */
		requireFileExtension: boolean;
		/** Largest upload, in bytes (binary media only; URLs are fetched by the provider). */
		uploadBytes: number;
		/** Hosts a media template URL may point at; empty = any. */
		templateUrlHosts: readonly string[];
	};
}

const MB = 1024 * 1024;

/**
 * One table for every documented limit, per provider. Sources: seed 003 (Infobip), seed 004 (CM.com)
 * and providers.md (Graph), with what changed by 2026 (provider-updates-2026.md). The message tags
 * come from the one tag table in provider-changes.ts.
 */
export const MESSENGER_LIMITS: Readonly<Record<ProviderName, ProviderLimits>> = {
	infobip: {
		text: 640,
		textTruncatedByProvider: true,
		quickReplies: { max: 0, title: 20, payload: 1000 },
		buttonTemplateText: 320,
		buttons: { min: 1, max: 3, title: 20, payload: 1000 },
		cards: { max: 0, title: 80, subtitle: 80, buttons: 3 },
		mediaTemplateButtons: 0,
		productIds: 0,
		optIn: { title: 65, payload: 1000, frequencies: [] },
		messageTags: messageTagsFor('infobip'),
		media: {
			types: ['image', 'audio', 'video', 'file'],
			templateTypes: [],
			mimeTypes: {},
			requireFileExtension: false,
			uploadBytes: 0,
			templateUrlHosts: [],
		},
	},
	cm: {
		text: 2000,
		textTruncatedByProvider: false,
		quickReplies: { max: 13, title: 20, payload: 1000 },
		buttonTemplateText: 640,
		buttons: { min: 1, max: 3, title: 20, payload: 1000 },
		cards: { max: 10, title: 80, subtitle: 80, buttons: 3 },
		mediaTemplateButtons: 1,
		productIds: 10,
		optIn: { title: 65, payload: 1000, frequencies: ['DAILY'] },
		messageTags: messageTagsFor('cm'),
		media: {
			types: ['image', 'audio', 'video', 'file'],
			templateTypes: ['image', 'video'],
			mimeTypes: {
				image: ['image/png', 'image/jpeg', 'image/gif'],
				// Seed 004 (and CM.com's fact sheet) write "acc": a typo for AAC, whose MIME type is audio/aac.
				audio: ['audio/aac', 'audio/m4a', 'audio/wav', 'audio/mp4'],
				video: ['video/mp4', 'video/ogg', 'video/avi', 'video/mov', 'video/webm'],
			},
			requireFileExtension: true,
			uploadBytes: 0,
			templateUrlHosts: [],
		},
	},
	meta: {
		text: 2000,
		textTruncatedByProvider: false,
		quickReplies: { max: 13, title: 20, payload: 1000 },
		buttonTemplateText: 640,
		buttons: { min: 1, max: 3, title: 20, payload: 1000 },
		cards: { max: 10, title: 80, subtitle: 80, buttons: 3 },
		mediaTemplateButtons: 1,
		productIds: 10,
		// Marketing opt-ins were discontinued on 2026-02-10 (provider-changes.ts): nothing to allow.
		optIn: { title: 65, payload: 1000, frequencies: [] },
		messageTags: messageTagsFor('meta'),
		media: {
			types: ['image', 'audio', 'video', 'file'],
			templateTypes: ['image', 'video'],
			mimeTypes: {},
			requireFileExtension: false,
			uploadBytes: 25 * MB,
			// Media template page: "The media template does not allow any external URL, only those on
			// Facebook", in the formats business.facebook.com/... and www.facebook.com/... (photo or video
			// pages). A CDN address (fbcdn.net) is not one of them: anything else must be uploaded (binary)
			// or sent by attachment id.
			templateUrlHosts: ['facebook.com'],
		},
	},
};
