import type { ProviderCapabilities } from '../../model/capabilities';

/** Seed 004: rich content suggestions and cards, tags, marketing opt-in and notification tokens; media by URL only; no sender actions. Quick replies ride on text only, because with media or a card CM.com turns suggestions into template buttons (seed 004's input matrix). */
export const CM_CAPABILITIES: ProviderCapabilities = {
	operations: [
		'text',
		'quickReplies',
		'media',
		'buttonTemplate',
		'genericTemplate',
		'carousel',
		'mediaTemplate',
		'productTemplate',
		'optInRequest',
	],
	recipientKinds: ['psid', 'notificationToken'],
	mediaSources: ['url'],
	buttonTypes: ['postback', 'url', 'call'],
	quickRepliesOn: ['text', 'quickReplies'],
	// Seed 004's quick replies are Reply suggestions: a title and postback data, nothing that asks for the user's details.
	quickReplyTypes: ['text'],
	messageTags: true,
	messagingType: false,
	cardDefaultAction: false,
	sender: 'pageId',
	senderActions: [],
};
