import type { INodeProperties } from 'n8n-workflow';

import { OPERATION_LABELS } from '../../shared/model/capabilities';
import { MESSENGER_CAPABILITIES, MESSENGER_LIMITS } from '../../shared/providers';
import type { OperationName, ProviderName, QuickReplyType } from '../../shared/model/message';
import { ALL_PROVIDERS, showFor } from './display';

/** Operations whose content can be given as fields or as JSON (every one but sender actions). */
export const CONTENT_OPERATIONS: readonly OperationName[] = (Object.keys(OPERATION_LABELS) as OperationName[]).filter(
	(operation) => operation !== 'senderAction',
);

/** `showFor`, limited to the Fields input mode. */
export function showFields(operations: readonly OperationName[], providers?: readonly ProviderName[], extra = {}) {
	const { show } = showFor(operations, providers);
	return { show: { ...show, inputMode: ['fields'], ...extra } };
}

export const inputModeProperty: INodeProperties = {
	displayName: 'Define Message',
	name: 'inputMode',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor(CONTENT_OPERATIONS),
	options: [
		{ name: 'Using Fields Below', value: 'fields' },
		{ name: 'Using JSON', value: 'json' },
	],
	default: 'fields',
};

export const messageJsonProperty: INodeProperties = {
	displayName: 'Message (JSON)',
	name: 'messageJson',
	type: 'json',
	displayOptions: { show: { ...showFor(CONTENT_OPERATIONS).show, inputMode: ['json'] } },
	default: '{\n  "text": "Hello!"\n}',
	required: true,
	description:
		'The message as one JSON object with the fields of this operation, e.g. {"text": "Pick one", "quickReplies": [{"title": "Yes", "payload": "YES"}]}',
	hint: 'Fields: text, quickReplies [{type, title, payload, imageUrl}] (type text, phoneNumber or email), media {type, url or attachmentId}, buttons [{type, title, payload, url, phoneNumber}], card, cards, productIds; a location: latitude, longitude, name, address; an opt-in request: title, payload, imageUrl',
};

const QUICK_REPLY_TYPES: ReadonlyArray<{ value: QuickReplyType; name: string; description: string }> = [
	{ value: 'text', name: 'Text', description: 'A choice with a title; its payload is sent back when tapped' },
	{
		value: 'phoneNumber',
		name: 'Phone Number',
		description: "Offers the user's own phone number from their profile (not shown if they have none); the tap sends it back as the payload",
	},
	{
		value: 'email',
		name: 'Email',
		description: "Offers the user's own e-mail address from their profile (not shown if they have none); the tap sends it back as the payload",
	},
];

/** A text quick reply's own fields; with a Type choice they show for Text only. */
function textReplyValues(typed: boolean): INodeProperties[] {
	const displayOptions = typed ? { displayOptions: { show: { type: ['text'] } } } : {};
	return [
		{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'e.g. Yes', description: 'The button text; up to 20 characters', ...displayOptions },
		{
			displayName: 'Payload',
			name: 'payload',
			type: 'string',
			default: '',
			placeholder: 'e.g. ANSWER_YES',
			description: 'Sent back to your webhook when the user taps it; up to 1000 characters',
			...displayOptions,
		},
		{ displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '', description: 'Optional icon beside the title', ...displayOptions },
	];
}

/** A Type choice where the provider takes more than text quick replies (saved replies without one are text). */
function quickReplyValues(provider: ProviderName): INodeProperties[] {
	const types = MESSENGER_CAPABILITIES[provider].quickReplyTypes;
	if (types.length < 2) return textReplyValues(false);
	const typeField: INodeProperties = {
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: QUICK_REPLY_TYPES.filter((option) => types.includes(option.value)),
		default: 'text',
	};
	return [typeField, ...textReplyValues(true)];
}

/** Quick replies: required by Send Quick Replies, optional where the capability table allows them. */
function quickRepliesProperties(): INodeProperties[] {
	return ALL_PROVIDERS.filter((provider) => MESSENGER_CAPABILITIES[provider].quickRepliesOn.length).map((provider) => ({
		displayName: 'Quick Replies',
		name: 'quickReplies',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Quick Reply',
		displayOptions: showFields(MESSENGER_CAPABILITIES[provider].quickRepliesOn, [provider]),
		default: {},
		description: `Up to ${MESSENGER_LIMITS[provider].quickReplies.max} buttons shown beneath the message; at least one for Send Quick Replies`,
		options: [{ displayName: 'Quick Reply', name: 'reply', values: quickReplyValues(provider) }],
	}));
}

