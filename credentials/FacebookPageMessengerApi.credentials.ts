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
			displayName: 'Token Type',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'Page Access Token (One Page)',
					value: 'pageAccessToken',
					description: "The page's own token: every call speaks for the page below",
				},
				{
					name: 'System User or User Token (Many Pages)',
					value: 'systemUser',
					description:
						"A Meta Business Suite system user's (or a page admin's) token: each page's own token is read from it when a call speaks for that page",
				},
			],
			// Saved credentials have no Token Type and keep meaning a page token.
			default: 'pageAccessToken',
		},
		{
			displayName: 'Page ID',
			name: 'pageId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 100000000000001',
			description:
				'The numeric ID of the Facebook page (with a system user token: the default page, used where a node names no other): on the page, About > Page transparency, or in your Meta app under Messenger > Messenger API Settings, next to the page',
		},
		{
			displayName: 'Page Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['pageAccessToken'] } },
			description:
				'A token for this page from your Meta app: Messenger > Messenger API Settings > Generate access tokens, then Generate next to the page. Sent as a Bearer header, never in a URL.',
		},
		{
			displayName: 'System User or User Access Token',
			name: 'systemUserToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['systemUser'] } },
			description:
				"Meta Business Suite > Settings > Users > System users: add a system user, assign it the pages (Assign assets, full control or the Messages task) and the app, then Generate new token for the app with pages_messaging, pages_manage_metadata, pages_show_list and pages_read_engagement. Each page's token is read from it (GET /{page-id}?fields=access_token), kept in memory only and never shown. Sent as a Bearer header, never in a URL.",
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
			placeholder: 'v26.0',
			description:
				"The Graph API version every call uses, with its \"v\". Meta's versions list (checked 2026-11): v26.0 is current; v25.0 is served until 2028-07-29, v24.0 until 2028-02-18, v23.0 until 2027-10-08. A saved credential keeps the version it was saved with: raise it when Meta announces the end of that version.",
		},
		{
			displayName: 'Graph API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://graph.facebook.com',
			required: true,
			description: 'Leave https://graph.facebook.com; change it only for a proxy or a test server that answers like Graph',
		},
	];

	// A function because appsecret_proof is an HMAC of the token, which the generic form cannot compute.
	// The token travels in a header rather than the query string so it never shows up in logged URLs.
	// The token is the one this credential holds: the page's, or the system user's (which reads the
	// pages' tokens; calls made with a page's token carry that token's proof, nodes/shared/sender-auth.ts).
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		// Trimmed: HTTP drops a header value's surrounding whitespace, so Graph checks the proof against the
		// trimmed token, and a token pasted with a trailing space or line break must be signed as sent.
		const token = String((credentials.authType === 'systemUser' ? credentials.systemUserToken : credentials.accessToken) ?? '').trim();
		const qs = { ...requestOptions.qs };
		const appSecret = String(credentials.appSecret ?? '');
		if (appSecret) qs.appsecret_proof = createHmac('sha256', appSecret).update(token).digest('hex');
		return {
			...requestOptions,
			qs,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${token}` },
		};
	};

	// Graph answers a bad token or secret with HTTP 400 and the reason in the body, which n8n's credential
	// test would reduce to the status text ("Bad Request"). The request therefore takes any status and the
	// rules below turn Graph's documented errors (providers.md: error.code, error_subcode, message) into
	// what Meta said and what to change. The last rule catches every other answer: a page has an `id`.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/$/, "")}}/{{$credentials.graphApiVersion}}',
			url: '=/{{$credentials.pageId}}',
			method: 'GET',
			qs: { fields: 'id,name' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 190,
					message:
						'Meta: Invalid OAuth access token (code 190). The token is wrong, expired or revoked: generate a new Page Access Token for this page in your Meta app (Messenger > Messenger API Settings), or a new system user token in Meta Business Suite (Settings > Users > System users > Generate new token), and paste it here.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.message',
					value: 'Invalid appsecret_proof provided in the API argument',
					message:
						'Meta: Invalid appsecret_proof provided in the API argument (code 100). The App Secret is not the secret of the app that issued the Page Access Token: copy it from the app\'s Settings > Basic.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.message',
					value: 'API calls from the server require an appsecret_proof argument',
					message:
						'Meta: API calls from the server require an appsecret_proof argument (code 100). The app has "Require App Secret" on: fill in App Secret (the app\'s Settings > Basic).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 210,
					message:
						'Meta: A page access token is required to request this resource (code 210). The token is a user or app token: generate the page\'s own token.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.error_subcode',
					value: 33,
					message:
						'Meta: the object with this ID does not exist or this token cannot load it (code 100, subcode 33). Check the Page ID: the page\'s numeric ID, for the page the token belongs to.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.error_subcode',
					value: 2018001,
					message:
						'Meta: No matching user found (code 100, subcode 2018001): the Page ID is not this page\'s. Check the Page ID: the page\'s numeric ID, for the page the token belongs to.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'id',
					value: undefined,
					message:
						'Meta did not return the page. Check Page ID, Graph API Version (e.g. v25.0) and Graph API Base URL (https://graph.facebook.com).',
				},
			},
		],
	};
}
