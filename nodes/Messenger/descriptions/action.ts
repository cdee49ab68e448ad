import type { INodeProperties } from 'n8n-workflow';

import { PROVIDER_NAMES, RETIRED_OPERATIONS } from '../../shared/providers';
import { providersWhere, showFor } from './display';
import { showFields } from './message';

const REACTING = providersWhere((capabilities) => capabilities.senderActions.includes('react'));
const OPT_IN_RETIRED = PROVIDER_NAMES.filter((provider) => RETIRED_OPERATIONS[provider].includes('optInRequest'));

export const actionProperties: INodeProperties[] = [
	{
		displayName: 'Action',
		name: 'senderAction',
		type: 'options',
		displayOptions: showFor(['senderAction']),
		options: [
			{ name: 'Mark Seen', value: 'mark_seen', description: 'Show the last message as read' },
			{ name: 'React (Graph)', value: 'react', description: 'React to a message with an emoji' },
			{ name: 'Typing Off', value: 'typing_off', description: 'Hide the typing indicator' },
			{ name: 'Typing On', value: 'typing_on', description: 'Show the typing indicator' },
			{ name: 'Unreact (Graph)', value: 'unreact', description: 'Take the page\'s reaction to a message back' },
		],
		default: 'typing_on',
	},
	{
		displayName: 'Message ID',
		name: 'reactionMessageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.messageId }}',
		displayOptions: { show: { provider: REACTING, operation: ['senderAction'], senderAction: ['react', 'unreact'] } },
		description: 'The message to react to (mid), e.g. the trigger\'s messageId',
	},
	{
		displayName: 'Emoji',
		name: 'reactionEmoji',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 👍',
		displayOptions: { show: { provider: REACTING, operation: ['senderAction'], senderAction: ['react'] } },
		description: 'The reaction: any emoji',
	},
	{
		displayName: 'Title',
		name: 'optInTitle',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showFields(['optInRequest']),
		description: 'What the user opts in to; up to 65 characters',
	},
	{
		displayName: 'Payload',
		name: 'optInPayload',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showFields(['optInRequest']),
		description: 'Your reference for this topic, returned with the opt-in event (and its notification token)',
	},
	{
		displayName: 'Image URL',
		name: 'optInImageUrl',
		type: 'string',
		default: '',
		displayOptions: showFields(['optInRequest']),
	},
	{
		displayName:
			"Meta discontinued marketing messages on 2026-02-10: the Meta Graph API refuses opt-in requests and notification-token sends (their successor needs App Review, is paid and regional). CM.com's opt-in request still works.",
		name: 'marketingNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { provider: OPT_IN_RETIRED, operation: ['optInRequest'] } },
	},
];
