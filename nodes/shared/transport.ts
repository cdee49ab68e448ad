import type { IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { asCallFailure, callFailureError, callProvider, responseHeader } from './provider-http';
import { providerApiError } from './provider-error';
import type { ProviderAdapter } from './providers/types';
import type { SenderAuth } from './sender-auth';
import { RETRYABLE_STATUSES, parseRetryAfter, retryDelayMs, type RetryPolicy } from './retry';

/** How a send is made: its retry policy and how long one attempt may wait for an answer. */
export interface SendPolicy extends RetryPolicy {
	/** Per attempt; provider-http's default when absent. */
	timeoutMs?: number;
}

/**
 * One request under the transport rules of provider-http.ts (no redirects, a timeout, secrets
 * masked), retried only when the provider proves the message was not taken: HTTP 429/503, a
 * retryable provider code (Graph 1200 and rate limits, CM.com 201), or a connection that never
 * opened. Retry-After is honoured; HTTP status errors are read here instead of thrown by n8n's helper
 * because the helper's error carries the request config, auth header included.
 */
export async function requestWithRetries(
	fn: IExecuteFunctions,
	adapter: ProviderAdapter,
	options: IHttpRequestOptions,
	policy: SendPolicy,
	itemIndex: number,
	/** Sent as one sender with its own token (./sender-auth.ts); the credential's own token otherwise. */
	auth?: SenderAuth,
): Promise<IN8nHttpFullResponse> {
	const request = auth ? auth.authorize(options) : options;
	const target = auth ? { ...auth.target, displayName: adapter.displayName } : adapter;
	const action = auth ? `sending as ${auth.label}` : undefined;
	for (let attempt = 1; ; attempt++) {
		const canRetry = attempt <= policy.maxRetries;
		let response: IN8nHttpFullResponse;
		try {
			response = await callProvider(fn, target, request, { itemIndex, timeoutMs: policy.timeoutMs, secrets: auth?.secrets });
		} catch (error) {
			const failure = asCallFailure(error);
			if (canRetry && failure.neverSent) {
				await sleep(retryDelayMs(attempt, policy));
				continue;
			}
			throw callFailureError(fn.getNode(), adapter.displayName, failure, {
				itemIndex,
				sendsMessage: true,
				attempts: attempt,
				timeoutSetting: 'Timeout option of the node',
			});
		}
		const problem = adapter.parseError(response.statusCode, response.body);
		if (response.statusCode < 400 && !problem) return response;
		if (RETRYABLE_STATUSES.has(response.statusCode) || problem?.retryable) {
			const retryAfterMs = parseRetryAfter(responseHeader(response.headers, 'retry-after'), Date.now());
			if (retryAfterMs !== undefined && retryAfterMs > policy.maxDelayMs) {
				const note = `${adapter.displayName} asked to wait ${Math.ceil(retryAfterMs / 1000)} s, longer than the Max Retry Wait option.`;
				throw providerApiError(fn.getNode(), adapter.displayName, response.statusCode, problem, {
					itemIndex,
					action,
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
			action,
			notes: [attempt > 1 ? `Tried ${attempt} times.` : undefined],
		});
	}
}
