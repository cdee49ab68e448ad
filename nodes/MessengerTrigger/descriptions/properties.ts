import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { EventType } from '../../shared/model/event';

export const DEFAULT_EVENTS: EventType[] = ['text', 'attachment', 'quick_reply', 'postback'];

/** 5 MB: far above any Messenger delivery (Meta batches stay in the tens of KB), far below n8n's 16 MB cap. */
export const DEFAULT_MAX_BODY_KB = 5120;

export const SECRET_PATH_SEGMENT = 'secret';

export const formatProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'provider',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'CM.com',
			value: 'cm',
			description: 'CM.com inbound (MO) messages and status reports, set up in the Channels app',
		},
		{
			name: 'Infobip (HTTP Forward)',
			value: 'infobip',
			description: 'Infobip forwards each incoming message (Forward action of the Facebook configuration)',
		},
		{
			name: 'Meta Graph API (Direct)',
			value: 'meta',
			description: 'Meta calls this URL with every page event; signed with the app secret',
		},
	],
	default: 'meta',
	description: 'Who calls this webhook, and so which body format it expects',
};

const show = (provider: string[]) => ({ displayOptions: { show: { provider } } });

export const noticeProperties: INodeProperties[] = [
	{
		displayName:
			'Meta signs each delivery with the app secret. The trigger checks X-Hub-Signature-256 only when the Facebook Page credential has an App Secret: WITHOUT ONE, SIGNATURE CHECKING IS OFF and anyone who knows this URL can start the workflow.',
		name: 'signatureNotice',
		type: 'notice',
		default: '',
		...show(['meta']),
	},
	{
		displayName:
			'Infobip has no API to register this URL: copy the Production URL above into the Forward action of your Infobip Facebook configuration (see the README). Infobip does not sign its calls, so set an Authentication below.',
		name: 'infobipNotice',
		type: 'notice',
		default: '',
		...show(['infobip']),
	},
	{
		displayName:
			"Infobip documents only text messages for this API. Media types are inferred from Infobip's send API, and a button or quick-reply tap arrives as text: its payload is in the item's Callback Data.",
		name: 'infobipTypesNotice',
		type: 'notice',
		default: '',
		...show(['infobip']),
	},
	{
		displayName:
			'CM.com has no API to register this URL: paste the Production URL above as the inbound (MO) and/or status report webhook of your Facebook Messenger channel in the CM.com Channels app. CM.com does not sign its calls, so set an Authentication below.',
		name: 'cmNotice',
		type: 'notice',
		default: '',
		...show(['cm']),
	},
];

export const registerProperty: INodeProperties = {
	displayName: 'Register Webhook With Meta',
	name: 'registerWebhook',
	type: 'boolean',
	default: true,
	description:
		"Whether to subscribe the app to this URL and the page to the app on activation (and remove both on deactivation), using the credential's App ID, App Secret and Verify Token. Meta allows one callback URL per app.",
	...show(['meta']),
};

export const authenticationProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Basic Auth', value: 'basicAuth', description: 'Put user:password@ in the URL you give the provider' },
			{ name: 'Header Secret', value: 'headerSecret', description: 'The provider sends a fixed secret in a header' },
			{ name: 'None', value: 'none' },
			{
				name: 'Secret in Path',
				value: 'pathSecret',
				description: 'Replace :secret at the end of the URL with the secret before pasting it',
			},
		],
		default: 'none',
		description: 'How to tell the provider\'s calls from anyone else\'s, since they are not signed',
		...show(['infobip', 'cm']),
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Webhook-Secret',
		displayOptions: { show: { provider: ['infobip', 'cm'], authentication: ['headerSecret'] } },
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'A long random value; compared in constant time',
		displayOptions: { show: { provider: ['infobip', 'cm'], authentication: ['headerSecret', 'pathSecret'] } },
	},
	{
		displayName: 'User',
		name: 'basicAuthUser',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { provider: ['infobip', 'cm'], authentication: ['basicAuth'] } },
	},
	{
		displayName: 'Password',
		name: 'basicAuthPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { provider: ['infobip', 'cm'], authentication: ['basicAuth'] } },
	},
];

const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Attachment',
		value: 'attachment',
		description: 'Image, audio, video, file, sticker, shared reel or post, location or link preview from the user',
	},
	{ name: 'Delivery', value: 'delivery', description: 'Meta: messages of the page were delivered' },
	{ name: 'Edit', value: 'edit', description: 'Meta: the user edited a message (new text in Text, count in Edit Count)' },
	{ name: 'Echo', value: 'echo', description: 'Meta: a message the page sent (from any app or the inbox)' },
	{ name: 'Feed Change', value: 'feed', description: 'Meta: a comment or post on the page feed' },
	{
		name: 'Opt-In',
		value: 'optin',
		description: 'Plugin opt-in (checkbox plugin: answer the User Ref) or CM.com marketing opt-in with its token',
	},
	{
		name: 'Postback',
		value: 'postback',
		description: 'A button tap (CM.com reports button and quick-reply taps alike as quick replies)',
	},
	{ name: 'Quick Reply', value: 'quick_reply', description: 'A quick-reply tap' },
	{ name: 'Reaction', value: 'reaction', description: 'Meta: the user reacted to a message, or took the reaction back' },
	{ name: 'Read', value: 'read', description: 'Meta: the user read the page\'s messages' },
	{ name: 'Referral', value: 'referral', description: 'Meta: the user came through an m.me link, ad or plugin' },
	{
		name: 'Standby (Handover)',
		value: 'standby',
		description: 'Meta: any event of a thread another app (e.g. the Page inbox) holds; flagged standby, never answered by default',
	},
	{
		name: 'Status Report',
		value: 'status_report',
		description: 'CM.com: what happened to a message sent to the user (Status: accepted, delivered, read or failed)',
	},
	{ name: 'Text Message', value: 'text', description: 'A text message from the user' },
	{ name: 'Unknown', value: 'unknown', description: 'Anything well-formed this node does not recognise, passed as is' },
];

export const eventsProperty: INodeProperties = {
	displayName: 'Trigger On',
	name: 'events',
	type: 'multiOptions',
	options: EVENT_OPTIONS,
	default: ['text', 'attachment', 'quick_reply', 'postback'],
	required: true,
	description:
		'Which events start the workflow (one item each). Others are acknowledged and dropped. With Meta, the webhook is subscribed to the matching fields.',
};

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Max Body Size (KB)',
			name: 'maxBodyKb',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_BODY_KB,
			description: 'Larger requests are refused with 413 and start nothing',
		},
	],
};

export const triggerCredentials = [
	{ name: 'facebookPageMessengerApi', required: true, displayOptions: { show: { provider: ['meta'] } } },
];
