import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { DEFAULT_PROVIDER, PROVIDER_NAMES, PROVIDERS, providerOptions } from '../../shared/providers';

export const providerProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'provider',
	type: 'options',
	noDataExpression: true,
	options: providerOptions('send'),
	default: DEFAULT_PROVIDER,
	description: 'Which service sends the message; each provider has its own credential and its own options',
};

/**
 * Each credential is shown for its providers by hiding it for the others, not by `show`. n8n's editor
 * (editor-ui utils/nodeTypesUtils.ts, getNodeAuthFields / getMainAuthField) treats a parameter that the
 * credentials' `show` conditions cover completely as the node's authentication field: it removes it from
 * the panel and folds it into the credential box as a small switch. `hide` is evaluated the same way at
 * run time (NodeHelpers.displayParameter) but is not read by that detection, so Provider stays a field.
 */
export const credentialsForProviders: INodeCredentialDescription[] = [
	...new Set(PROVIDER_NAMES.map((provider) => PROVIDERS[provider].credentialType)),
].map((credentialType) => ({
	name: credentialType,
	required: true,
	// Several providers may share one credential type (Infobip's two APIs): it is hidden for the others.
	displayOptions: {
		hide: { provider: PROVIDER_NAMES.filter((other) => PROVIDERS[other].credentialType !== credentialType) },
	},
}));
