// CM.com response codes (providers.md, and CM's public "Responses & Errors - JSON" page where
// providers.md is silent). The response is always
// `{details, errorCode, messages:[{to, status, reference, parts, messageDetails, messageErrorCode}]}`.
//
// ---------------------------------------------------------------------------------------------
// DECISIONS (HTTP status per case; the documents only say "HTTP status may be 200 even when
// errorCode != 0"):
//  - 101 (no product token, neither `messages.authentication.producttoken` nor X-CM-PRODUCTTOKEN)
//    and 103 (token not the configured one): HTTP 400, `messages: []`, as CM's JSON page shows its
//    "Entire request incorrect" example (400 + errorCode 101). AUTH_HTTP_STATUS changes it.
//  - 202 (not a JSON object / unknown envelope field / wrong types) and 203 (`msg` missing, not an
//    array or empty): HTTP 400, `messages: []`.
//  - 102 (config.cm.outOfCredits): HTTP 200 with errorCode 102 and `messages: []`, nothing delivered.
//  - Per-message rejection: the message's entries get status "Rejected", parts 0, messageDetails
//    naming the field and rule, and a messageErrorCode: 301 from, 302 to, 303 recipient (unknown
//    PSID/token, tag and token mismatch), 304 body/rich-content rule (limits, unsupported input
//    matrix combinations), 305 unknown or mistyped field. The top-level errorCode is then
//    MESSAGES_REJECTED (201, CM's "one or more errors in its messages"; NOTE providers.md lists 201 as
//    "too many messages": CM's own JSON page uses 201 for rejected messages, which is followed here).
//    HTTP 200 when at least one recipient was accepted, HTTP 400 when none was (as CM's page shows).
// ---------------------------------------------------------------------------------------------
export const CM_ERROR = {
	ok: 0,
	authenticationFailed: 101,
	outOfCredits: 102,
	invalidProductToken: 103,
	messagesRejected: 201,
	malformedRequest: 202,
	noMessages: 203,
	invalidFrom: 301,
	invalidTo: 302,
	invalidRecipient: 303,
	invalidBody: 304,
	invalidField: 305,
} as const;

export const AUTH_HTTP_STATUS = 400;
export const ENVELOPE_HTTP_STATUS = 400;
export const OUT_OF_CREDITS_HTTP_STATUS = 200;

export const CM_DETAILS = {
	missingToken: 'No account found for the given authentication (no product token)',
	invalidToken: 'Invalid product token',
	outOfCredits: 'Insufficient balance',
} as const;

/** A rule violation inside one `msg`: rejects that message (or one recipient) with `code`. */
export class CmMessageError extends Error {
	constructor(
		readonly code: number,
		text: string,
	) {
		super(text);
	}
}

/** A violation of the request envelope: the whole request is refused with `code`. */
export class CmRequestError extends Error {
	constructor(
		readonly code: number,
		text: string,
		readonly httpStatus = ENVELOPE_HTTP_STATUS,
	) {
		super(text);
	}
}

export interface CmMessageResult {
	to: string | null;
	status: 'Accepted' | 'Rejected';
	reference: string | null;
	parts: number;
	messageDetails: string | null;
	messageErrorCode: number;
}

export function cmBody(details: string, errorCode: number, messages: CmMessageResult[] = []) {
	return { details, errorCode, messages };
}
