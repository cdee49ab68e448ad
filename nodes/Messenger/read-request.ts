import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { type BinaryLoader, messageFromJson } from '../shared/model/from-json';
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
	QuickReply,
	RecipientKind,
	SenderAction,
	SendRequest,
} from '../shared/model/message';

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
	return replies.map((entry) => ({
		title: String(entry.title ?? ''),
		payload: String(entry.payload ?? ''),
		imageUrl: optional(entry.imageUrl),
	}));
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
		}
	}
}

/** Reads one item's parameters into the provider-neutral request; the node does nothing else with them. */
export async function readSendRequest(fn: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const operation = fn.getNodeParameter('operation', itemIndex) as OperationName;
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
	if (sender) request.sender = sender.trim();
	if (optional(options.tag)) request.tag = String(options.tag);
	if (optional(options.messagingType)) request.messagingType = options.messagingType as MessagingType;
	return request;
}
