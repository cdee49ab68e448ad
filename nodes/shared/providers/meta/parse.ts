import type { SendRequest } from '../../model/message';
import { META_TAG_REFUSED_HINT } from './discontinued';
import type { ParsedSendResponse, ProviderErrorInfo } from '../types';
import { hintFor, isRecord, stringOr } from '../util';
import { readGraphError } from './graph/error';

const WINDOW_HINT =
	"The user has not written to the page in the last 24 hours: reply inside the window, use the tag HUMAN_AGENT (Options > Message Tag) for a person's reply within 7 days, or send the update as a Meta utility message";
const USER_HINT =
	'No user with this PSID for this page: PSIDs are page-scoped, so use the sender id from this page\'s own webhook events';
const TOKEN_HINT =
	"The access token is invalid or expired: with a Page Access Token credential, generate a new page token; with a system user credential (whose page tokens the node already read again once), generate a new system user token in Meta Business Suite (Settings > Users > System users); then update the Facebook Page credential";
const PERMISSION_HINT = 'The page token lacks permission: it needs pages_messaging for this page';
const RATE_HINT = 'Graph is rate limiting this page; the node retried as configured';

/** Hints by `code/subcode`, then by code alone (providers.md's list of common Graph errors). */
const HINTS: Readonly<Record<string, string>> = {
	'10/2018278': WINDOW_HINT,
	'100/2018001': USER_HINT,
	// Refused message tags (github.com/chatwoot/chatwoot/issues/14669 reports this subcode).
	'100/1893061': META_TAG_REFUSED_HINT,
	'190': TOKEN_HINT,
	'200': PERMISSION_HINT,
	'230': PERMISSION_HINT,
	'551': 'This person is not available right now (the user may have blocked the page or left Messenger)',
	'1200': 'Messenger had a temporary send failure; the node retried as configured',
	'4': RATE_HINT,
	'32': RATE_HINT,
	'613': RATE_HINT,
};

/** 1200: temporary send failure; 4, 32, 613: rate limits. Graph did not send the message in each case. */
const RETRYABLE_CODES = new Set([1200, 4, 32, 613]);

/** Graph errors (./graph/error.ts), with the hints and retry rules of the Send API. */
export function parseMetaError(statusCode: number, body: unknown): ProviderErrorInfo | undefined {
	const error = readGraphError(statusCode, body);
	if (!error) return undefined;
	const { message, code, fullCode } = error;
	// Meta's answer to a refused tag is a bare "Invalid parameter"; a subcode other than the reported one still gets the hint when the message names the tag.
	const tagRefused = code === 100 && /\btag\b/i.test(message) ? META_TAG_REFUSED_HINT : undefined;
	return {
		message,
		code: fullCode,
		hint: hintFor(HINTS, fullCode) ?? tagRefused ?? hintFor(HINTS, code),
		retryable: RETRYABLE_CODES.has(code),
	};
}

/** `{recipient_id, message_id}`; a sender action answers `{recipient_id}` only. */
export function parseMetaResponse(body: unknown, request: SendRequest): ParsedSendResponse {
	const result = isRecord(body) ? body : {};
	return {
		messageId: stringOr(result.message_id, null),
		recipient: stringOr(result.recipient_id, request.recipient.id),
		status: 'sent',
		raw: body,
	};
}
