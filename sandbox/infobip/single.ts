// POST /facebook/1/single (seed 003): body `{from, to, message}` exactly, every field checked.
// Order of checks: auth (route) -> body shape -> message -> `from` application key (404) -> `to` user
// key (200 REJECTED, see limits.ts). TEXT longer than 640 characters is truncated, not rejected.
import { randomUUID } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { InfobipRequestError } from './errors';
import {
	BUTTON_TYPES,
	INFOBIP_LIMITS,
	MEDIA_TYPES,
	MESSAGE_TYPES,
	SENDER_ACTIONS,
	STATUS_PENDING,
	STATUS_REJECTED_UNKNOWN_USER,
} from './limits';
import { charLength, isHttpUrl, isRecord, maxLength, onlyKeys, requireObject, requireString, type Json } from './shape';

export interface InfobipSingleBody {
	from: string;
	to: string;
	message: Json;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], where: string): T {
	if (!(allowed as readonly string[]).includes(value)) {
		throw new InfobipRequestError(`${where} must be one of ${allowed.join(', ')} (got "${value}")`);
	}
	return value as T;
}

/**
 * A button URL: seed 003's own example sends `"url":"www.infobip.com"` (no scheme), so a bare host
 * with a dot is accepted besides an absolute http(s) URL.
 */
function isButtonUrl(value: string): boolean {
	return isHttpUrl(value) || /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]\S*)?$/i.test(value);
}

function validateButton(value: unknown, where: string): Json {
	const button = requireObject(value, where);
	const type = oneOf(requireString(button, 'type', where), BUTTON_TYPES, `${where}.type`);
	const title = requireString(button, 'title', where);
	maxLength(title, INFOBIP_LIMITS.buttonTitleMaxChars, `${where}.title`);
	if (type === 'POSTBACK') {
		onlyKeys(button, ['type', 'title', 'payload'], where);
		const payload = requireString(button, 'payload', where);
		maxLength(payload, INFOBIP_LIMITS.buttonPayloadMaxChars, `${where}.payload`);
	} else {
		onlyKeys(button, ['type', 'title', 'url'], where);
		const url = requireString(button, 'url', where);
		if (!isButtonUrl(url)) throw new InfobipRequestError(`${where}.url must be a URL (got "${url}")`);
	}
	return button;
}

function validateTemplate(message: Json): Json {
	onlyKeys(message, ['type', 'payload'], 'message');
	const payload = requireObject(message.payload, 'message.payload');
	onlyKeys(payload, ['type', 'text', 'buttons'], 'message.payload');
	oneOf(requireString(payload, 'type', 'message.payload'), ['BUTTON'], 'message.payload.type');
	const text = requireString(payload, 'text', 'message.payload');
	maxLength(text, INFOBIP_LIMITS.templateTextMaxChars, 'message.payload.text');
	const buttons = payload.buttons;
	if (buttons === undefined || buttons === null) throw new InfobipRequestError('message.payload.buttons is required');
	if (!Array.isArray(buttons)) throw new InfobipRequestError('message.payload.buttons must be an array');
	if (buttons.length < INFOBIP_LIMITS.buttonsMin || buttons.length > INFOBIP_LIMITS.buttonsMax) {
		throw new InfobipRequestError(
			`message.payload.buttons must hold ${INFOBIP_LIMITS.buttonsMin} to ${INFOBIP_LIMITS.buttonsMax} buttons (got ${buttons.length})`,
		);
	}
	buttons.forEach((button, i) => validateButton(button, `message.payload.buttons[${i}]`));
	return message;
}

/** Validates `message`; returns the message as accepted (TEXT truncated to 640 characters). */
export function validateMessage(value: unknown): Json {
	const message = requireObject(value, 'message');
	const type = oneOf(requireString(message, 'type', 'message'), MESSAGE_TYPES, 'message.type');
	if (type === 'TEXT') {
		onlyKeys(message, ['type', 'text'], 'message');
		const text = requireString(message, 'text', 'message');
		const truncated = charLength(text) > INFOBIP_LIMITS.textMaxChars;
		return truncated ? { ...message, text: Array.from(text).slice(0, INFOBIP_LIMITS.textMaxChars).join('') } : message;
	}
	if ((MEDIA_TYPES as readonly string[]).includes(type)) {
		onlyKeys(message, ['type', 'url'], 'message');
		const url = requireString(message, 'url', 'message');
		if (!isHttpUrl(url)) throw new InfobipRequestError(`message.url must be an absolute http(s) URL (got "${url}")`);
		return message;
	}
	if (type === 'SENDER_ACTION') {
		onlyKeys(message, ['type', 'senderAction'], 'message');
		oneOf(requireString(message, 'senderAction', 'message'), SENDER_ACTIONS, 'message.senderAction');
		return message;
	}
	return validateTemplate(message);
}

/** Validates the whole /single body (shape only; `from`/`to` existence is checked by the route). */
export function validateSingleBody(json: unknown): InfobipSingleBody {
	if (!isRecord(json)) throw new InfobipRequestError('Request body must be a JSON object {from, to, message}');
	onlyKeys(json, ['from', 'to', 'message'], '');
	const from = requireString(json, 'from', '');
	const to = requireString(json, 'to', '');
	if (json.message === undefined || json.message === null) throw new InfobipRequestError('message is required');
	const message = validateMessage(json.message);
	return { from, to, message };
}

export interface SingleDeps {
	applicationExists(key: string): boolean;
	userExists(userKey: string): boolean;
	/** Called for accepted messages that reach the user (not for SENDER_ACTION). */
	deliver(messageId: string, accepted: InfobipSingleBody): void;
}

export function handleSingle(req: SandboxRequest, deps: SingleDeps): SandboxResponse {
	const body = validateSingleBody(req.json);
	if (!deps.applicationExists(body.from)) {
		throw new InfobipRequestError(`from: application with key "${body.from}" not found`, 404, 'NOT_FOUND');
	}
	const messageId = randomUUID();
	if (!deps.userExists(body.to)) {
		return { status: 200, body: { to: body.to, status: { ...STATUS_REJECTED_UNKNOWN_USER }, messageCount: 1, messageId } };
	}
	if (body.message.type !== 'SENDER_ACTION') deps.deliver(messageId, body);
	return { status: 200, body: { to: body.to, status: { ...STATUS_PENDING }, messageCount: 1, messageId } };
}
