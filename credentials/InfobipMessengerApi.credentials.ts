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
			displayName: 'Page ID (Messenger API)',
			name: 'messengerPageId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 100000000000001',
			description:
				'The Facebook page connected to your Infobip Messenger sender: what the provider Infobip (Messenger API) sends from when a node does not override it',
		},
		{
			displayName: 'Default Sender (Application Key, Facebook API v1)',
			name: 'defaultSender',
			type: 'string',
			default: '',
			description:
				'For the legacy Facebook API v1 only: the Infobip application key (created by the Messenger Application node) used as sender when a node does not override it',
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

	// One request that every Infobip account answers today: Infobip's current API description has no
	// /facebook/1/* path, so the Messenger API's logs (GET /messenger/1/logs, messenger-api-openapi.json)
	// prove the base URL and the key. The request takes any status, so the rules can name Infobip's
	// reason (its ApiError body: E401, E403); the last one catches every answer that is not Infobip's.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/$/, "")}}',
			url: '/messenger/1/logs',
			qs: { limit: 1 },
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errorCode',
					value: 'E401',
					message:
						"Infobip: Invalid login details (UNAUTHORIZED). Check the API key (or username and password), and that Base URL is your account's own (https://xxxxx.api.infobip.com).",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errorCode',
					value: 'E403',
					message: 'Infobip: this API key may not use the Messenger API (E403, insufficient permissions). Give the key the Messenger scope in the Infobip portal (Developers > API keys).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'results',
					value: undefined,
					message:
						"Infobip's Messenger API did not answer at /messenger/1/logs. Check Base URL (your account's, https://xxxxx.api.infobip.com, from the portal's home page). An account that has only the legacy Facebook API v1 can save the credential anyway.",
				},
			},
		],
	};
}
