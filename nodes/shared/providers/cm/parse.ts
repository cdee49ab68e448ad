import type { SendRequest } from '../../model/message';
import type { ParsedSendResponse, ProviderErrorInfo } from '../types';
import { hintFor, isRecord, stringOr } from '../util';

const AUTH_HINT = 'Check the product token of the CM.com credential (CM.com portal > Gateway > product token)';

/** providers.md: CM.com's top-level errorCode values. */
const HINTS: Readonly<Record<number, string>> = {
	101: AUTH_HINT,
	102: 'The CM.com account is out of credits: top it up in the CM.com portal, then send again',
	103: AUTH_HINT,
	202: 'CM.com could not read the request',
	301: 'The sender (from) is not a Facebook page of this product token: check the page ID in the credential or the node\'s Sender option',
	302: 'The recipient is missing',
	303: 'The recipient is not a PSID of this page, or a notification token without the NOTIFICATION_MESSAGE tag',
};

function firstMessage(body: unknown): Record<string, unknown> {
	return isRecord(body) && Array.isArray(body.messages) && isRecord(body.messages[0]) ? body.messages[0] : {};
}

/**
 * CM.com can answer HTTP 200 with a non-zero errorCode, and a per-message status of Rejected: both are
 * failures. Seed 004 and providers.md: `{details, errorCode, messages: [{status, messageErrorCode, ...}]}`.
 */
export function parseCmError(statusCode: number, body: unknown): ProviderErrorInfo | undefined {
	const first = firstMessage(body);
	const errorCode = isRecord(body) && typeof body.errorCode === 'number' ? body.errorCode : 0;
	const messageErrorCode = typeof first.messageErrorCode === 'number' ? first.messageErrorCode : 0;
	const rejected = typeof first.status === 'string' && first.status.toLowerCase() === 'rejected';
	if (!errorCode && !messageErrorCode && !rejected) return undefined;
	// The per-message code says more than the request-level 201 ("one or more messages rejected").
	// providers.md reads 201 as a rate limit, but CM.com uses it for rejections, so it is never retried:
	// rate limiting arrives as HTTP 429, which the transport retries.
	const code = messageErrorCode || errorCode;
	const details = isRecord(body) ? body.details : undefined;
	return {
		message: stringOr(first.messageDetails, stringOr(details, `CM.com error ${code} (HTTP ${statusCode})`)),
		code: String(code),
		hint: hintFor(HINTS, code),
	};
}

export function parseCmResponse(body: unknown, request: SendRequest): ParsedSendResponse {
	const first = firstMessage(body);
	return {
		messageId: stringOr(first.reference, null),
		recipient: stringOr(first.to, request.recipient.id),
		status: 'accepted',
		raw: body,
	};
}
