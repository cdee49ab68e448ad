import type { INodeProperties } from 'n8n-workflow';

import { pageSubscriptions } from '../../shared/providers';

const { BOT_SUBSCRIBED_FIELDS, PAGE_SUBSCRIBED_FIELDS } = pageSubscriptions;

const show = (operation: string[]) => ({ show: { resource: ['pageSubscription'], operation } });

const FIELD_LABELS: Record<string, string> = {
	feed: 'Feed (Posts and Comments)',
	message_deliveries: 'Message Deliveries',
	message_echoes: 'Message Echoes (Messages the Page Sent)',
	message_reactions: 'Message Reactions',
	message_reads: 'Message Reads',
	messages: 'Messages',
	messaging_account_linking: 'Account Linking',
	messaging_handovers: 'Handovers',
	messaging_optins: 'Opt-Ins',
	messaging_policy_enforcement: 'Policy Enforcement',
	messaging_postbacks: 'Postbacks',
	messaging_referrals: 'Referrals',
	standby: 'Standby',
};

export const pageSubscriptionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['pageSubscription'] } },
	options: [
		{
			name: 'Get Managed Pages',
			value: 'getManagedPages',
			description: 'List the pages the credential\'s system user (or user) token manages',
			action: 'Get the pages the token manages',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the apps subscribed to the page and their fields',
			action: 'Get many page subscriptions',
		},
		{
			name: 'Subscribe',
			value: 'subscribe',
			description: 'Subscribe the credential\'s app to the page\'s Messenger webhooks',
			action: 'Subscribe the app to the page',
		},
		{
			name: 'Subscribe Many Pages',
			value: 'subscribeMany',
			description:
				'Subscribe the credential\'s app to every page the token manages (or the listed ones), each with its own token; pages already subscribed are left as they are',
			action: 'Subscribe the app to many pages',
		},
		{
			name: 'Unsubscribe',
			value: 'unsubscribe',
			description: 'Stop the page\'s webhooks for the credential\'s app',
			action: 'Unsubscribe the app from the page',
		},
	],
	default: 'subscribe',
};

export const pageSubscriptionFields: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'subscribedFields',
		type: 'multiOptions',
		options: PAGE_SUBSCRIBED_FIELDS.map((field) => ({ name: FIELD_LABELS[field] ?? field, value: field })).sort((a, b) =>
			a.name.localeCompare(b.name),
		),
		default: [...BOT_SUBSCRIBED_FIELDS],
		description: 'The webhook fields to receive; the ones a Messenger bot needs are pre-selected',
		displayOptions: show(['subscribe', 'subscribeMany']),
	},
	{
		displayName: 'Keep Fields Already Subscribed',
		name: 'keepExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether fields the app already receives stay subscribed. Off: the app receives exactly the fields selected above.',
		displayOptions: show(['subscribe', 'subscribeMany']),
	},
	{
		displayName: 'Pages',
		name: 'pageIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 100000000000001, 100000000000002',
		description: 'Page IDs separated by commas. Empty: every page the token manages (Get Managed Pages).',
		displayOptions: show(['subscribeMany']),
	},
];
