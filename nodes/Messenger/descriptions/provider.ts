import type { INodeProperties } from 'n8n-workflow';

export const providerProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'provider',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'CM.com', value: 'cm' },
		{ name: 'Infobip', value: 'infobip' },
		{ name: 'Meta Graph API (Direct)', value: 'meta' },
	],
	default: 'meta',
	description: 'Which Messenger provider carries the message',
};

export const credentialsForProviders = [
	{ name: 'infobipMessengerApi', required: true, displayOptions: { show: { provider: ['infobip'] } } },
	{ name: 'cmComMessengerApi', required: true, displayOptions: { show: { provider: ['cm'] } } },
	{ name: 'facebookPageMessengerApi', required: true, displayOptions: { show: { provider: ['meta'] } } },
];
