import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { ProviderName } from '../../shared/model/message';

export const providerProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'provider',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'CM.com', value: 'cm', description: 'CM.com Business Messaging; uses a CM.com (Messenger) API credential' },
		{ name: 'Infobip', value: 'infobip', description: 'Infobip\'s Facebook Messenger API; uses an Infobip (Messenger) API credential' },
		{
			name: 'Meta Graph API (Direct)',
			value: 'meta',
			description: 'Meta\'s Send API with a page access token; uses a Facebook Page (Messenger) API credential',
		},
	],
	default: 'meta',
	description: 'Which service sends the message; each provider has its own credential and its own options',
};

const CREDENTIAL_OF: ReadonlyArray<[string, ProviderName]> = [
	['infobipMessengerApi', 'infobip'],
	['cmComMessengerApi', 'cm'],
	['facebookPageMessengerApi', 'meta'],
];

/**
 * Each credential is shown for its provider by hiding it for the other two, not by `show`. n8n's editor
 * (editor-ui utils/nodeTypesUtils.ts, getNodeAuthFields / getMainAuthField) treats a parameter that the
 * credentials' `show` conditions cover completely as the node's authentication field: it removes it from
 * the panel and folds it into the credential box as a small switch. `hide` is evaluated the same way at
 * run time (NodeHelpers.displayParameter) but is not read by that detection, so Provider stays a field.
 */
export const credentialsForProviders: INodeCredentialDescription[] = CREDENTIAL_OF.map(([name, provider]) => ({
	name,
	required: true,
	displayOptions: {
		hide: { provider: CREDENTIAL_OF.map(([, other]) => other).filter((other) => other !== provider) },
	},
}));
