import type { ProviderCapabilities } from '../../model/capabilities';

/** The v1 Facebook API of seed 003: TEXT, IMAGE/AUDIO/VIDEO/FILE by URL, SENDER_ACTION and the BUTTON template with POSTBACK and URL buttons; nothing else. */
export const INFOBIP_CAPABILITIES: ProviderCapabilities = {
	operations: ['text', 'media', 'buttonTemplate', 'senderAction'],
	recipientKinds: ['psid'],
	mediaSources: ['url'],
	buttonTypes: ['postback', 'url'],
	quickRepliesOn: [],
	quickReplyTypes: ['text'],
	messageTags: false,
	messagingType: false,
	cardDefaultAction: false,
	sender: 'applicationKey',
	senderActions: ['mark_seen', 'typing_on', 'typing_off'],
};
