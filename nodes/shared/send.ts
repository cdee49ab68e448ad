import type { IExecuteFunctions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { SendRequest, SendResult } from './model/message';
import { validateSendRequest } from './model/validate';
import type { ProviderAdapter } from './providers/types';

/**
 * Validates, sends and normalizes one message. HTTP status errors are read here rather than thrown by
 * n8n's helper, because the helper's error carries the request config (with the auth header) and
 * because CM.com reports some failures with HTTP 200.
 */
export async function sendMessage(
	fn: IExecuteFunctions,
	itemIndex: number,
	adapter: ProviderAdapter,
	request: SendRequest,
): Promise<SendResult> {
	const warnings = validateSendRequest(adapter.name, request);
	const credentials = await fn.getCredentials(adapter.credentialType, itemIndex);
	const options = adapter.buildSendRequest(request, credentials);
	let response: IN8nHttpFullResponse;
	try {
		response = (await fn.helpers.httpRequestWithAuthentication.call(fn, adapter.credentialType, {
			...options,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new NodeApiError(
			fn.getNode(),
			{ message: reason } as JsonObject,
			{ itemIndex, message: `${adapter.displayName} could not be reached: ${reason}` },
		);
	}
	const problem = adapter.parseError(response.body);
	if (response.statusCode >= 400 || problem) {
		const message = problem?.message ?? `HTTP ${response.statusCode}`;
		throw new NodeApiError(fn.getNode(), { message, code: problem?.code ?? '' } as JsonObject, {
			itemIndex,
			httpCode: String(response.statusCode),
			message: `${adapter.displayName}: ${message}`,
			description: problem?.hint,
		});
	}
	const result: SendResult = { provider: adapter.name, ...adapter.parseSendResponse(response.body, request) };
	if (warnings.length) result.warnings = warnings;
	return result;
}
