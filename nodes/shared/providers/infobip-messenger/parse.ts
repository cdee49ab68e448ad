// Infobip's Messenger API answers: the send response `{bulkId, messages: [{messageId, status,
// destination}]}` and the ApiError body `{errorCode, description, action, violations, resources}`
// (OpenAPI 3.210.0, responses of send-messenger-message and components/responses ApiError4xx/5xx).
import type { SendRequest } from '../../model/message';
import type { ParsedSendResponse, ProviderErrorInfo } from '../types';
import { hintFor, isRecord, stringOr } from '../util';

const HINTS: Readonly<Record<string, string>> = {
	E401: "Check the Infobip credential: the API key (or username and password) and your account's own base URL",
	E403: 'The API key may not use the Messenger API: give it the Messenger scope on the API keys page of the Infobip portal',
	E400: 'Infobip refused the request: check the sender (the Facebook page connected to Infobip) and the recipient (the PSID from the trigger)',
	E429: 'Infobip is rate-limiting this account: wait and try again',
};

function violationsOf(body: Record<string, unknown>): string {
	if (!Array.isArray(body.violations)) return '';
	const lines = body.violations
		.filter(isRecord)
		.map((violation) => [stringOr(violation.property, ''), stringOr(violation.violation, '')].filter(Boolean).join(': '))
		.filter(Boolean);
	return lines.length ? ` (${lines.join('; ')})` : '';
}

/** The first message's status when its group is REJECTED (group id 5): Infobip did not take it. */
function rejectedStatus(body: unknown): Record<string, unknown> | undefined {
	const first = isRecord(body) && Array.isArray(body.messages) && isRecord(body.messages[0]) ? body.messages[0] : undefined;
	const status = first && isRecord(first.status) ? first.status : undefined;
	return status && (status.groupName === 'REJECTED' || status.groupId === 5) ? status : undefined;
}

/**
 * The ApiError body; Infobip's older `{requestError: {serviceException: {messageId, text}}}` as well,
 * which its gateway still answers some authentication failures with; and a 200 whose message was REJECTED.
 */
export function parseMessengerApiError(statusCode: number, body: unknown): ProviderErrorInfo | undefined {
	if (isRecord(body) && typeof body.errorCode === 'string') {
		const code = body.errorCode;
		return {
			message: `${stringOr(body.description, `HTTP ${statusCode}`)}${violationsOf(body)}`,
			code,
			// The code is the answer's: only HINTS' own keys count ("constructor" would be Object's).
			hint: hintFor(HINTS, code) ?? stringOr(body.action, undefined),
			retryable: code === 'E429' ? true : undefined,
		};
	}
	const exception = isRecord(body) && isRecord(body.requestError) ? body.requestError.serviceException : undefined;
	if (isRecord(exception)) {
		const code = stringOr(exception.messageId, '');
		return { message: stringOr(exception.text, `HTTP ${statusCode}`), code, hint: code === 'UNAUTHORIZED' ? HINTS.E401 : undefined };
	}
	const rejected = rejectedStatus(body);
	if (rejected) {
		return {
			message: stringOr(rejected.description, stringOr(rejected.name, 'Message rejected')),
			code: stringOr(rejected.name, 'REJECTED'),
			hint: stringOr(rejected.action, undefined),
		};
	}
	return undefined;
}

/** The one message this node sent: its messageId and destination, in the shape every provider gives. */
export function parseMessengerApiResponse(body: unknown, request: SendRequest): ParsedSendResponse {
	const first = isRecord(body) && Array.isArray(body.messages) && isRecord(body.messages[0]) ? body.messages[0] : {};
	return {
		messageId: stringOr(first.messageId, null),
		recipient: stringOr(first.destination, request.recipient.id),
		status: 'accepted',
		raw: body,
	};
}
