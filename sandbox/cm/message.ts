// POST /v1.0/message (seed 004 envelope, providers.md response): authentication, envelope, credits,
// then every `msg` on its own (a rejected msg does not stop the others, as CM's JSON gateway does).
import { randomUUID } from 'node:crypto';
import type { SandboxConfig, SandboxRequest, SandboxResponse } from '../core/types';
import {
	AUTH_HTTP_STATUS,
	CM_DETAILS,
	CM_ERROR,
	cmBody,
	CmMessageError,
	CmRequestError,
	OUT_OF_CREDITS_HTTP_STATUS,
	type CmMessageResult,
} from './errors';
import { BODY_TYPES, CM_LIMITS, MESSENGER_CHANNEL, MSG_FIELDS, NOTIFICATION_TAG } from './limits';
import { validateRichContent, type RichContentInfo } from './rich';
import { bodyError, fieldError, isRecord, maxChars, onlyKeys, stringField, type Json } from './shape';

export interface CmSendDeps {
	config: SandboxConfig['cm'];
	isUser(psid: string): boolean;
	/** The PSID a notification token was issued for, if it is one. */
	tokenOwner(token: string): string | undefined;
	deliver(messageId: string, recipient: string, msg: Json): void;
}

/** The product token: `messages.authentication.producttoken` when given, else X-CM-PRODUCTTOKEN. */
function productToken(req: SandboxRequest, json: Json): string | undefined {
	const messages = json.messages;
	if (isRecord(messages) && isRecord(messages.authentication)) {
		const token = messages.authentication.producttoken;
		if (typeof token === 'string' && token !== '') return token;
	}
	const header = req.headers['x-cm-producttoken'];
	const value = Array.isArray(header) ? header[0] : header;
	return value ? value : undefined;
}

function envelope(req: SandboxRequest, config: SandboxConfig['cm']): unknown[] {
	const json = req.json;
	if (!isRecord(json)) throw new CmRequestError(CM_ERROR.malformedRequest, 'This request is malformed: the body must be a JSON object {messages: {...}}');
	const token = productToken(req, json);
	if (token === undefined) throw new CmRequestError(CM_ERROR.authenticationFailed, CM_DETAILS.missingToken, AUTH_HTTP_STATUS);
	if (token !== config.productToken) throw new CmRequestError(CM_ERROR.invalidProductToken, CM_DETAILS.invalidToken, AUTH_HTTP_STATUS);
	const malformed = (text: string) => new CmRequestError(CM_ERROR.malformedRequest, `This request is malformed: ${text}`);
	for (const key of Object.keys(json)) if (key !== 'messages') throw malformed(`unknown field "${key}"`);
	const messages = json.messages;
	if (!isRecord(messages)) throw malformed('"messages" must be an object');
	for (const key of Object.keys(messages)) {
		if (key !== 'authentication' && key !== 'msg') throw malformed(`unknown field "messages.${key}"`);
	}
	if (messages.authentication !== undefined) {
		const auth = messages.authentication;
		if (!isRecord(auth)) throw malformed('"messages.authentication" must be an object');
		for (const key of Object.keys(auth)) if (key !== 'producttoken') throw malformed(`unknown field "messages.authentication.${key}"`);
	}
	const msg = messages.msg;
	if (!Array.isArray(msg) || msg.length === 0) {
		throw new CmRequestError(CM_ERROR.noMessages, 'The request\'s "messages.msg" must be a non-empty array');
	}
	if (msg.some((m) => !isRecord(m))) throw malformed('every "messages.msg" entry must be an object');
	return msg;
}

function recipientsOf(msg: Json): string[] {
	const to = msg.to;
	if (!Array.isArray(to) || to.length === 0) throw new CmMessageError(CM_ERROR.invalidTo, 'to must be a non-empty array of {number}');
	return to.map((entry, i) => {
		if (!isRecord(entry)) throw new CmMessageError(CM_ERROR.invalidTo, `to[${i}] must be an object {number}`);
		for (const key of Object.keys(entry)) {
			if (key !== 'number') throw new CmMessageError(CM_ERROR.invalidTo, `to[${i}].${key} is not a supported field (allowed: number)`);
		}
		if (typeof entry.number !== 'string' || entry.number.trim() === '') {
			throw new CmMessageError(CM_ERROR.invalidTo, `to[${i}].number must be a non-empty string (a PSID or notification token)`);
		}
		return entry.number;
	});
}

