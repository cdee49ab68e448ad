import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { pageTokens, type SetupApi } from '../../shared/providers';
import { SenderAuthority } from '../../shared/sender-auth';
import { setupRequest, type SetupRequestOptions } from '../../shared/setup-request';

/** One action of this node for one item: the output items it produces. */
export type Operation = (ctx: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;

/** The credential of the API a resource's calls go to (for the Graph resources, the Facebook Page one). */
export const credentialsOf = async (ctx: IExecuteFunctions, api: SetupApi, itemIndex: number): Promise<ICredentialDataDecryptedObject> =>
	await ctx.getCredentials(api.credentialType, itemIndex);

// Per node run: each page's token is obtained once, whichever operations and items ask for it.
const authorities = new WeakMap<IExecuteFunctions, SenderAuthority>();

function authorityOf(ctx: IExecuteFunctions, api: SetupApi, credentials: ICredentialDataDecryptedObject): SenderAuthority {
	let authority = authorities.get(ctx);
	if (!authority) {
		authority = new SenderAuthority(ctx, api, pageTokens.PAGE_TOKENS, credentials);
		authorities.set(ctx, authority);
	}
	return authority;
}

/** Whether the Facebook Page credential holds a system-user token, from which each page's token is read. */
export const speaksForManyPages = (credentials: ICredentialDataDecryptedObject): boolean => pageTokens.PAGE_TOKENS.appliesTo(credentials);

/**
 * A Graph call that speaks for `pageId`: with the credential's page token as before, or with a
 * system-user credential with that page's own token (fetched again once if Graph refuses it).
 */
export async function pageRequest(
	ctx: IExecuteFunctions,
	api: SetupApi,
	credentials: ICredentialDataDecryptedObject,
	pageId: string,
	request: IHttpRequestOptions,
	options: Omit<SetupRequestOptions, 'auth'> = {},
): Promise<IN8nHttpFullResponse> {
	const itemIndex = options.itemIndex ?? 0;
	return await authorityOf(ctx, api, credentials).run(pageId, itemIndex, async (auth) => await setupRequest(ctx, api, request, { ...options, auth }));
}
