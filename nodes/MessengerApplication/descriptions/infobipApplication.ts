import type { INodeProperties } from 'n8n-workflow';

import { infobipApplicationLocator } from './application-locator';

const show = (operation: string[], extra: Record<string, Array<string | boolean>> = {}) => ({
	show: { resource: ['infobipApplication'], operation, ...extra },
});

/**
 * Infobip's current Messenger API (OpenAPI 3.210.0) has no applications endpoints: a page is connected
 * in Infobip's portal, and its only page call, GET /messenger/1/pages/{pageId}/subscriptions, lists
 * marketing-message subscriptions, which Infobip deprecated on 2026-01-12, so this node does not offer it.
 */
export const infobipApplicationNotice: INodeProperties = {
	displayName:
		"Infobip applications belong to Infobip's Facebook API v1 (Legacy). Infobip's Messenger API has no applications: connect your Facebook page to the Messenger channel in the Infobip portal, then put the page ID into the credential's Page ID (Messenger API) and set the webhook URL of the Messenger Trigger for that page in the portal.",
	name: 'infobipApplicationNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { resource: ['infobipApplication'] } },
};

export const infobipApplicationOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['infobipApplication'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Connect a Facebook page and app to Infobip; reuses an existing application for the same page',
			action: 'Create an application',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete an Infobip application; an application already gone is reported, not an error',
			action: 'Delete an application',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one Infobip application by key',
			action: 'Get an application',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the Infobip applications of the account',
			action: 'Get many applications',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change the page access token (token rotation), App ID or App Secret of an application',
			action: 'Update an application',
		},
	],
	default: 'create',
};

export const infobipApplicationFields: INodeProperties[] = [
	infobipApplicationLocator({ displayOptions: show(['delete', 'get', 'update']) }),
	{
		displayName: 'Page Access Token',
		name: 'pageAccessToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The page access token from the Messenger settings of your Facebook app, under Token Generation',
		displayOptions: show(['create', 'update'], { facebookPage: ['manual'] }),
	},
	{
		displayName: 'Facebook App ID',
		name: 'facebookAppId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1654219114885622',
		displayOptions: show(['create', 'update'], { facebookPage: ['manual'] }),
	},
	{
		displayName: 'Facebook App Secret',
		name: 'facebookAppSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: show(['create', 'update'], { facebookPage: ['manual'] }),
	},
	{
		displayName: 'If It Already Exists',
		name: 'ifExists',
		type: 'options',
		options: [
			{
				name: 'Reuse It',
				value: 'reuse',
				description:
					'An application for the same Facebook app and page token is returned instead of creating another; a different App Secret is updated in place',
			},
			{
				name: 'Create Another',
				value: 'create',
				description: 'Always create a new application (Infobip also adds another webhook to the Facebook app)',
			},
		],
		default: 'reuse',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: show(['getAll']),
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: show(['getAll'], { returnAll: [false] }),
	},
];
