import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { type BinaryLoader, messageFromJson } from '../shared/model/from-json';
import { InputValidationError } from '../shared/model/input-error';
import { coordinateFrom } from '../shared/model/location';
import { checkSenderOption, readOperation } from './provider-fields';
import type {
	Button,
	Card,
	Media,
	MediaSource,
	MediaType,
	MessagingType,
	OperationName,
	OptInFrequency,
	OutboundMessage,
	ProviderName,
	QuickReply,
	QuickReplyType,
	RecipientKind,
	SenderAction,
	SendRequest,
} from '../shared/model/message';
import { DEFAULT_PROVIDER_TIMEOUT_MS, MAX_PROVIDER_TIMEOUT_MS } from '../shared/provider-http';
import { DEFAULT_RETRY_POLICY } from '../shared/retry';
import type { SendPolicy } from '../shared/transport';

type Fixed<T> = Record<string, T[] | undefined>;

function optional(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined;
}

function toButtons(collection: unknown): Button[] {
	return ((collection as Fixed<IDataObject> | undefined)?.button ?? []).map((entry) => ({
		type: (entry.type as Button['type']) ?? 'postback',
		title: String(entry.title ?? ''),
		payload: optional(entry.payload),
		url: optional(entry.url),
		phoneNumber: optional(entry.phoneNumber),
	}));
}

function toQuickReplies(collection: unknown): QuickReply[] | undefined {
	const replies = (collection as Fixed<IDataObject> | undefined)?.reply;
	if (!replies?.length) return undefined;
	return replies.map((entry) => {
		// Saved before quick replies had a type (or a provider offering text only): a text one.
		const type = (optional(entry.type) ?? 'text') as QuickReplyType;
		// Only a text quick reply has a title, payload and image; the panel hides them for the others.
		if (type !== 'text') return { type, title: '', payload: '' };
		return { type, title: String(entry.title ?? ''), payload: String(entry.payload ?? ''), imageUrl: optional(entry.imageUrl) };
	});
}

function toCard(entry: IDataObject): Card {
	return {
		title: String(entry.title ?? ''),
		subtitle: optional(entry.subtitle),
		imageUrl: optional(entry.imageUrl),
		defaultActionUrl: optional(entry.defaultActionUrl),
		buttons: toButtons(entry.buttons),
	};
}

/** A binary field of the input item, with the name and MIME type n8n recorded for it. */
function binaryLoader(fn: IExecuteFunctions, itemIndex: number): BinaryLoader {
	return async (propertyName) => {
		const binary = fn.helpers.assertBinaryData(itemIndex, propertyName);
		const data = await fn.helpers.getBinaryDataBuffer(itemIndex, propertyName);
		return { kind: 'binary', data, fileName: binary.fileName ?? '', mimeType: binary.mimeType ?? '' };
	};
}

/** The node's Fields mode, one operation at a time; the result is checked by the shared validator. */
class FieldReader {
	constructor(
		private readonly fn: IExecuteFunctions,
		private readonly itemIndex: number,
		private readonly options: IDataObject,
	) {}

	param<T = unknown>(name: string, fallback?: unknown): T {
		return this.fn.getNodeParameter(name, this.itemIndex, fallback) as T;
	}

	async media(): Promise<Media> {
		const type = this.param<MediaType>('mediaType', 'image');
		const sourceKind = this.param<MediaSource['kind']>('mediaSource', 'url');
		let source: MediaSource;
		if (sourceKind === 'binary') {
			source = await binaryLoader(this.fn, this.itemIndex)(String(this.param('binaryPropertyName', 'data')));
		} else if (sourceKind === 'attachmentId') {
			source = { kind: 'attachmentId', id: String(this.param('attachmentId', '')).trim() };
		} else {
			source = { kind: 'url', url: String(this.param('mediaUrl', '')).trim() };
		}
		return {
			type,
			source,
			fileName: optional(this.options.fileName),
			mimeType: optional(this.options.mimeType),
			reusable: typeof this.options.reusable === 'boolean' ? this.options.reusable : undefined,
		};
	}

