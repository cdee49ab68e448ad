import { createHmac } from 'node:crypto';
import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export class FacebookPageMessengerApi implements ICredentialType {
	name = 'facebookPageMessengerApi';

	displayName = 'Facebook Page (Messenger) API';

	icon: Icon = { light: 'file:../icons/messenger.svg', dark: 'file:../icons/messenger.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-messenger/n8n-nodes-messenger#facebook-page-messenger-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Page ID',
			name: 'pageId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Page Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			description: 'Needed to manage the app\'s webhook subscription and to create an Infobip application',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'When set, every Graph call carries appsecret_proof and the Messenger Trigger checks X-Hub-Signature-256 on each webhook',
		},
		{
			displayName: 'Webhook Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The token Meta sends in the hub.verify_token handshake',
		},
		{
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			// DEFAULT_GRAPH_API_VERSION (nodes/shared/providers/meta/version.ts); a test keeps them equal.
			default: 'v26.0',
			required: true,
			description:
				"Meta's versions list (checked 2026-11): v26.0 is current; v25.0 is served until 2028-07-29, v24.0 until 2028-02-18, v23.0 until 2027-10-08. A saved credential keeps the version it was saved with.",
		},
		{
			displayName: 'Graph API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://graph.facebook.com',
			required: true,
		},
	];

	// A function because appsecret_proof is an HMAC of the token, which the generic form cannot compute.
	// The token travels in a header rather than the query string so it never shows up in logged URLs.
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const token = String(credentials.accessToken ?? '');
		const qs = { ...requestOptions.qs };
		const appSecret = String(credentials.appSecret ?? '');
		if (appSecret) qs.appsecret_proof = createHmac('sha256', appSecret).update(token).digest('hex');
		return {
			...requestOptions,
			qs,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${token}` },
		};
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/$/, "")}}/{{$credentials.graphApiVersion}}',
			url: '=/{{$credentials.pageId}}',
			method: 'GET',
			qs: { fields: 'id,name' },
		},
	};
}
