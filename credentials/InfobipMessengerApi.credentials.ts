import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export class InfobipMessengerApi implements ICredentialType {
	name = 'infobipMessengerApi';

	displayName = 'Infobip (Messenger) API';

	icon: Icon = { light: 'file:../icons/infobip.svg', dark: 'file:../icons/infobip.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-messenger/n8n-nodes-messenger#infobip-messenger-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://xxxxx.api.infobip.com',
			description: 'Your account\'s own API base URL, shown on the Infobip portal\'s home page',
			required: true,
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'API Key', value: 'apiKey' },
				{ name: 'Basic (Username and Password)', value: 'basic' },
			],
			default: 'apiKey',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['apiKey'] } },
			description:
				'An API key from the API keys page of the Infobip portal, allowed to use the Facebook Messenger API; sent as "Authorization: App <key>"',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Default Sender (Application Key)',
			name: 'defaultSender',
			type: 'string',
			default: '',
			description:
				'The Infobip application key (created by the Messenger Application node) used as sender when a node does not override it',
		},
	];

	// A function, not the generic form: the header depends on which of the two documented schemes is chosen.
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const authorization =
			credentials.authType === 'basic'
				? `Basic ${Buffer.from(`${String(credentials.username)}:${String(credentials.password)}`).toString('base64')}`
				: `App ${String(credentials.apiKey)}`;
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: authorization } };
	};

	// Infobip answers a bad key with HTTP 401 and {"requestError":{"serviceException":{"messageId","text"}}}
	// (providers.md), which n8n's credential test would reduce to "Unauthorized". The request takes any
	// status; the rules name Infobip's reason, and the last one catches every answer without the list.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/$/, "")}}',
			url: '/facebook/1/applications',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'requestError.serviceException.messageId',
					value: 'UNAUTHORIZED',
					message:
						'Infobip: Invalid login details (UNAUTHORIZED). Check the API key (or username and password), and that Base URL is your account\'s own (https://xxxxx.api.infobip.com).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'applications',
					value: undefined,
					message:
						'Infobip did not list the Facebook applications. Check Base URL (your account\'s, https://xxxxx.api.infobip.com, from the portal\'s home page) and that the API key may use Facebook Messenger.',
				},
			},
		],
	};
}