export const textProperties: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		displayOptions: showFields(['text', 'quickReplies']),
		description: 'Up to 2000 characters (Infobip: 640; Infobip truncates longer text, and the output then carries a warning)',
	},
	...quickRepliesProperties(),
];

const MEDIA_TYPES = [
	{ name: 'Image', value: 'image' },
	{ name: 'Audio', value: 'audio' },
	{ name: 'Video', value: 'video' },
	{ name: 'File', value: 'file' },
];

/** Where the media comes from: one choice for providers with several sources, else the URL field alone. */
function mediaSourceProperties(): INodeProperties[] {
	const mediaOperations: OperationName[] = ['media', 'mediaTemplate'];
	const properties: INodeProperties[] = [];
	for (const provider of ALL_PROVIDERS) {
		const sources = MESSENGER_CAPABILITIES[provider].mediaSources;
		if (!MESSENGER_CAPABILITIES[provider].operations.some((op) => mediaOperations.includes(op))) continue;
		const urlField: INodeProperties = {
			displayName: 'Media URL',
			name: 'mediaUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/picture.png',
			description:
				MESSENGER_LIMITS[provider].media.templateUrlHosts.includes('facebook.com')
					? 'A public URL; for a media template it must be a Facebook URL (or upload the file as binary instead)'
					: 'A public URL the provider downloads the media from; its name should end in the right extension',
			displayOptions: showFields(mediaOperations, [provider], sources.length > 1 ? { mediaSource: ['url'] } : {}),
		};
		if (sources.length === 1) {
			properties.push(urlField);
			continue;
		}
		properties.push(
			{
				displayName: 'Media Source',
				name: 'mediaSource',
				type: 'options',
				displayOptions: showFields(mediaOperations, [provider]),
				options: [
					{ name: 'URL', value: 'url', description: 'A public URL' },
					{ name: 'Binary File', value: 'binary', description: 'A file from the input item, uploaded first' },
					{ name: 'Attachment ID', value: 'attachmentId', description: 'The ID of an earlier upload' },
				].filter((option) => sources.includes(option.value as (typeof sources)[number])),
				default: 'url',
			},
			urlField,
			{
				displayName: 'Input Binary Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				required: true,
				hint: 'The name of the input item\'s binary field holding the file',
				displayOptions: showFields(mediaOperations, [provider], { mediaSource: ['binary'] }),
			},
			{
				displayName: 'Attachment ID',
				name: 'attachmentId',
				type: 'string',
				default: '',
				required: true,
				description: 'The attachment_id of an earlier upload (the output\'s attachmentId)',
				displayOptions: showFields(mediaOperations, [provider], { mediaSource: ['attachmentId'] }),
			},
		);
	}
	return properties;
}

export const mediaProperties: INodeProperties[] = [
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: MEDIA_TYPES,
		default: 'image',
		displayOptions: showFields(['media']),
	},
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: MEDIA_TYPES.filter((type) => type.value === 'image' || type.value === 'video'),
		default: 'image',
		displayOptions: showFields(['mediaTemplate']),
	},
	...mediaSourceProperties(),
];

/** Send Location: coordinates as text, so an empty field fails by name instead of sending 0, 0. */
export const locationProperties: INodeProperties[] = [
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 52.3676',
		displayOptions: showFields(['location']),
		description: 'Degrees north (up to 90) or south (down to -90)',
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 4.9041',
		displayOptions: showFields(['location']),
		description: 'Degrees east (up to 180) or west (down to -180)',
	},
	{
		displayName: 'Name',
		name: 'locationName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Central Station',
		displayOptions: showFields(['location']),
		description: 'Optional name of the place',
	},
	{
		displayName: 'Address',
		name: 'locationAddress',
		type: 'string',
		default: '',
		placeholder: 'e.g. Stationsplein, Amsterdam',
		displayOptions: showFields(['location']),
		description: 'Optional address of the place',
	},
];
