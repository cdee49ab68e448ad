import type { INodeProperties } from 'n8n-workflow';

import { showFor } from './display';
import { showFields } from './message';

export const actionProperties: INodeProperties[] = [
	{
		displayName: 'Action',
		name: 'senderAction',
		type: 'options',
		displayOptions: showFor(['senderAction']),
		options: [
			{ name: 'Mark Seen', value: 'mark_seen', description: 'Show the last message as read' },
			{ name: 'Typing On', value: 'typing_on', description: 'Show the typing indicator' },
			{ name: 'Typing Off', value: 'typing_off', description: 'Hide the typing indicator' },
		],
		default: 'typing_on',
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
			'Meta is retiring marketing messages on Messenger (announced for 2026); opt-in requests and notification-token sends may stop working',
		name: 'marketingNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { provider: ['meta'], operation: ['optInRequest'] } },
	},
];
