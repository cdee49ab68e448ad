import type { ProviderCapabilities } from '../../model/capabilities';

/**
 * Infobip's Messenger API (OpenAPI 3.210.0, `POST /messenger/1/messages`), as far as the neutral model
 * reaches: TEXT, IMAGE/AUDIO/VIDEO/DOCUMENT by URL, LOCATION, SENDER_ACTION, TEMPLATE (BUTTON; GENERIC
 * with one element or a carousel of up to 10) with URL, POSTBACK and CALL buttons, and TEXT,
 * PHONE_NUMBER and EMAIL quick replies, which sit on the message beside any content. COMMENT wraps any
 * of these messages (FacebookBodyContent) as a reply to the comment whose id is the destination: the
 * `commentId` recipient. Not carried: POST (a reply to a post; the spec does not say whose post or how
 * it is addressed), OPT_IN_FOLLOWUP, and the marketing types Meta and Infobip discontinued.
 */
export const INFOBIP_MESSENGER_CAPABILITIES: ProviderCapabilities = {
	operations: ['text', 'quickReplies', 'media', 'buttonTemplate', 'genericTemplate', 'carousel', 'senderAction', 'location'],
	recipientKinds: ['psid', 'commentId'],
	mediaSources: ['url'],
	buttonTypes: ['postback', 'url', 'call'],
	// FacebookMessage.quickReplies sits beside any content, so a location takes them too.
	quickRepliesOn: ['text', 'quickReplies', 'media', 'buttonTemplate', 'genericTemplate', 'carousel', 'location'],
	// FacebookMtQuickReplyContentType: TEXT, PHONE_NUMBER, EMAIL.
	quickReplyTypes: ['text', 'phoneNumber', 'email'],
	messageTags: false,
	messagingType: false,
	// GenericTemplateElement.defaultAction {url}.
	cardDefaultAction: true,
	// FacebookMessage.sender is the Facebook page the message goes out from (provider-updates-2026.md).
	sender: 'pageId',
	// The SenderAction enum: MARK_SEEN, TYPING_ON, TYPING_OFF.
	senderActions: ['mark_seen', 'typing_on', 'typing_off'],
};
