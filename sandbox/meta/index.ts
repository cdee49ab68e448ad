// The Meta Graph API emulation (Messenger Platform), base path `/{version}/...` with version vNN.N.
//
// Routes (route ids in the request log and fault rules):
//   POST            /{v}/{page-id|me}/messages             meta.messages           (messages.ts)
//   POST            /{v}/{page-id|me}/message_attachments  meta.attachments        (attachments.ts)
//   GET|POST|DELETE /{v}/{page-id|me}/subscribed_apps      meta.subscribed_apps    (subscriptions.ts)
//   GET|POST|DELETE /{v}/{app-id}/subscriptions            meta.app_subscriptions  (subscriptions.ts)
//   GET|POST|DELETE /{v}/{page-id|me}/messenger_profile    meta.messenger_profile  (profile.ts)
//   GET             /{v}/{me|system-user-id}/accounts      meta.accounts           (accounts.ts)
//   GET             /{v}/{psid|me|page-id|system-user-id}  meta.user_profile       (objects.ts)
// Pages: one app, many pages (pages.ts); admin routes under /__sandbox/meta (admin.ts).
// Graph errors are HTTP 400 except 1 / 2 / 1200 (500), see core/graph-error.ts.
import type { ProviderModule, ProviderModuleFactory, RouteHandler, SandboxRequest, SandboxResponse } from '../core/types';
import { handleAccounts } from './accounts';
import { handleMetaAdmin } from './admin';
import { handleUpload } from './attachments';
import { GraphError } from './fields';
import { handleSend } from './messages';
import { handleObject } from './objects';
import { handleMessengerProfile } from './profile';
import { MetaState } from './state';
import { handleAppSubscriptions, handleSubscribedApps } from './subscriptions';
import { metaUserAction } from './webhook';

export { appsecretProof } from './auth';
export { MESSAGE_TAGS, META_LIMITS, PAGE_WEBHOOK_FIELDS } from './limits';
export { buildMetaWebhookBody, signMetaBody } from './webhook';

/** `:version` accepts Graph versions like v25.0. */
const V = ':version(v\\d+\\.\\d+)';

function graphRoute(fn: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>): RouteHandler {
	return async (req) => {
		try {
			return await fn(req);
		} catch (e) {
			if (e instanceof GraphError) return e.toResponse();
			throw e;
		}
	};
}

export const createMetaModule: ProviderModuleFactory = (ctx): ProviderModule => {
	const state = new MetaState();
	return {
		provider: 'meta',
		userVias: ['meta'],
		register(router) {
			const add = (method: string, path: string, id: string, fn: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>) =>
				router.add(method, `/${V}${path}`, id, 'meta', graphRoute(fn));
			add('POST', '/:node/messages', 'meta.messages', (req) => handleSend(req, ctx, state));
			add('POST', '/:node/message_attachments', 'meta.attachments', (req) => handleUpload(req, ctx, state));
			for (const method of ['GET', 'POST', 'DELETE']) {
				add(method, '/:node/subscribed_apps', 'meta.subscribed_apps', (req) => handleSubscribedApps(req, ctx, state));
				add(method, '/:app/subscriptions', 'meta.app_subscriptions', (req) => handleAppSubscriptions(req, ctx, state));
				add(method, '/:node/messenger_profile', 'meta.messenger_profile', (req) => handleMessengerProfile(req, ctx, state));
			}
			add('GET', '/:node/accounts', 'meta.accounts', (req) => handleAccounts(req, ctx, state));
			add('GET', '/:id', 'meta.user_profile', (req) => handleObject(req, ctx, state));
		},
		userAction: (action) => metaUserAction(action, ctx, state),
		reset: () => state.reset(),
		admin: { prefix: 'meta', handle: async ({ method, path }) => handleMetaAdmin(method, path, ctx.config, state) },
	};
};
