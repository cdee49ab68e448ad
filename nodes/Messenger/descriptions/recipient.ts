import type { INodeProperties } from 'n8n-workflow';

import { MESSENGER_CAPABILITIES } from '../../shared/providers';
import type { RecipientKind } from '../../shared/model/message';
import { ALL_PROVIDERS } from './display';

const KIND_OPTIONS: Readonly<Record<RecipientKind, { name: string; description: string }>> = {
	psid: { name: 'PSID / User Key', description: 'The page-scoped user ID (Infobip: user key; CM.com: recipient number)' },
	userRef: {
		name: 'User Ref',
		description: "The user_ref of a Checkbox or Chat plugin user (the trigger's userRef, when senderId is empty)",
	},
	notificationToken: {
		name: 'Notification Token',
		description: "The token from a CM.com marketing opt-in (the trigger's optin.notificationToken): sends a marketing message",
	},
	commentId: {
		name: 'Comment ID',
		description:
			"Replies to a comment on the page's post: the comment's ID (a Meta trigger's feed event carries it as messageId). Meta's private replies allow one message per comment, within 7 days of it",
	},
};

/** One recipient-type choice per provider with more than one kind; elsewhere it is the PSID. */
function recipientTypeProperties(): INodeProperties[] {
	return ALL_PROVIDERS.filter((provider) => MESSENGER_CAPABILITIES[provider].recipientKinds.length > 1).map(
		(provider) => ({
			displayName: 'Recipient Type',
			name: 'recipientType',
			type: 'options',
			displayOptions: { show: { provider: [provider] }, hide: { operation: ['senderAction', 'optInRequest'] } },
			options: MESSENGER_CAPABILITIES[provider].recipientKinds.map((kind) => ({ value: kind, ...KIND_OPTIONS[kind] })),
			default: 'psid',
		}),
	);
}

export const recipientProperties: INodeProperties[] = [
	...recipientTypeProperties(),
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1254477777772919',
		description:
			"Who gets the message: the user's page-scoped ID (PSID; the trigger's senderId). Where Recipient Type is offered, the user ref (the trigger's userRef), notification token or comment ID of that type instead.",
	},
];
