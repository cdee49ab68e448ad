import type { SendRequest } from '../../model/message';
import type { ParsedSendResponse, ProviderErrorInfo } from '../types';
import { hintFor, isRecord, stringOr } from '../util';

const HINTS: Readonly<Record<string, string>> = {
	UNAUTHORIZED:
		'Check the Infobip credential: the API key (or username and password) and the base URL of your account',
	BAD_REQUEST: 'Infobip refused the request body; check the sender (application key) and the user key',
};

/**
 * Infobip's v1 error body is `{requestError: {serviceException: {messageId, text}}}`. A 200 whose
 * status group is REJECTED (group id 5) was not sent either.
 */
export function parseInfobipError(statusCode: number, body: unknown): ProviderErrorInfo | undefined {
	const exception = isRecord(body) && isRecord(body.requestError) ? body.requestError.serviceException : undefined;
	if (isRecord(exception)) {
		const code = stringOr(exception.messageId, '');
		return { message: stringOr(exception.text, `HTTP ${statusCode}`), code, hint: hintFor(HINTS, code) };
	}
	const status = isRecord(body) && isRecord(body.status) ? body.status : undefined;
	if (status && (status.groupName === 'REJECTED' || status.groupId === 5)) {
		return {
			message: stringOr(status.description, stringOr(status.name, 'Message rejected')),
			code: stringOr(status.name, 'REJECTED'),
			hint: stringOr(status.action, undefined),
		};
	}
	return undefined;
}

/** Seed 003's response: `{to, status, messageCount, messageId}`. */
export function parseInfobipResponse(body: unknown, request: SendRequest): ParsedSendResponse {
	const result = isRecord(body) ? body : {};
	return {
		messageId: stringOr(result.messageId, null),
		recipient: stringOr(result.to, request.recipient.id),
		status: 'accepted',
		raw: body,
	};
}
