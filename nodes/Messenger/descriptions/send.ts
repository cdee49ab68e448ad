import type { INodeProperties } from 'n8n-workflow';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Send Text', value: 'text', action: 'Send a text message' }],
	default: 'text',
};

export const recipientProperties: INodeProperties[] = [
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.senderId }}',
		description: 'The user\'s page-scoped ID (PSID); Infobip calls it the user key',
	},
];

export const textProperties: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		displayOptions: { show: { operation: ['text'] } },
		description: 'Up to 2000 characters (Infobip: 640, longer text is truncated by Infobip)',
	},
];

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Sender',
			name: 'sender',
			type: 'string',
			default: '',
			description:
				'Overrides the credential\'s default sender: Infobip application key, CM.com page ID or Facebook page ID',
		},
	],
};
