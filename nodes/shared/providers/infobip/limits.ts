import type { ProviderLimits } from '../../model/limits';

/** Seed 003 (Infobip), with what changed by 2026 (provider-updates-2026.md). */
export const INFOBIP_LIMITS: ProviderLimits = {
	text: 640,
	textTruncatedByProvider: true,
	quickReplies: { max: 0, title: 20, payload: 1000 },
	buttonTemplateText: 320,
	buttons: { min: 1, max: 3, title: 20, payload: 1000 },
	cards: { max: 0, title: 80, subtitle: 80, buttons: 3 },
	mediaTemplateButtons: 0,
	productIds: 0,
	optIn: { title: 65, payload: 1000, frequencies: [] },
	messageTags: [],
	media: {
		types: ['image', 'audio', 'video', 'file'],
		templateTypes: [],
		mimeTypes: {},
		requireFileExtension: false,
		uploadBytes: 0,
		templateUrlHosts: [],
	},
};
