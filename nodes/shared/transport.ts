import type { IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { providerApiError } from './provider-error';
import type { ProviderAdapter } from './providers/types';
import {
	NEVER_SENT_ERROR_CODES,
	RETRYABLE_STATUSES,
	networkErrorCode,
	parseRetryAfter,
	retryDelayMs,
	type RetryPolicy,
} from './retry';

function header(headers: IN8nHttpFullResponse['headers'], name: string): unknown {
	const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : (headers as Record<string, unknown>)[key];
}

function connectionError(
	fn: IExecuteFunctions,
	adapter: ProviderAdapter,
	error: unknown,
	itemIndex: number,
	attempts: number,
): NodeApiError {
	const code = networkErrorCode(error);
	const neverSent = code !== undefined && NEVER_SENT_ERROR_CODES.has(code);
	// The code goes into the description: n8n replaces messages that mention ECONNRESET & co. with a
	// generic text that suggests retrying, which is wrong when the message may have been delivered.
	const description = neverSent
		? `The request did not reach ${adapter.displayName} (${code}); check the base URL of the credential.`
		: `The connection failed (${code ?? 'no answer'}) after the request was sent, so ${adapter.displayName} may or may not have delivered the message; it was not retried to avoid a duplicate.`;
	// No `code` key: NodeApiError would swap the message for its generic text for that code.
	const wrapped = new NodeApiError(fn.getNode(), { message: 'connection failed', connectionError: code ?? '' } as JsonObject, {
		itemIndex,
		message: `${adapter.displayName} could not be reached`,
		description: attempts > 1 ? `${description} Tried ${attempts} times.` : description,
	});
	wrapped.context.providerCode = code;
	return wrapped;
}

/**
 * One request with n8n's credential handling, retried only when the provider proves the message was
 * not taken: HTTP 429/503, a retryable provider code (Graph 1200 and rate limits, CM.com 201), or a
 * connection that never opened. Retry-After is honoured; HTTP status errors are read here instead of
 * thrown by n8n's helper because the helper's error carries the request config, auth header included.
 */
export async function requestWithRetries(
	fn: IExecuteFunctions,
	adapter: ProviderAdapter,
	options: IHttpRequestOptions,
	policy: RetryPolicy,
	itemIndex: number,
): Promise<IN8nHttpFullResponse> {
	for (let attempt = 1; ; attempt++) {
		const canRetry = attempt <= policy.maxRetries;
		let response: IN8nHttpFullResponse;
		try {
			response = (await fn.helpers.httpRequestWithAuthentication.call(fn, adapter.credentialType, {
				...options,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			const code = networkErrorCode(error);
			if (canRetry && code !== undefined && NEVER_SENT_ERROR_CODES.has(code)) {
				await sleep(retryDelayMs(attempt, policy));
				continue;
			}
			throw connectionError(fn, adapter, error, itemIndex, attempt);
		}
		const problem = adapter.parseError(response.statusCode, response.body);
		if (response.statusCode < 400 && !problem) return response;
		if (RETRYABLE_STATUSES.has(response.statusCode) || problem?.retryable) {
			const retryAfterMs = parseRetryAfter(header(response.headers, 'retry-after'), Date.now());
			if (retryAfterMs !== undefined && retryAfterMs > policy.maxDelayMs) {
				const note = `${adapter.displayName} asked to wait ${Math.ceil(retryAfterMs / 1000)} s, longer than the Max Retry Wait option.`;
				throw providerApiError(fn.getNode(), adapter.displayName, response.statusCode, problem, {
					itemIndex,
					notes: [attempt > 1 ? `Tried ${attempt} times.` : undefined, note],
				});
			}
			if (canRetry) {
				await sleep(retryDelayMs(attempt, policy, retryAfterMs));
				continue;
			}
		}
		throw providerApiError(fn.getNode(), adapter.displayName, response.statusCode, problem, {
			itemIndex,
			notes: [attempt > 1 ? `Tried ${attempt} times.` : undefined],
		});
	}
}
