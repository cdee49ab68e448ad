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
			default: 'https://api.infobip.com',
			placeholder: 'https://xxxxx.api.infobip.com',
			description: 'Your account\'s API base URL, shown on the Infobip portal\'s home page',
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

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/$/, "")}}',
			url: '/facebook/1/applications',
			method: 'GET',
		},
	};
}
