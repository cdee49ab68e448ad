import type { ProviderCapabilities } from '../../model/capabilities';

/**
 * Infobip's Messenger API (OpenAPI 3.210.0, `POST /messenger/1/messages`), as far as the neutral model
 * reaches: TEXT, IMAGE/AUDIO/VIDEO/DOCUMENT by URL, SENDER_ACTION, TEMPLATE (BUTTON; GENERIC with one
 * element or a carousel of up to 10) with URL, POSTBACK and CALL buttons, and TEXT quick replies, which
 * sit on the message beside any content. Not carried (no neutral operation for them): LOCATION,
 * PHONE_NUMBER / EMAIL quick replies, COMMENT / POST replies, OPT_IN_FOLLOWUP, and the marketing types
 * Meta and Infobip discontinued.
 */
export const INFOBIP_MESSENGER_CAPABILITIES: ProviderCapabilities = {
	operations: ['text', 'quickReplies', 'media', 'buttonTemplate', 'genericTemplate', 'carousel', 'senderAction'],
	recipientKinds: ['psid'],
	mediaSources: ['url'],
	buttonTypes: ['postback', 'url', 'call'],
	quickRepliesOn: ['text', 'quickReplies', 'media', 'buttonTemplate', 'genericTemplate', 'carousel'],
	messageTags: false,
	messagingType: false,
	// GenericTemplateElement.defaultAction {url}.
	cardDefaultAction: true,
	// FacebookMessage.sender is the Facebook page the message goes out from (provider-updates-2026.md).
	sender: 'pageId',
	// The SenderAction enum: MARK_SEEN, TYPING_ON, TYPING_OFF.
	senderActions: ['mark_seen', 'typing_on', 'typing_off'],
};
