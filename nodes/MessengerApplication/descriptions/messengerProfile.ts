import type { INodeProperties } from 'n8n-workflow';

import { messengerProfile } from '../../shared/providers';

const { PROFILE_FIELDS, PROFILE_LIMITS } = messengerProfile;

const show = (operation: string[], extra: Record<string, Array<string | boolean>> = {}) => ({
	show: { resource: ['messengerProfile'], operation, ...extra },
});

const FIELD_OPTIONS = [
	{ name: 'Get Started Button', value: 'get_started' },
	{ name: 'Greeting', value: 'greeting' },
	{ name: 'Ice Breakers', value: 'ice_breakers' },
	{ name: 'Persistent Menu', value: 'persistent_menu' },
	{ name: 'Whitelisted Domains', value: 'whitelisted_domains' },
];

const localeField: INodeProperties = {
	displayName: 'Locale',
	name: 'locale',
	type: 'string',
	default: 'default',
	description: 'A Facebook locale such as en_US, or "default" (required once) for everyone else',
};

export const messengerProfileOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['messengerProfile'] } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			description: 'Remove fields from the page\'s Messenger profile; fields not set are reported, not an error',
			action: 'Delete profile fields',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get the page\'s Messenger profile',
			action: 'Get the profile',
		},
		{
			name: 'Set',
			value: 'set',
			description: 'Set profile fields; fields that already have the wanted value are not sent again',
			action: 'Set the profile',
		},
	],
	default: 'set',
};

export const messengerProfileFields: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'profileFields',
		type: 'multiOptions',
		options: FIELD_OPTIONS,
		default: [...PROFILE_FIELDS],
		displayOptions: show(['get']),
	},
	{
		displayName: 'Fields',
		name: 'profileFields',
		type: 'multiOptions',
		options: FIELD_OPTIONS,
		required: true,
		default: [],
		displayOptions: show(['delete']),
	},
	{
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fields', value: 'fields', description: 'Fill in the profile field by field' },
			{ name: 'JSON', value: 'json', description: 'Write the profile as Graph\'s messenger_profile JSON' },
		],
		default: 'fields',
		displayOptions: show(['set']),
	},
	{
		displayName: 'Profile (JSON)',
		name: 'profileJson',
		type: 'json',
		default: '{\n  "greeting": [{ "locale": "default", "text": "Hello! How can we help?" }]\n}',
		required: true,
		description:
			'Any of get_started, greeting, persistent_menu, ice_breakers, whitelisted_domains, in the shape of Meta\'s Messenger Profile API',
		displayOptions: show(['set'], { inputMode: ['json'] }),
	},
	{
		displayName: 'Profile Fields',
		name: 'profile',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['set'], { inputMode: ['fields'] }),
		options: [
			{
				displayName: 'Disable Composer Input',
				name: 'composerInputDisabled',
				type: 'boolean',
				default: false,
				description: 'Whether people can only use the persistent menu, not type (applies to every menu locale)',
			},
			{
				displayName: 'Get Started Payload',
				name: 'getStartedPayload',
				type: 'string',
				default: '',
				description: `The postback payload the Get Started button sends (max ${PROFILE_LIMITS.getStarted.payload} characters)`,
			},
			{
				displayName: 'Greetings',
				name: 'greetings',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: `Text shown before the conversation starts, per locale (max ${PROFILE_LIMITS.greeting.text} characters; {{user_first_name}} and {{user_full_name}} are filled in by Messenger)`,
				options: [
					{
						displayName: 'Greeting',
						name: 'greeting',
						values: [
							localeField,
							{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 2 }, default: '' },
						],
					},
				],
			},
			{
				displayName: 'Ice Breakers',
				name: 'iceBreakers',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: `Questions offered to people starting a conversation (max ${PROFILE_LIMITS.iceBreakers.max} per locale)`,
				options: [
					{
						displayName: 'Ice Breaker',
						name: 'iceBreaker',
						values: [
							localeField,
							{ displayName: 'Question', name: 'question', type: 'string', default: '' },
							{
								displayName: 'Payload',
								name: 'payload',
								type: 'string',
								default: '',
								description: 'Sent to the webhook as a postback when the question is tapped',
							},
						],
					},
				],
			},
			{
				displayName: 'Persistent Menu',
				name: 'persistentMenu',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: `Menu items, per locale (max ${PROFILE_LIMITS.persistentMenu.items} per locale); needs a Get Started button`,
				options: [
					{
						displayName: 'Item',
						name: 'item',
						values: [
							localeField,
							{
								displayName: 'Payload',
								name: 'payload',
								type: 'string',
								default: '',
								description: 'Sent to the webhook as a postback when the item is tapped',
								displayOptions: { show: { type: ['postback'] } },
							},
							{ displayName: 'Title', name: 'title', type: 'string', default: '' },
							{
								displayName: 'Type',
								name: 'type',
								type: 'options',
								options: [
									{ name: 'Postback', value: 'postback' },
									{ name: 'Web URL', value: 'web_url' },
								],
								default: 'postback',
							},
							{
								displayName: 'URL',
								name: 'url',
								type: 'string',
								default: '',
								displayOptions: { show: { type: ['web_url'] } },
							},
							{
								displayName: 'Webview Height',
								name: 'webviewHeightRatio',
								type: 'options',
								options: [
									{ name: 'Compact', value: 'compact' },
									{ name: 'Full', value: 'full' },
									{ name: 'Tall', value: 'tall' },
								],
								default: 'full',
								displayOptions: { show: { type: ['web_url'] } },
							},
						],
					},
				],
			},
			{
				displayName: 'Whitelisted Domains',
				name: 'whitelistedDomains',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: `Https origins allowed in webviews and the Messenger Extensions SDK (max ${PROFILE_LIMITS.whitelistedDomains.max})`,
				options: [
					{
						displayName: 'Domain',
						name: 'domain',
						values: [
							{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'https://shop.example.com' },
						],
					},
				],
			},
		],
	},
];