/** Checks everything but the recipients; returns what the recipient checks need. */
function validateMsg(msg: Json, config: SandboxConfig['cm']): RichContentInfo | undefined {
	const from = msg.from;
	if (typeof from !== 'string' || from === '') throw new CmMessageError(CM_ERROR.invalidFrom, 'from is required (your Facebook Page ID)');
	if (!config.pageIds.includes(from)) {
		throw new CmMessageError(CM_ERROR.invalidFrom, `from "${from}" is not a Facebook Page ID of this product token`);
	}
	onlyKeys(msg, MSG_FIELDS, 'msg');
	stringField(msg, 'reference', 'msg');
	const channels = msg.allowedChannels;
	if (!Array.isArray(channels) || channels.some((c) => typeof c !== 'string')) {
		throw fieldError(`allowedChannels must be an array of channel names including "${MESSENGER_CHANNEL}"`);
	}
	if (!channels.includes(MESSENGER_CHANNEL)) throw fieldError(`allowedChannels must include "${MESSENGER_CHANNEL}"`);
	if (msg.body === undefined || msg.body === null) throw bodyError('body is required ({content})');
	if (!isRecord(msg.body)) throw fieldError('body must be an object {content, type?}');
	onlyKeys(msg.body, ['content', 'type'], 'body');
	const content = stringField(msg.body, 'content', 'body');
	if (content === undefined) throw bodyError('body.content is required');
	const type = stringField(msg.body, 'type', 'body');
	if (type !== undefined && !(BODY_TYPES as readonly string[]).includes(type.toLowerCase())) {
		throw fieldError(`body.type must be one of ${BODY_TYPES.join(', ')} (got "${type}")`);
	}
	if (msg.richContent === undefined) {
		if (content.trim() === '') throw bodyError('A body without content was found (and no richContent)');
		maxChars(content, CM_LIMITS.textMaxChars, 'body.content');
		return undefined;
	}
	return validateRichContent(msg.richContent);
}

function checkRecipient(number: string, info: RichContentInfo | undefined, deps: CmSendDeps): void {
	const notification = info?.tags.has(NOTIFICATION_TAG) ?? false;
	if (deps.tokenOwner(number) !== undefined) {
		if (!notification) {
			throw new CmMessageError(CM_ERROR.invalidRecipient, `to "${number}" is a notification token: it needs the tag ${NOTIFICATION_TAG}`);
		}
		if (info?.optinRequest) throw new CmMessageError(CM_ERROR.invalidRecipient, 'an opt-in request cannot go to a notification token');
		return;
	}
	if (!deps.isUser(number)) {
		throw new CmMessageError(CM_ERROR.invalidRecipient, `to "${number}" is not a PSID of this page (nor a notification token)`);
	}
	if (notification) {
		throw new CmMessageError(CM_ERROR.invalidRecipient, `tag ${NOTIFICATION_TAG} needs a notification token as recipient, not the PSID "${number}"`);
	}
}

function rejected(to: string | null, reference: string | null, error: CmMessageError): CmMessageResult {
	return { to, status: 'Rejected', reference, parts: 0, messageDetails: error.message, messageErrorCode: error.code };
}

function processMsg(msg: Json, deps: CmSendDeps): CmMessageResult[] {
	const reference = typeof msg.reference === 'string' ? msg.reference : null;
	let recipients: string[];
	try {
		recipients = recipientsOf(msg);
	} catch (error) {
		if (error instanceof CmMessageError) return [rejected(null, reference, error)];
		throw error;
	}
	let info: RichContentInfo | undefined;
	try {
		info = validateMsg(msg, deps.config);
	} catch (error) {
		if (error instanceof CmMessageError) return recipients.map((to) => rejected(to, reference, error));
		throw error;
	}
	return recipients.map((to) => {
		try {
			checkRecipient(to, info, deps);
		} catch (error) {
			if (error instanceof CmMessageError) return rejected(to, reference, error);
			throw error;
		}
		deps.deliver(randomUUID(), to, msg);
		return { to, status: 'Accepted', reference, parts: 1, messageDetails: null, messageErrorCode: 0 };
	});
}

export function handleCmMessage(req: SandboxRequest, deps: CmSendDeps): SandboxResponse {
	let msgs: unknown[];
	try {
		msgs = envelope(req, deps.config);
	} catch (error) {
		if (error instanceof CmRequestError) return { status: error.httpStatus, body: cmBody(error.message, error.code) };
		throw error;
	}
	if (deps.config.outOfCredits) {
		return { status: OUT_OF_CREDITS_HTTP_STATUS, body: cmBody(CM_DETAILS.outOfCredits, CM_ERROR.outOfCredits) };
	}
	const results = msgs.flatMap((msg) => processMsg(msg as Json, deps));
	const accepted = results.filter((r) => r.status === 'Accepted').length;
	const anyRejected = accepted < results.length;
	return {
		status: accepted > 0 ? 200 : 400,
		body: cmBody(`Created ${accepted} message(s)`, anyRejected ? CM_ERROR.messagesRejected : CM_ERROR.ok, results),
	};
}
