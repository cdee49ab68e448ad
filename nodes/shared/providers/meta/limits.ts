import type { ProviderLimits } from '../../model/limits';

const MB = 1024 * 1024;

/** providers.md (Graph), with what changed by 2026 (provider-updates-2026.md). */
export const META_LIMITS: ProviderLimits = {
	text: 2000,
	textTruncatedByProvider: false,
	quickReplies: { max: 13, title: 20, payload: 1000 },
	buttonTemplateText: 640,
	buttons: { min: 1, max: 3, title: 20, payload: 1000 },
	cards: { max: 10, title: 80, subtitle: 80, buttons: 3 },
	mediaTemplateButtons: 1,
	productIds: 10,
	// Marketing opt-ins were discontinued on 2026-02-10 (./discontinued.ts): nothing to allow.
	optIn: { title: 65, payload: 1000, frequencies: [] },
	messageTags: ['HUMAN_AGENT', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE'],
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
};
