import type { INodeProperties } from 'n8n-workflow';

import { providersWhere } from './display';
import { showFields } from './message';

/** The values of one button; which of payload / URL / phone number shows depends on the type. */
export const buttonValues: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Postback', value: 'postback', description: 'Sends the payload to your webhook' },
			{ name: 'Open URL', value: 'url', description: 'Opens a web page' },
			{ name: 'Call', value: 'call', description: 'Dials a phone number (CM.com and Graph)' },
		],
		default: 'postback',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 20 characters' },
	{
		displayName: 'Payload',
		name: 'payload',
		type: 'string',
		default: '',
		description: 'Sent to your webhook on tap; up to 1000 characters',
		displayOptions: { show: { type: ['postback'] } },
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'https://example.com',
		displayOptions: { show: { type: ['url'] } },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: '+15105551234',
		displayOptions: { show: { type: ['call'] } },
	},
];

function buttonsCollection(description: string): Omit<INodeProperties, 'displayOptions'> {
	return {
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		description,
		options: [{ displayName: 'Button', name: 'button', values: buttonValues }],
	};
}

const cardValues: INodeProperties[] = [
	{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 80 characters' },
	{ displayName: 'Subtitle', name: 'subtitle', type: 'string', default: '', description: 'Up to 80 characters' },
	{ displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '' },
	{
		displayName: 'Default Action URL',
		name: 'defaultActionUrl',
		type: 'string',
		default: '',
		description: 'Opened when the card itself is tapped (Graph only)',
	},
	buttonsCollection('Up to 3 buttons on this card') as INodeProperties,
];

const cardProviders = providersWhere((capabilities) => capabilities.cardDefaultAction);

export const templateProperties: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		displayOptions: showFields(['buttonTemplate']),
		description: 'The text above the buttons: up to 640 characters (Infobip: 320)',
	},
	{ ...buttonsCollection('1 to 3 buttons'), displayOptions: showFields(['buttonTemplate']) },
	{
		displayName: 'Title',
		name: 'cardTitle',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showFields(['genericTemplate']),
		description: 'Up to 80 characters',
	},
	{
		displayName: 'Subtitle',
		name: 'cardSubtitle',
		type: 'string',
		default: '',
		displayOptions: showFields(['genericTemplate']),
		description: 'Up to 80 characters',
	},
	{
		displayName: 'Image URL',
		name: 'cardImageUrl',
		type: 'string',
		default: '',
		displayOptions: showFields(['genericTemplate']),
	},
	{
		displayName: 'Default Action URL',
		name: 'cardDefaultActionUrl',
		type: 'string',
		default: '',
		displayOptions: showFields(['genericTemplate'], cardProviders),
		description: 'Opened when the card itself is tapped',
	},
	{ ...buttonsCollection('Up to 3 buttons on the card'), displayOptions: showFields(['genericTemplate']) },
	{
		displayName: 'Cards',
		name: 'cards',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Card',
		default: {},
		displayOptions: showFields(['carousel']),
		description: '1 to 10 cards, shown side by side',
		options: [
			{
				displayName: 'Card',
				name: 'card',
				values: cardValues.filter((value) => value.name !== 'defaultActionUrl' || cardProviders.length),
			},
		],
	},
	{ ...buttonsCollection('At most 1 button under the media'), displayOptions: showFields(['mediaTemplate']) },
	{
		displayName: 'Product IDs',
		name: 'productIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'FB_tshirt_001, FB_tshirt_002',
		displayOptions: showFields(['productTemplate']),
		description: 'Comma-separated IDs of products in the catalog linked to the page; 1 to 10',
	},
];
