import type { DisplayCondition, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { EventType } from '../../shared/model/event';
import { MAX_EVENTS_PER_DELIVERY } from '../delivery-limits';
import { MAX_REMEMBERED_EVENTS, REDELIVERY_WINDOW_MS } from '../recent-events';

export const DEFAULT_EVENTS: EventType[] = ['text', 'attachment', 'quick_reply', 'postback'];

/**
 * 5 MB: a full Meta batch (1000 events, each under 2 KB with its attachment URLs) stays near 2 MB, and
 * Infobip and CM.com send one message of a few KB per call; far below n8n's 16 MB cap. The event cap
 * (MAX_EVENTS_PER_DELIVERY), not this, is what bounds a run.
 */
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

// Version 3 changed what an omitted parameter means (README, "Node version"); these pick a property's
// variant by the version of the node that holds it.
type Versions = Array<number | DisplayCondition>;
const BEFORE_SAFE_DEFAULTS: Versions = [1, 2];
const SAFE_DEFAULTS: Versions = [{ _cnd: { gte: 3 } }];
const showFrom = (provider: string[], versions: Versions) => ({
	displayOptions: { show: { provider, '@version': versions } },
});

export const noticeProperties: INodeProperties[] = [
	{
		displayName:
			'Meta signs each delivery with the app secret. The trigger checks X-Hub-Signature-256 only when the Facebook Page credential has an App Secret: WITHOUT ONE, SIGNATURE CHECKING IS OFF and anyone who knows this URL can start the workflow.',
		name: 'signatureNotice',
		type: 'notice',
		default: '',
		...showFrom(['meta'], BEFORE_SAFE_DEFAULTS),
	},
	{
		displayName:
			'Meta signs each delivery with the app secret, and the trigger checks X-Hub-Signature-256 with the App Secret of the Facebook Page credential. Without one it does not activate, unless you turn on Skip Signature Check below.',
		name: 'signatureNotice',
		type: 'notice',
		default: '',
		...showFrom(['meta'], SAFE_DEFAULTS),
	},
	{
		displayName:
			'Infobip has no API to register this URL: copy the Production URL above into the Forward action of your Infobip Facebook configuration (see the README). Infobip does not sign its calls and can only call a URL, so choose an Authentication below that fits in the URL.',
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
			'CM.com has no API to register this URL: paste the Production URL above as the inbound (MO) and/or status report webhook of your Facebook Messenger channel in the CM.com Channels app. CM.com does not sign its calls and can only call a URL, so choose an Authentication below that fits in the URL.',
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

export const skipSignatureCheckProperty: INodeProperties = {
	displayName: 'Skip Signature Check (Insecure)',
	name: 'skipSignatureCheck',
	type: 'boolean',
	default: false,
	description:
		'Whether to take deliveries without checking X-Hub-Signature-256 when the Facebook Page credential has no App Secret. Anyone who knows this URL can then start the workflow. With an App Secret in the credential, every signature is checked whatever this says.',
	...showFrom(['meta'], SAFE_DEFAULTS),
};

// Infobip's forward and CM.com's webhooks are a URL typed into the provider's portal: neither can add
// a header (seeds 000 and 004, providers.md), so whatever proves the call is theirs travels in the URL.
const AUTHENTICATION_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Basic Auth',
		value: 'basicAuth',
		description:
			'Give the provider the URL as https://user:password@host/...: its HTTP client sends them as an Authorization header, so they stay out of the request path and access logs. The provider must accept such URLs.',
	},
	{
		name: 'Header Secret',
		value: 'headerSecret',
		description:
			'A fixed secret in a header: for senders that can add one (a relay or proxy in front of n8n). Infobip\'s forward and CM.com\'s webhooks cannot.',
	},
	{
		name: 'None (Insecure)',
		value: 'none',
		description: 'Anyone who knows the URL can start the workflow. n8n\'s log warns about it at every activation.',
	},
	{
		name: 'Secret in Path',
		value: 'pathSecret',
		description:
			'Replace :secret at the end of the URL with the secret before giving it to the provider. Works with any sender, but the secret is part of the path, so proxies in front of n8n may log it.',
	},
];

const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: AUTHENTICATION_OPTIONS,
	default: 'pathSecret',
	description: "How to tell the provider's calls from anyone else's, since they are not signed",
};

const secretFields = (authentication: string[]) => ({
	displayOptions: { show: { provider: ['infobip', 'cm'], authentication } },
});

export const authenticationProperties: INodeProperties[] = [
	// Saved version 1 and 2 nodes omit the parameter when it is None, their default: keep that meaning.
	{ ...authenticationProperty, default: 'none', ...showFrom(['infobip', 'cm'], BEFORE_SAFE_DEFAULTS) },
	{ ...authenticationProperty, ...showFrom(['infobip', 'cm'], SAFE_DEFAULTS) },
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Webhook-Secret',
		...secretFields(['headerSecret']),
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'A long random value (letters, digits, - and _ for the path); compared in constant time',
		...secretFields(['headerSecret', 'pathSecret']),
	},
	{
		displayName: 'User',
		name: 'basicAuthUser',
		type: 'string',
		default: '',
		required: true,
		...secretFields(['basicAuth']),
	},
	{
		displayName: 'Password',
		name: 'basicAuthPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		...secretFields(['basicAuth']),
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
			displayName: 'Drop Redelivered Events',
			name: 'dropRedeliveries',
			type: 'boolean',
			default: true,
			description: `Whether to start no run for an event this trigger already started one for in the last ${REDELIVERY_WINDOW_MS / 60_000} minutes (Meta delivers again when an answer is slow). Events are matched by message ID, by watermark for reads and deliveries, by message reference and status for CM.com status reports. Not caught: events without an ID (CM.com MO messages, Infobip forwards without messageId), a copy that reaches another n8n process (several main or webhook processes), a copy after a restart, and a copy after more than ${MAX_REMEMBERED_EVENTS} newer events.`,
		},
		{
			displayName: 'Max Body Size (KB)',
			name: 'maxBodyKb',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_BODY_KB,
			description: 'Larger requests are refused with 413 and start nothing',
		},
		{
			displayName: 'Max Events per Delivery',
			name: 'maxEvents',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_EVENTS_PER_DELIVERY },
			default: MAX_EVENTS_PER_DELIVERY,
			description: `A delivery with more events is refused with 413 and starts nothing. Meta batches at most ${MAX_EVENTS_PER_DELIVERY}; Infobip and CM.com send one message per call.`,
		},
	],
};

export const triggerCredentials = [
	{ name: 'facebookPageMessengerApi', required: true, displayOptions: { show: { provider: ['meta'] } } },
];
