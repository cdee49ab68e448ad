// The transport rules of every provider call, whichever node makes it (send path, setup calls,
// trigger activation, inbox pull): no redirects, a timeout of our own, and no secret of the
// credential in anything that comes back. transport.ts (sends, with retries) and setup-request.ts
// (everything else) both call `callProvider` and turn its failures into errors with `callFailureError`.
import type {
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { NEVER_SENT_ERROR_CODES, networkErrorCode } from './retry';
import { credentialSecrets, maskSecrets, maskSecretsDeep } from './secrets';

/**
 * How long a provider may take to answer. n8n's own default is 300 s, which held an execution for
 * five minutes per item and per retry when a provider accepted the connection and went quiet.
 */
export const DEFAULT_PROVIDER_TIMEOUT_MS = 30_000;

/** The longest timeout an option may ask for: n8n's own default, beyond which ours would mean nothing. */
export const MAX_PROVIDER_TIMEOUT_MS = 300_000;

/** Every node context that calls a provider. */
export type ProviderCallContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

export interface ProviderTarget {
	displayName: string;
	/** The credential n8n authenticates the call with; absent when the request carries its own (the app token). */
	credentialType?: string;
}

export interface ProviderCallOptions {
	itemIndex?: number;
	/** Used when the request sets no `timeout` of its own; DEFAULT_PROVIDER_TIMEOUT_MS when absent. */
	timeoutMs?: number;
	/** Secrets beyond the credential's own that the call carries (the app token): masked in the answer and in errors. */
	secrets?: readonly string[];
	/**
	 * Values masked in error messages only: secrets the request body carries on purpose (an Infobip
	 * application's page token), which the answer may rightly return for the node to handle.
	 */
	messageSecrets?: readonly string[];
}

export type CallFailureKind = 'redirect' | 'timeout' | 'connection';

/** A provider call that got no usable answer: a redirect, no answer in time, or no connection. */
export class ProviderCallFailure extends Error {
	constructor(
		readonly kind: CallFailureKind,
		message: string,
		readonly details: { code?: string; statusCode?: number; location?: string; timeoutMs?: number } = {},
	) {
		super(message);
		this.name = 'ProviderCallFailure';
	}

	/** The request provably never reached the provider, so sending it again cannot duplicate anything. */
	get neverSent(): boolean {
		return this.kind === 'connection' && this.details.code !== undefined && NEVER_SENT_ERROR_CODES.has(this.details.code);
	}
}

/**
 * n8n's request options for a provider call. Redirects are off: n8n's helper re-sends the credential
 * to whatever host a redirect names (Authorization by default, X-CM-PRODUCTTOKEN always), and a
 * provider API has no reason to redirect an authenticated call.
 */
export function providerRequestOptions(options: IHttpRequestOptions, timeoutMs = DEFAULT_PROVIDER_TIMEOUT_MS): IHttpRequestOptions {
	return {
		...options,
		timeout: options.timeout ?? timeoutMs,
		disableFollowRedirect: true,
		maxRedirects: 0,
		sendCredentialsOnCrossOriginRedirect: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
}

/** A response header by lower-case name, whatever casing the server used. */
export function responseHeader(headers: IN8nHttpFullResponse['headers'], name: string): unknown {
	const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : (headers as Record<string, unknown>)[key];
}

/** Where a redirect pointed, as a host only: the path and query of a Location may carry anything. */
export function redirectHost(location: unknown, requestUrl: string): string | undefined {
	const text = Array.isArray(location) ? location[0] : location;
	if (typeof text !== 'string' || !text.trim()) return undefined;
	try {
		return new URL(text.trim(), requestUrl).host || undefined;
	} catch {
		return undefined;
	}
}

function requestUrlOf(options: IHttpRequestOptions): string {
	const base = options.baseURL ?? '';
	try {
		return new URL(`${base}${options.url}`).toString();
	} catch {
		return 'http://unknown.invalid/';
	}
}

function isTimeout(error: unknown, code: string | undefined): boolean {
	if (code === 'ETIMEDOUT') return true;
	if (code !== 'ECONNABORTED') return false;
	for (let current: unknown = error, depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		if (/timeout/i.test(String((current as { message?: unknown }).message ?? ''))) return true;
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}

/**
 * One provider call under the transport rules: returns the answer whatever its HTTP status, with
 * every secret of the credential masked in its body; throws ProviderCallFailure (message masked) for
 * a redirect, a timeout or a failed connection.
 */
export async function callProvider(
	ctx: ProviderCallContext,
	target: ProviderTarget,
	options: IHttpRequestOptions,
	{ itemIndex, timeoutMs, secrets = [], messageSecrets = [] }: ProviderCallOptions = {},
): Promise<IN8nHttpFullResponse> {
	const request = providerRequestOptions(options, timeoutMs);
	const send = target.credentialType
		? ctx.helpers.httpRequestWithAuthentication.call(ctx, target.credentialType, request)
		: ctx.helpers.httpRequest(request);
	const response = (await send.catch(async (error: unknown) => {
		const mask = [...secrets, ...messageSecrets, ...(await credentialSecrets(ctx, target.credentialType, itemIndex))];
		const code = networkErrorCode(error);
		const reason = maskSecrets(error instanceof Error ? error.message : String(error), mask);
		throw new ProviderCallFailure(isTimeout(error, code) ? 'timeout' : 'connection', reason, { code, timeoutMs: request.timeout });
	})) as IN8nHttpFullResponse;
	const mask = [...secrets, ...(await credentialSecrets(ctx, target.credentialType, itemIndex))];
	const masked: IN8nHttpFullResponse = { ...response, body: maskSecretsDeep(response.body, mask) };
	if (masked.statusCode >= 300 && masked.statusCode < 400) {
		const host = redirectHost(responseHeader(masked.headers, 'location'), requestUrlOf(request));
		throw new ProviderCallFailure('redirect', `HTTP ${masked.statusCode} redirect`, {
			statusCode: masked.statusCode,
			location: host,
		});
	}
	return masked;
}

/** Whatever callProvider threw, as a ProviderCallFailure (it throws nothing else; this keeps callers total). */
export function asCallFailure(error: unknown): ProviderCallFailure {
	return error instanceof ProviderCallFailure ? error : new ProviderCallFailure('connection', error instanceof Error ? error.message : String(error));
}

function seconds(ms: number | undefined): string {
	return `${Number(((ms ?? DEFAULT_PROVIDER_TIMEOUT_MS) / 1000).toFixed(3))} s`;
}

export interface CallFailureErrorOptions {
	itemIndex?: number;
	/** The call sends a message: a failure after sending may have delivered it. */
	sendsMessage?: boolean;
	/** How many attempts were made (retries of calls that never reached the provider). */
	attempts?: number;
	/** Where the user sets the timeout, for the hint; the default when there is no option. */
	timeoutSetting?: string;
}

/**
 * A ProviderCallFailure as the node's error. No `code` key in the error response: NodeApiError
 * would swap the message for its generic text for that code (which suggests retrying, wrong when
 * the message may have been delivered).
 */
export function callFailureError(
	node: INode,
	displayName: string,
	failure: ProviderCallFailure,
	{ itemIndex, sendsMessage = false, attempts = 1, timeoutSetting }: CallFailureErrorOptions = {},
): NodeApiError {
	const what = sendsMessage ? `${displayName} may or may not have delivered the message; it was not retried to avoid a duplicate` : 'the request may or may not have taken effect';
	let message: string;
	let description: string;
	if (failure.kind === 'redirect') {
		const where = failure.details.location ? `to ${failure.details.location}` : 'without a usable Location';
		message = `${displayName} answered with a redirect (HTTP ${failure.details.statusCode}) ${where}`;
		description =
			'Provider calls do not follow redirects, so the request and its credential were not sent there. ' +
			'Check the base URL of the credential: use the address the provider documents, with https.';
	} else if (failure.kind === 'timeout') {
		message = `${displayName} did not answer within ${seconds(failure.details.timeoutMs)}`;
		description = `No answer came in time, so ${what}. ${timeoutSetting ? `The limit is the ${timeoutSetting}.` : ''}`.trim();
	} else {
		const code = failure.details.code;
		message = `${displayName} could not be reached`;
		if (!sendsMessage) description = `${failure.message}. Check the base URL of the credential.`;
		else if (failure.neverSent) description = `The request did not reach ${displayName} (${code}); check the base URL of the credential.`;
		else description = `The connection failed (${code ?? 'no answer'}) after the request was sent, so ${what}.`;
	}
	if (attempts > 1) description = `${description} Tried ${attempts} times.`;
	const error = new NodeApiError(node, { message: failure.message, connectionError: failure.details.code ?? failure.kind } as JsonObject, {
		itemIndex,
		message,
		description,
		httpCode: failure.details.statusCode !== undefined ? String(failure.details.statusCode) : undefined,
	});
	error.context.providerCode = failure.details.code;
	return error;
}
