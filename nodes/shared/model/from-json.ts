import type {
	Button,
	ButtonType,
	Card,
	Media,
	MediaSource,
	MediaType,
	OperationName,
	OptInFrequency,
	OutboundMessage,
	QuickReply,
	QuickReplyType,
} from './message';
import { coordinateFrom } from './location';
import { InputValidationError } from './validate';

/** Reads a binary field of the input item; the node supplies it, so the model stays free of n8n. */
export type BinaryLoader = (propertyName: string) => Promise<Extract<MediaSource, { kind: 'binary' }>>;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(field: string, value: unknown): Json {
	if (!isObject(value)) throw new InputValidationError(field, `${field} must be an object`);
	return value;
}

function string(field: string, value: unknown): string;
function string(field: string, value: unknown, optional: true): string | undefined;
function string(field: string, value: unknown, optional = false): string | undefined {
	if (value === undefined || value === null || value === '') {
		if (optional) return undefined;
		throw new InputValidationError(field, `${field} is missing`);
	}
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string') throw new InputValidationError(field, `${field} must be a string`);
	return value;
}

function list(field: string, value: unknown, optional = false): unknown[] {
	if (value === undefined && optional) return [];
	if (!Array.isArray(value)) throw new InputValidationError(field, `${field} must be an array`);
	return value;
}

function button(field: string, value: unknown): Button {
	const raw = object(field, value);
	return {
		type: string(`${field}.type`, raw.type ?? 'postback') as ButtonType,
		title: string(`${field}.title`, raw.title),
		payload: string(`${field}.payload`, raw.payload, true),
		url: string(`${field}.url`, raw.url, true),
		phoneNumber: string(`${field}.phoneNumber`, raw.phoneNumber, true),
	};
}

function buttons(field: string, value: unknown, optional = false): Button[] {
	return list(field, value, optional).map((entry, index) => button(`${field}[${index}]`, entry));
}

function quickReplies(field: string, value: unknown, optional: boolean): QuickReply[] | undefined {
	if (value === undefined && optional) return undefined;
	return list(field, value).map((entry, index) => {
		const at = `${field}[${index}]`;
		const raw = object(at, entry);
		const type = string(`${at}.type`, raw.type, true) as QuickReplyType | undefined;
		// A phone-number or e-mail quick reply has no title or payload of its own; the validator refuses
		// one given anyway, naming it.
		const own = type === undefined || type === 'text';
		return {
			...(type ? { type } : {}),
			title: own ? string(`${at}.title`, raw.title) : (string(`${at}.title`, raw.title, true) ?? ''),
			payload: own ? string(`${at}.payload`, raw.payload) : (string(`${at}.payload`, raw.payload, true) ?? ''),
			imageUrl: string(`${at}.imageUrl`, raw.imageUrl, true),
		};
	});
}

function card(field: string, value: unknown): Card {
	const raw = object(field, value);
	return {
		title: string(`${field}.title`, raw.title),
		subtitle: string(`${field}.subtitle`, raw.subtitle, true),
		imageUrl: string(`${field}.imageUrl`, raw.imageUrl, true),
		defaultActionUrl: string(`${field}.defaultActionUrl`, raw.defaultActionUrl, true),
		buttons: buttons(`${field}.buttons`, raw.buttons, true),
	};
}

async function media(field: string, value: unknown, loadBinary: BinaryLoader): Promise<Media> {
	const raw = object(field, value);
	let source: MediaSource;
	if (raw.url !== undefined) source = { kind: 'url', url: string(`${field}.url`, raw.url) };
	else if (raw.attachmentId !== undefined) source = { kind: 'attachmentId', id: string(`${field}.attachmentId`, raw.attachmentId) };
	else if (raw.binaryPropertyName !== undefined) source = await loadBinary(string(`${field}.binaryPropertyName`, raw.binaryPropertyName));
	else throw new InputValidationError(field, `${field} needs one of url, attachmentId or binaryPropertyName`);
	return {
		type: string(`${field}.type`, raw.type ?? 'image') as MediaType,
		source,
		fileName: string(`${field}.fileName`, raw.fileName, true),
		mimeType: string(`${field}.mimeType`, raw.mimeType, true),
		reusable: typeof raw.reusable === 'boolean' ? raw.reusable : undefined,
	};
}

/**
 * The node's JSON mode: the message in the provider-neutral form (the README documents one example per
 * operation). Only the shape is checked here; limits are the validator's job, as for the fields mode.
 */
export async function messageFromJson(operation: OperationName, value: unknown, loadBinary: BinaryLoader): Promise<OutboundMessage> {
	const raw = object('message', typeof value === 'string' ? parseJson(value) : value);
	switch (operation) {
		case 'text':
			return { type: 'text', text: string('text', raw.text), quickReplies: quickReplies('quickReplies', raw.quickReplies, true) };
		case 'quickReplies':
			return { type: 'quickReplies', text: string('text', raw.text), quickReplies: quickReplies('quickReplies', raw.quickReplies, false) ?? [] };
		case 'media':
			return { type: 'media', media: await media('media', raw.media, loadBinary), quickReplies: quickReplies('quickReplies', raw.quickReplies, true) };
		case 'buttonTemplate':
			return {
				type: 'buttonTemplate',
				text: string('text', raw.text),
				buttons: buttons('buttons', raw.buttons),
				quickReplies: quickReplies('quickReplies', raw.quickReplies, true),
			};
		case 'genericTemplate':
			return { type: 'genericTemplate', card: card('card', raw.card), quickReplies: quickReplies('quickReplies', raw.quickReplies, true) };
		case 'carousel':
			return {
				type: 'carousel',
				cards: list('cards', raw.cards).map((entry, index) => card(`cards[${index}]`, entry)),
				quickReplies: quickReplies('quickReplies', raw.quickReplies, true),
			};
		case 'mediaTemplate':
			return {
				type: 'mediaTemplate',
				media: await media('media', raw.media, loadBinary),
				buttons: buttons('buttons', raw.buttons, true),
				quickReplies: quickReplies('quickReplies', raw.quickReplies, true),
			};
		case 'productTemplate':
			return {
				type: 'productTemplate',
				productIds: list('productIds', raw.productIds).map((id, index) => string(`productIds[${index}]`, id)),
				quickReplies: quickReplies('quickReplies', raw.quickReplies, true),
			};
		case 'optInRequest':
			return {
				type: 'optInRequest',
				title: string('title', raw.title),
				payload: string('payload', raw.payload),
				imageUrl: string('imageUrl', raw.imageUrl, true),
				frequency: string('frequency', raw.frequency, true) as OptInFrequency | undefined,
				reoptin: typeof raw.reoptin === 'boolean' ? raw.reoptin : undefined,
				timezone: string('timezone', raw.timezone, true),
			};
		case 'senderAction':
			return { type: 'senderAction', action: string('action', raw.action) as never };
		case 'location':
			return {
				type: 'location',
				latitude: coordinateFrom('latitude', raw.latitude),
				longitude: coordinateFrom('longitude', raw.longitude),
				name: string('name', raw.name, true),
				address: string('address', raw.address, true),
				quickReplies: quickReplies('quickReplies', raw.quickReplies, true),
			};
	}
}

function parseJson(text: string): unknown {
	let problem: string | undefined;
	try {
		return JSON.parse(text);
	} catch (error) {
		problem = (error as Error).message;
	}
	throw new InputValidationError('messageJson', `Message (JSON) is not valid JSON: ${problem}`);
}
