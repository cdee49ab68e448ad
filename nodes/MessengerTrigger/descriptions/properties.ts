import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_PROVIDER, PROVIDERS, providerNamesWhere, providerOptions, SIGNED_PROVIDERS, UNSIGNED_PROVIDERS } from '../../shared/providers';
import { MAX_EVENTS_PER_DELIVERY } from '../delivery-limits';
import { BEFORE_SAFE_DEFAULTS, SAFE_DEFAULTS, show, showFrom } from './display';
import { MAX_REMEMBERED_EVENTS, REDELIVERY_WINDOW_MS } from '../recent-events';

/**
 * 5 MB: a full Meta batch (1000 events, each under 2 KB with its attachment URLs) stays near 2 MB, and
 * Infobip and CM.com send one message of a few KB per call; far below n8n's 16 MB cap. The event cap
 * (MAX_EVENTS_PER_DELIVERY), not this, is what bounds a run.
 */
export const DEFAULT_MAX_BODY_KB = 5120;

export const formatProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'provider',
	type: 'options',
	noDataExpression: true,
	options: providerOptions('trigger'),
	default: DEFAULT_PROVIDER,
	description: 'Who calls this webhook, and so which body format it expects',
};

export const registerProperty: INodeProperties = {
	displayName: 'Register Webhook With Meta',
	name: 'registerWebhook',
	type: 'boolean',
	default: true,
	description:
		"Whether to subscribe the app to this URL and the page to the app on activation (and remove both on deactivation), using the credential's App ID, App Secret and Verify Token. Meta allows one callback URL per app: activation stops when another URL holds it.",
	...show([...SIGNED_PROVIDERS]),
};

export const takeOverCallbackProperty: INodeProperties = {
	displayName: 'Take Over Existing Callback',
	name: 'takeOverCallback',
	type: 'boolean',
	default: false,
	description:
		"Whether to register this URL even when the Meta app already sends its events to another URL, which then gets none (Meta allows one callback URL per app). Off, activation stops with the other URL named. Tests from the editor never take the callback over. Turn it on only on the one workflow that should own the app.",
	displayOptions: { show: { provider: [...SIGNED_PROVIDERS], registerWebhook: [true] } },
};

export const skipSignatureCheckProperty: INodeProperties = {
	displayName: 'Skip Signature Check (Insecure)',
	name: 'skipSignatureCheck',
	type: 'boolean',
	default: false,
	description:
		'Whether to take deliveries without checking X-Hub-Signature-256 when the Facebook Page credential has no App Secret. Anyone who knows this URL can then start the workflow. With an App Secret in the credential, every signature is checked whatever this says.',
	...showFrom([...SIGNED_PROVIDERS], SAFE_DEFAULTS),
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
			"A fixed secret in a header, for a relay or proxy in front of n8n that adds it: the provider's own webhook cannot add a header",
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
	displayOptions: { show: { provider: [...UNSIGNED_PROVIDERS], authentication } },
});

export const authenticationProperties: INodeProperties[] = [
	// Saved version 1 and 2 nodes omit the parameter when it is None, their default: keep that meaning.
	{ ...authenticationProperty, default: 'none', ...showFrom([...UNSIGNED_PROVIDERS], BEFORE_SAFE_DEFAULTS) },
	// From the version with safe defaults, Header Secret is offered only where the provider's webhook
	// setup can add a header (its registry row). A saved node that has it keeps working
	// (../configuration.ts reads it).
	...[false, true]
		.map((headerSecret) => UNSIGNED_PROVIDERS.filter((name) => !!PROVIDERS[name].inbound.trigger.headerSecret === headerSecret))
		.filter((providers) => providers.length > 0)
		.map((providers) => ({
			...authenticationProperty,
			options: PROVIDERS[providers[0]].inbound.trigger.headerSecret
				? AUTHENTICATION_OPTIONS
				: AUTHENTICATION_OPTIONS.filter((option) => option.value !== 'headerSecret'),
			...showFrom([...providers], SAFE_DEFAULTS),
		})),
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
		{
			displayName: 'Pages',
			name: 'pageIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 100000000000001, 100000000000002',
			// Providers that deliver every page of an app to one callback (Meta: one callback URL per app).
			displayOptions: { show: { '/provider': providerNamesWhere((provider) => provider.inbound.registersWebhook === true) } },
			description:
				"Page IDs, separated by commas: only their events start a run; other pages' events are acknowledged and dropped. Empty: every page subscribed to the app. With a system user credential, the trigger subscribes these pages (or the credential's page) to the app when it is activated.",
		},
	],
};

export const triggerCredentials = [
	// A signed provider's credential holds the signing secret; the others need none to receive.
	...SIGNED_PROVIDERS.map((provider) => ({
		name: PROVIDERS[provider].credentialType,
		required: true,
		displayOptions: { show: { provider: [provider] } },
	})),
];
