import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse, NodeApiError } from 'n8n-workflow';

import { asCallFailure, callFailureError, callProvider, type ProviderCallContext, type ProviderTarget } from './provider-http';
import { providerApiError } from './provider-error';
import type { SetupApi } from './providers/types';
import type { SenderAuth } from './sender-auth';

export type { SetupApi } from './providers/types';

export type SetupContext = IExecuteFunctions | ILoadOptionsFunctions;

/** Every node context that calls a provider outside the send path. */
export type { ProviderCallContext } from './provider-http';

export interface SetupRequestOptions {
	itemIndex?: number;
	/** Statuses handed back to the caller instead of failing (e.g. 404 for an idempotent delete). */
	allowStatuses?: readonly number[];
	/** Values to scrub from any error text (secrets the request carried in its body). */
	secrets?: readonly string[];
	/** Sent as one page with its own token (./sender-auth.ts) instead of with the credential's token. */
	auth?: SenderAuth;
}

/**
 * One request under the transport rules of provider-http.ts (no redirects, a timeout, the
 * credential's secrets masked in the answer) that hands back every HTTP answer, whatever its status.
 * A call that gets no answer becomes "<provider> could not be reached" or "did not answer within",
 * built from the error's message alone: n8n's own error carries the request config, auth included.
 */
export async function requestFullResponse(
	ctx: ProviderCallContext,
	api: ProviderTarget,
	options: IHttpRequestOptions,
	{ itemIndex, secrets = [], auth }: Pick<SetupRequestOptions, 'itemIndex' | 'secrets' | 'auth'> = {},
): Promise<IN8nHttpFullResponse> {
	try {
		if (auth) {
			const target = { ...auth.target, displayName: api.displayName };
			return await callProvider(ctx, target, auth.authorize(options), { itemIndex, secrets: auth.secrets, messageSecrets: secrets });
		}
		return await callProvider(ctx, api, options, { itemIndex, messageSecrets: secrets });
	} catch (error) {
		const failure = asCallFailure(error);
		const wrapped = callFailureError(ctx.getNode(), api.displayName, failure, { itemIndex });
		// Kept so a caller can tell a request that never left (ECONNREFUSED), or was answered with a
		// redirect, from one cut off after it was sent (the inbox pull's messages may then be gone).
		wrapped.context.networkCode = failure.details.code ?? (failure.kind === 'timeout' ? 'ETIMEDOUT' : undefined);
		wrapped.context.callFailureKind = failure.kind;
		throw wrapped;
	}
}

/**
 * One request with n8n's credential handling. HTTP errors are read here rather than thrown by n8n's
 * helper, whose error carries the request config (auth header and body included): the NodeApiError is
 * built from the provider's own error body only, so it names the provider's message and nothing secret.
 */
export async function setupRequest(
	ctx: SetupContext,
	api: SetupApi,
	options: IHttpRequestOptions,
	{ itemIndex, allowStatuses = [], secrets = [], auth }: SetupRequestOptions = {},
): Promise<IN8nHttpFullResponse> {
	const response = await requestFullResponse(ctx, api, options, { itemIndex, secrets, auth });
	if (allowStatuses.includes(response.statusCode)) return response;
	const problem = api.parseError(response.statusCode, response.body);
	if (response.statusCode < 400 && !problem) return response;
	throw setupError(ctx, api, response, { itemIndex, secrets, action: auth ? `for ${auth.label}` : undefined });
}

/** The provider's error in `response` as a NodeApiError built from its error body only. */
export function setupError(
	ctx: SetupContext,
	api: SetupApi,
	response: IN8nHttpFullResponse,
	{ itemIndex, secrets = [], action }: Pick<SetupRequestOptions, 'itemIndex' | 'secrets'> & { action?: string } = {},
): NodeApiError {
	const problem = api.parseError(response.statusCode, response.body);
	return providerApiError(ctx.getNode(), api.displayName, response.statusCode, problem, { itemIndex, secrets, action });
}
