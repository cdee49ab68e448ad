import type { MessageTag } from './message-tags';
import type { MediaType, OptInFrequency } from './message';

/**
 * Every documented limit of one provider; each provider's row is in its folder (providers/<name>/limits.ts),
 * from its seed and providers.md, with what changed by 2026 (provider-updates-2026.md).
 */
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
	messageTags: readonly MessageTag[];
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
		/** Longest media URL per media type, where the provider sets one (Infobip's Messenger API). */
		urlLength?: Readonly<Partial<Record<MediaType, number>>>;
	};
}