	async message(operation: OperationName): Promise<OutboundMessage> {
		const quickReplies = toQuickReplies(this.param('quickReplies', {}));
		switch (operation) {
			case 'text':
				return { type: 'text', text: String(this.param('text', '')), quickReplies };
			case 'quickReplies':
				return { type: 'quickReplies', text: String(this.param('text', '')), quickReplies: quickReplies ?? [] };
			case 'media':
				return { type: 'media', media: await this.media(), quickReplies };
			case 'buttonTemplate':
				return { type: 'buttonTemplate', text: String(this.param('text', '')), buttons: toButtons(this.param('buttons', {})), quickReplies };
			case 'genericTemplate':
				return {
					type: 'genericTemplate',
					card: toCard({
						title: this.param('cardTitle', ''),
						subtitle: this.param('cardSubtitle', ''),
						imageUrl: this.param('cardImageUrl', ''),
						defaultActionUrl: this.param('cardDefaultActionUrl', ''),
						buttons: this.param('buttons', {}),
					}),
					quickReplies,
				};
			case 'carousel':
				return { type: 'carousel', cards: (this.param<Fixed<IDataObject>>('cards', {}).card ?? []).map(toCard), quickReplies };
			case 'mediaTemplate':
				return { type: 'mediaTemplate', media: await this.media(), buttons: toButtons(this.param('buttons', {})), quickReplies };
			case 'productTemplate':
				return {
					type: 'productTemplate',
					productIds: String(this.param('productIds', ''))
						.split(',')
						.map((id) => id.trim())
						.filter(Boolean),
					quickReplies,
				};
			case 'senderAction': {
				const action = this.param<SenderAction>('senderAction', 'typing_on');
				if (action !== 'react' && action !== 'unreact') return { type: 'senderAction', action };
				return {
					type: 'senderAction',
					action,
					messageId: optional(this.param('reactionMessageId', '')),
					emoji: action === 'react' ? optional(this.param('reactionEmoji', '')) : undefined,
				};
			}
			case 'optInRequest':
				return {
					type: 'optInRequest',
					title: String(this.param('optInTitle', '')),
					payload: String(this.param('optInPayload', '')),
					imageUrl: optional(this.param('optInImageUrl', '')),
					frequency: optional(this.options.frequency) as OptInFrequency | undefined,
					reoptin: typeof this.options.reoptin === 'boolean' ? this.options.reoptin : undefined,
					timezone: optional(this.options.timezone),
				};
			case 'location':
				return {
					type: 'location',
					latitude: coordinateFrom('latitude', this.param('latitude', '')),
					longitude: coordinateFrom('longitude', this.param('longitude', '')),
					name: optional(this.param('locationName', '')),
					address: optional(this.param('locationAddress', '')),
					quickReplies,
				};
		}
	}
}

/** Reads one item's parameters into the provider-neutral request; the node does nothing else with them. */
export async function readSendRequest(fn: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const operation = readOperation(fn, itemIndex);
	const options = fn.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const json = operation !== 'senderAction' && fn.getNodeParameter('inputMode', itemIndex, 'fields') === 'json';
	const message = json
		? await messageFromJson(operation, fn.getNodeParameter('messageJson', itemIndex), binaryLoader(fn, itemIndex))
		: await new FieldReader(fn, itemIndex, options).message(operation);
	const request: SendRequest = {
		recipient: {
			kind: fn.getNodeParameter('recipientType', itemIndex, 'psid') as RecipientKind,
			id: String(fn.getNodeParameter('recipient', itemIndex, '')).trim(),
		},
		message,
	};
	const sender = optional(options.sender);
	if (sender) request.sender = checkSenderOption(fn.getNodeParameter('provider', itemIndex) as ProviderName, sender);
	if (optional(options.tag)) request.tag = String(options.tag);
	if (optional(options.messagingType)) request.messagingType = options.messagingType as MessagingType;
	return request;
}

/** Where the node's number options may go; the option descriptions in descriptions/options.ts say the same. */
export const SEND_SETTING_LIMITS = {
	maxRetries: { label: 'Max Retries', min: 0, max: 10, integer: true },
	maxRetryWait: { label: 'Max Retry Wait (Seconds)', min: 1, max: 3600, integer: false },
	retryDelay: { label: 'Retry Initial Delay (Ms)', min: 0, max: 3_600_000, integer: false },
	timeout: { label: 'Timeout', min: 1, max: MAX_PROVIDER_TIMEOUT_MS, integer: false },
} as const;

type SettingName = keyof typeof SEND_SETTING_LIMITS;

/**
 * A number option, checked against its limits. The editor enforces minValue/maxValue only for typed
 * values; an expression can give anything, and a wait of 30 days or -1 retries must fail with the
 * field and its limits, like any other bad input, rather than be silently clamped to something else.
 */
function setting(options: IDataObject, name: SettingName, fallback: number): number {
	const raw = options[name];
	if (raw === undefined || raw === null || raw === '') return fallback;
	const limits = SEND_SETTING_LIMITS[name];
	const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
	const kind = limits.integer ? 'a whole number' : 'a number';
	if (!Number.isFinite(value) || value < limits.min || value > limits.max || (limits.integer && !Number.isInteger(value))) {
		throw new InputValidationError(name, `${limits.label} must be ${kind} from ${limits.min} to ${limits.max}; got ${JSON.stringify(raw)}`);
	}
	return value;
}

/** The send's retry policy and timeout from the node's options; throws InputValidationError naming the option. */
export function sendPolicyFromOptions(options: IDataObject): SendPolicy {
	return {
		maxRetries: setting(options, 'maxRetries', DEFAULT_RETRY_POLICY.maxRetries),
		initialDelayMs: setting(options, 'retryDelay', DEFAULT_RETRY_POLICY.initialDelayMs),
		maxDelayMs: setting(options, 'maxRetryWait', DEFAULT_RETRY_POLICY.maxDelayMs / 1000) * 1000,
		timeoutMs: setting(options, 'timeout', DEFAULT_PROVIDER_TIMEOUT_MS),
	};
}

/** The node's send policy (options of the first item), failing the node naming the bad option. */
export function readSendPolicy(fn: IExecuteFunctions): SendPolicy {
	const options = fn.getNodeParameter('options', 0, {}) as IDataObject;
	try {
		return sendPolicyFromOptions(options);
	} catch (error) {
		if (!(error instanceof InputValidationError)) throw new NodeOperationError(fn.getNode(), error as Error);
		const failure = new NodeOperationError(fn.getNode(), error.message, { description: `Field: ${error.field}` });
		failure.context.field = error.field;
		throw failure;
	}
}
