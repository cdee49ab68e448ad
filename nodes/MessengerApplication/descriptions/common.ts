import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { infobipApplications } from '../../shared/providers';

export const PAGE_RESOURCES = ['messengerProfile', 'pageSubscription', 'userProfile'];

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Infobip Application',
			value: 'infobipApplication',
			description: "The Infobip application that connects a Facebook page to Infobip's Facebook API v1 (its key is the sender); Infobip's Messenger API has none",
		},
		{
			name: 'Messenger Profile',
			value: 'messengerProfile',
			description: 'The page\'s Get Started button, greeting, persistent menu, ice breakers and whitelisted domains',
		},
		{
			name: 'Page Subscription',
			value: 'pageSubscription',
			description: 'Which apps receive the page\'s Messenger webhooks, and for which fields',
		},
		{
			name: 'User Profile',
			value: 'userProfile',
			description: 'Name and profile picture of a person who wrote to the page',
		},
	],
	default: 'infobipApplication',
};

/**
 * Where the Facebook side comes from. Infobip create/update show it as a choice; on the page resources a
 * hidden copy holds "credential", so the Facebook Page credential is asked for exactly when it is used.
 */
export const facebookPageSourceProperties: INodeProperties[] = [
	{
		displayName: 'Facebook Page Details',
		name: 'facebookPage',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'From a Facebook Page Credential',
				value: 'credential',
				description: 'Page access token, App ID and App Secret of a Facebook Page (Messenger) credential',
			},
			{
				name: 'Enter Manually',
				value: 'manual',
				description: 'Type the page access token, App ID and App Secret in this node',
			},
		],
		default: 'credential',
		displayOptions: { show: { resource: ['infobipApplication'], operation: ['create', 'update'] } },
	},
	{
		displayName: 'Facebook Page Details',
		name: 'facebookPage',
		type: 'hidden',
		default: 'credential',
		displayOptions: { show: { resource: PAGE_RESOURCES } },
	},
];

export const credentialDescriptions: INodeCredentialDescription[] = [
	{ name: infobipApplications.SETUP_API.credentialType, required: true, displayOptions: { show: { resource: ['infobipApplication'] } } },
	{ name: infobipApplications.PAGE_CREDENTIAL_TYPE, required: true, displayOptions: { show: { facebookPage: ['credential'] } } },
];

/**
 * The canvas subtitle: the chosen operation's action text, e.g. "Get a user profile". n8n evaluates it
 * as an expression over the parameters, whose stored values are internal names, so the texts travel
 * inside it as a lookup table keyed "resource:operation".
 */
export function actionSubtitle(operationProperties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of operationProperties) {
		for (const resource of property.displayOptions?.show?.resource ?? []) {
			for (const option of property.options ?? []) {
				if ('action' in option && option.action) actions[`${String(resource)}:${String(option.value)}`] = option.action;
			}
		}
	}
	return `={{ (${JSON.stringify(actions)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}
