import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { SendRequest } from '../../model/message';
import type { ProviderAdapter, ProviderErrorInfo } from '../types';
import { baseUrlOf, isRecord } from '../util';

/** Seed 003: `POST /facebook/1/single` with `{from, to, message}`. */
export function buildInfobipRequest(
	request: SendRequest,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	const from = request.sender || String(credentials.defaultSender ?? '');
	return {
		method: 'POST',
		baseURL: baseUrlOf(credentials),
		url: '/facebook/1/single',
		json: true,
		body: {
			from,
			to: request.recipient.id,
			message: { type: 'TEXT', text: request.message.text },
		},
	};
}

export function parseInfobipError(body: unknown): ProviderErrorInfo | undefined {
	const exception = isRecord(body) && isRecord(body.requestError) ? body.requestError.serviceException : undefined;
	if (!isRecord(exception)) return undefined;
	return { message: String(exception.text ?? 'Infobip error'), code: String(exception.messageId ?? '') };
}

export const infobipAdapter: ProviderAdapter = {
	name: 'infobip',
	displayName: 'Infobip',
	credentialType: 'infobipMessengerApi',
	operations: new Set(['text']),
	buildSendRequest: buildInfobipRequest,
	parseSendResponse(body, request) {
		const result = isRecord(body) ? body : {};
		return {
			messageId: typeof result.messageId === 'string' ? result.messageId : null,
			recipient: typeof result.to === 'string' ? result.to : request.recipient.id,
			status: 'accepted',
			raw: body,
		};
	},
	parseError: parseInfobipError,
};
