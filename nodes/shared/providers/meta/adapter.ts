import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { SendRequest } from '../../model/message';
import type { ProviderAdapter, ProviderErrorInfo } from '../types';
import { baseUrlOf, isRecord } from '../util';

function graphRecipient(request: SendRequest): Record<string, string> {
	switch (request.recipient.kind) {
		case 'userRef':
			return { user_ref: request.recipient.id };
		case 'notificationToken':
			return { notification_messages_token: request.recipient.id };
		default:
			return { id: request.recipient.id };
	}
}

/** Graph Send API: `POST /{version}/{page-id}/messages`. */
export function buildMetaRequest(request: SendRequest, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const pageId = request.sender || String(credentials.pageId ?? '');
	return {
		method: 'POST',
		baseURL: `${baseUrlOf(credentials)}/${String(credentials.graphApiVersion ?? 'v25.0')}`,
		url: `/${encodeURIComponent(pageId)}/messages`,
		json: true,
		body: {
			recipient: graphRecipient(request),
			messaging_type: 'RESPONSE',
			message: { text: request.message.text },
		},
	};
}

export function parseMetaError(body: unknown): ProviderErrorInfo | undefined {
	const error = isRecord(body) ? body.error : undefined;
	if (!isRecord(error)) return undefined;
	const code = [error.code, error.error_subcode].filter((part) => part !== undefined).join('/');
	return { message: String(error.message ?? 'Graph API error'), code };
}

export const metaAdapter: ProviderAdapter = {
	name: 'meta',
	displayName: 'Meta Graph API',
	credentialType: 'facebookPageMessengerApi',
	operations: new Set(['text']),
	buildSendRequest: buildMetaRequest,
	parseSendResponse(body, request) {
		const result = isRecord(body) ? body : {};
		return {
			messageId: typeof result.message_id === 'string' ? result.message_id : null,
			recipient: typeof result.recipient_id === 'string' ? result.recipient_id : request.recipient.id,
			status: 'sent',
			raw: body,
		};
	},
	parseError: parseMetaError,
};
