// The sandbox's default accounts as a user would type them into n8n's credential forms, one builder
// per provider, for every node test. The credential type names come from the provider registry.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { PROVIDERS, type ProviderName } from '../../nodes/shared/providers';
import type { Sandbox, SandboxConfig } from '../../sandbox';

/** The credential type each provider's nodes ask for. */
export const CREDENTIAL_TYPES = Object.fromEntries(
	Object.entries(PROVIDERS).map(([name, provider]) => [name, provider.credentialType]),
) as Readonly<Record<ProviderName, string>>;

/** Each provider's builder reads only its own part of the sandbox config. */
/** The sandbox config section each provider's account lives in: Infobip's two APIs share one account. */
type AccountOf<P extends ProviderName> = P extends 'infobipMessenger' ? 'infobip' : P;

export const SANDBOX_CREDENTIALS: { readonly [P in ProviderName]: (url: string, config: Pick<SandboxConfig, AccountOf<P>>) => ICredentialDataDecryptedObject } = {
	infobip: (url, { infobip }) => ({ baseUrl: url, authType: 'apiKey', apiKey: infobip.apiKey, defaultSender: infobip.applicationKeys[0] }),
	// The same Infobip credential; its Page ID (Messenger API) is the page connected to the Messenger API.
	infobipMessenger: (url, { infobip }) => ({ baseUrl: url, authType: 'apiKey', apiKey: infobip.apiKey, messengerPageId: infobip.messengerApi.pageIds[0] }),
	cm: (url, { cm }) => ({ baseUrl: url, productToken: cm.productToken, pageId: cm.pageIds[0] }),
	meta: (url, { meta }) => ({
		baseUrl: url,
		graphApiVersion: 'v25.0',
		pageId: meta.pageId,
		accessToken: meta.pageAccessToken,
		appId: meta.appId,
		appSecret: meta.appSecret,
		verifyToken: 'verify-me',
	}),
};

/** The credential of `provider` for the sandbox's default account, with `overrides` on top. */
export function sandboxCredentials(
	sandbox: Pick<Sandbox, 'url' | 'config'>,
	provider: ProviderName,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	const build = SANDBOX_CREDENTIALS[provider] as (url: string, config: SandboxConfig) => ICredentialDataDecryptedObject;
	return { ...build(sandbox.url, sandbox.config), ...overrides };
}

/**
 * The Facebook Page credential as a business fills it in for many pages: the sandbox's system user
 * token, the first page as the default page, and no page token.
 */
export function systemUserCredentials(
	sandbox: Pick<Sandbox, 'url' | 'config'>,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	const { systemUser } = sandbox.config.meta;
	if (!systemUser) throw new Error('The sandbox config has no Meta system user');
	const { accessToken: _pageToken, ...single } = sandboxCredentials(sandbox, 'meta');
	return { ...single, authType: 'systemUser', systemUserToken: systemUser.accessToken, ...overrides };
}
