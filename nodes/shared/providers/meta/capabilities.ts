import type { ProviderCapabilities } from '../../model/capabilities';
import { META_MARKETING_DISCONTINUED } from './discontinued';

/** Graph (providers.md): everything, including uploads through `message_attachments` and `user_ref`, except marketing messages (opt-in requests and notification tokens), discontinued on 2026-02-10 (./discontinued.ts); reactions as sender actions since 2026-01. */
export const META_CAPABILITIES: ProviderCapabilities = {
	operations: [
		'text',
		'quickReplies',
		'media',
		'buttonTemplate',
		'genericTemplate',
		'carousel',
		'mediaTemplate',
		'productTemplate',
		'senderAction',
	],
	recipientKinds: ['psid', 'userRef'],
	mediaSources: ['url', 'binary', 'attachmentId'],
	buttonTypes: ['postback', 'url', 'call'],
	quickRepliesOn: [
		'text',
		'quickReplies',
		'media',
		'buttonTemplate',
		'genericTemplate',
		'carousel',
		'mediaTemplate',
		'productTemplate',
	],
	// Quick replies page (developers.facebook.com/documentation/business-messaging/messenger-platform/
	// send-messages/quick-replies, updated 2026-04-22): content_type text, user_phone_number, user_email.
	quickReplyTypes: ['text', 'phoneNumber', 'email'],
	messageTags: true,
	messagingType: true,
	cardDefaultAction: true,
	sender: 'pageId',
	senderActions: ['mark_seen', 'typing_on', 'typing_off', 'react', 'unreact'],
	retired: { operations: ['optInRequest'], recipientKinds: ['notificationToken'], reason: META_MARKETING_DISCONTINUED },
};
