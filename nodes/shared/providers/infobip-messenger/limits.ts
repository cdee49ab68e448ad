import type { ProviderLimits } from '../../model/limits';

// From the schemas of Infobip's Messenger OpenAPI (3.210.0); where a schema sets no bound, Meta's own
// limit for the same Messenger field applies (Meta send API pages), since Infobip hands the message on.
export const INFOBIP_MESSENGER_LIMITS: ProviderLimits = {
	// FacebookOutboundTextContent.text maxLength 2000; refused, not cut (no truncation is documented).
	text: 2000,
	textTruncatedByProvider: false,
	// TextFacebookMtQuickReply: title 20, payload 1000. No count bound in the schema: Meta's 13.
	quickReplies: { max: 13, title: 20, payload: 1000 },
	// ButtonFacebookTemplatePayload.text has no bound: Meta's button template text, 640.
	buttonTemplateText: 640,
	// ButtonFacebookTemplatePayload.buttons minItems 1, no max (Meta's 3); CallButton.title 20 (Meta's
	// for every button); postback payload unbounded in the schema (Meta's 1000).
	buttons: { min: 1, max: 3, title: 20, payload: 1000 },
	// GenericFacebookTemplatePayload.elements 1..10; GenericTemplateElement title/subtitle 80, buttons 0..3.
	cards: { max: 10, title: 80, subtitle: 80, buttons: 3 },
	mediaTemplateButtons: 0,
	productIds: 0,
	optIn: { title: 65, payload: 1000, frequencies: [] },
	messageTags: [],
	media: {
		// IMAGE, AUDIO, VIDEO and DOCUMENT (the model's `file`).
		types: ['image', 'audio', 'video', 'file'],
		templateTypes: [],
		mimeTypes: {},
		requireFileExtension: false,
		uploadBytes: 0,
		templateUrlHosts: [],
		// FacebookOutboundImageContent.url maxLength 1000; AUDIO, VIDEO and DOCUMENT url maxLength 800.
		urlLength: { image: 1000, audio: 800, video: 800, file: 800 },
	},
};
