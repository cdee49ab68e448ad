import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { SendRequest } from '../../model/message';
import type { ProviderAdapter, ProviderErrorInfo } from '../types';
import { baseUrlOf, isRecord } from '../util';

/** Seed 004: the `messages.msg[]` envelope, Messenger only, text in `richContent.conversation`. */
export function buildCmRequest(request: SendRequest, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const from = request.sender || String(credentials.pageId ?? '');
	return {
		method: 'POST',
		baseURL: baseUrlOf(credentials),
		url: '/v1.0/message',
		json: true,
		body: {
			messages: {
				msg: [
					{
						from,
						to: [{ number: request.recipient.id }],
						allowedChannels: ['Facebook Messenger'],
						body: { type: 'auto', content: request.message.text },
						richContent: { conversation: [{ text: request.message.text }] },
					},
				],
			},
		},
	};
}

/** CM.com can answer HTTP 200 with a non-zero errorCode: that is a failure too. */
export function parseCmError(body: unknown): ProviderErrorInfo | undefined {
	if (!isRecord(body) || typeof body.errorCode !== 'number' || body.errorCode === 0) return undefined;
	const first = Array.isArray(body.messages) && isRecord(body.messages[0]) ? body.messages[0] : {};
	const detail = typeof first.messageDetails === 'string' && first.messageDetails ? first.messageDetails : body.details;
	return { message: String(detail ?? 'CM.com error'), code: String(body.errorCode) };
}

export const cmAdapter: ProviderAdapter = {
	name: 'cm',
	displayName: 'CM.com',
	credentialType: 'cmComMessengerApi',
	operations: new Set(['text']),
	buildSendRequest: buildCmRequest,
	parseSendResponse(body, request) {
		const first = isRecord(body) && Array.isArray(body.messages) && isRecord(body.messages[0]) ? body.messages[0] : {};
		return {
			messageId: typeof first.reference === 'string' && first.reference ? first.reference : null,
			recipient: typeof first.to === 'string' ? first.to : request.recipient.id,
			status: 'accepted',
			raw: body,
		};
	},
	parseError: parseCmError,
};
