import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export class CmComMessengerApi implements ICredentialType {
	name = 'cmComMessengerApi';

	displayName = 'CM.com (Messenger) API';

	icon: Icon = { light: 'file:../icons/cm.svg', dark: 'file:../icons/cm.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-messenger/n8n-nodes-messenger#cmcom-messenger-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Product Token',
			name: 'productToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The product token of your CM.com Business Messaging gateway, shown with the gateway in the CM.com portal',
		},
		{
			displayName: 'Gateway Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://gw.messaging.cm.com',
			required: true,
			description: 'Leave https://gw.messaging.cm.com; change it only for a proxy or a test server that answers like CM.com',
		},
		{
			displayName: 'Default Page ID',
			name: 'pageId',
			type: 'string',
			default: '',
			description:
				'The Facebook page ID used as sender ("from") when a node does not override it. CM.com shows it under Channels > Facebook Messenger.',
		},
	];

	// CM.com accepts the token as this header as well as inside the body; the header keeps it out of
	// the request body that n8n may show in an error.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-CM-PRODUCTTOKEN': '={{$credentials.productToken}}' },
		},
	};

	// An empty batch is refused with errorCode 203 by a valid token and with 101/103 by a bad one; the
	// rule below turns the latter into a failed test.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/$/, "")}}',
			url: '/v1.0/message',
			method: 'POST',
			body: { messages: { msg: [] } },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errorCode',
					value: 101,
					message:
						'CM.com: No account found for the given authentication (errorCode 101). Fill in Product Token with the token of your gateway.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errorCode',
					value: 103,
					message:
						'CM.com: Invalid product token (errorCode 103). Copy the product token of your gateway from the CM.com portal again.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errorCode',
					value: undefined,
					message: 'CM.com did not answer as its gateway does. Check Gateway Base URL (https://gw.messaging.cm.com).',
				},
			},
		],
	};
}
