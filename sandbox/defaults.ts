// The sandbox's default accounts. Every credential here is a fixed, documented fake: tests, the demo
// and the e2e runs use these values, and nothing here works against a real provider.
import type { SandboxConfig } from './core/types';

export const SANDBOX_DEFAULTS = {
	infobipApiKey: 'sandbox-infobip-api-key',
	infobipBasicUser: 'sandbox',
	infobipBasicPassword: 'sandbox-password',
	/** The application key of seed 003's example. */
	infobipApplicationKey: '8F0792F86035A9F4290821F1EE6BC06A',
	cmProductToken: '00000000-0000-4000-8000-000000000001',
	pageId: '100000000000001',
	pageName: 'Sandbox Page',
	pageAccessToken: 'EAAsandboxPageAccessToken0001',
	appId: '200000000000002',
	appSecret: 'sandbox-app-secret',
	alicePsid: '7000000000000001',
	bobPsid: '7000000000000002',
} as const;

/** A fresh default config; the users' 24-hour windows open at `now`. */
export function createDefaultConfig(now: number = Date.now()): SandboxConfig {
	const d = SANDBOX_DEFAULTS;
	return {
		infobip: {
			apiKey: d.infobipApiKey,
			basicUser: d.infobipBasicUser,
			basicPassword: d.infobipBasicPassword,
			applicationKeys: [d.infobipApplicationKey],
			messengerApi: { pageIds: [d.pageId] },
		},
		cm: {
			productToken: d.cmProductToken,
			pageIds: [d.pageId],
		},
		meta: {
			pageId: d.pageId,
			pageName: d.pageName,
			pageAccessToken: d.pageAccessToken,
			appId: d.appId,
			appSecret: d.appSecret,
			requireAppsecretProof: true,
		},
		users: [
			{ psid: d.alicePsid, firstName: 'Alice', lastName: 'Sandbox', lastInboundAt: now },
			{ psid: d.bobPsid, firstName: 'Bob', lastName: 'Sandbox', lastInboundAt: now },
		],
	};
}
