import type { ProviderLimits } from '../../model/limits';

/** Seed 004 (CM.com), with what changed by 2026 (provider-updates-2026.md). */
export const CM_LIMITS: ProviderLimits = {
	text: 2000,
	textTruncatedByProvider: false,
	quickReplies: { max: 13, title: 20, payload: 1000 },
	buttonTemplateText: 640,
	buttons: { min: 1, max: 3, title: 20, payload: 1000 },
	cards: { max: 10, title: 80, subtitle: 80, buttons: 3 },
	mediaTemplateButtons: 1,
	productIds: 10,
	optIn: { title: 65, payload: 1000, frequencies: ['DAILY'] },
	messageTags: ['HUMAN_AGENT', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE', 'NOTIFICATION_MESSAGE'],
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
};
