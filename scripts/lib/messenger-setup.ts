// What the demo and the end-to-end tests create inside a real n8n: credentials of the package's three
// types (Meta's twice: one page, and a system user for all pages) pointed at the provider sandbox (its fixed, documented fake accounts), and the demo workflow.
import fs from 'node:fs';
import path from 'node:path';
import { SANDBOX_DEFAULTS } from '../../sandbox/defaults';
import type { N8nApi, WorkflowJson } from './n8n-api';
import { PROJECT_DIR } from './n8n-install';

export const PACKAGE_NAME = 'n8n-nodes-messenger';

export const DEMO_WORKFLOW_FILE = path.join(PROJECT_DIR, 'demo', 'messenger-demo-bot.json');

/** The verify token the demo's Facebook Page credential answers Meta's handshake with. */
export const DEMO_VERIFY_TOKEN = 'sandbox-verify-token';

export interface SandboxCredentialIds {
	facebookPage: string;
	/** The same app's system user: replies from any of its pages (the demo's bot answers both). */
	facebookSystemUser: string;
	infobip: string;
	cm: string;
}

export const CREDENTIAL_NAMES = {
	facebookPage: 'Sandbox Facebook Page',
	facebookSystemUser: 'Sandbox Facebook Pages (System User)',
	infobip: 'Sandbox Infobip',
	cm: 'Sandbox CM.com',
} as const;

export function sandboxCredentialData(sandboxUrl: string): Record<keyof SandboxCredentialIds, { type: string; data: Record<string, unknown> }> {
	const d = SANDBOX_DEFAULTS;
	return {
		facebookPage: {
			type: 'facebookPageMessengerApi',
			data: {
				pageId: d.pageId,
				accessToken: d.pageAccessToken,
				appId: d.appId,
				appSecret: d.appSecret,
				verifyToken: DEMO_VERIFY_TOKEN,
				graphApiVersion: 'v25.0',
				baseUrl: sandboxUrl,
			},
		},
		facebookSystemUser: {
			type: 'facebookPageMessengerApi',
			data: {
				authType: 'systemUser',
				pageId: d.pageId,
				systemUserToken: d.systemUserToken,
				appId: d.appId,
				appSecret: d.appSecret,
				verifyToken: DEMO_VERIFY_TOKEN,
				graphApiVersion: 'v25.0',
				baseUrl: sandboxUrl,
			},
		},
		infobip: {
			type: 'infobipMessengerApi',
			data: { baseUrl: sandboxUrl, authType: 'apiKey', apiKey: d.infobipApiKey, defaultSender: d.infobipApplicationKey, messengerPageId: d.pageId },
		},
		cm: {
			type: 'cmComMessengerApi',
			data: { productToken: d.cmProductToken, baseUrl: sandboxUrl, pageId: d.pageId },
		},
	};
}

/** Creates the sandbox credentials (replacing any of the same name) and returns their ids. */
export async function createSandboxCredentials(api: N8nApi, sandboxUrl: string): Promise<SandboxCredentialIds> {
	const data = sandboxCredentialData(sandboxUrl);
	const ids = {} as SandboxCredentialIds;
	for (const key of Object.keys(data) as Array<keyof SandboxCredentialIds>) {
		await api.deleteCredentialsNamed(CREDENTIAL_NAMES[key]);
		ids[key] = await api.createCredential(CREDENTIAL_NAMES[key], data[key].type, data[key].data);
	}
	return ids;
}

/** The demo workflow as shipped in demo/, with its placeholders filled in. */
export function demoWorkflow(credentials: Pick<SandboxCredentialIds, 'facebookSystemUser'>, sandboxUrl: string): WorkflowJson {
	const text = fs
		.readFileSync(DEMO_WORKFLOW_FILE, 'utf8')
		.replaceAll('__FACEBOOK_SYSTEM_USER_CREDENTIAL_ID__', credentials.facebookSystemUser)
		.replaceAll('__SANDBOX_URL__', sandboxUrl);
	return JSON.parse(text) as WorkflowJson;
}
