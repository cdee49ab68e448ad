// The Meta module's admin routes, under /__sandbox/meta (core/admin.ts hands them over):
//
//   GET  /__sandbox/meta/pages                     {pages:[{id, name, managed, subscribedFields, expiredTokens}]}
//   POST /__sandbox/meta/pages/:id/expire-token    the page's current token expires (calls with it answer
//                                                  190 / 463 from now on) and a new, different token takes
//                                                  its place (handed out by /me/accounts and
//                                                  GET /{page-id}?fields=access_token) → {ok, pageId, expired}
//   POST /__sandbox/meta/pages/:id/revoke          the system user loses the page: gone from /me/accounts,
//                                                  GET /{page-id} as the system user → 100 / 33, the page's
//                                                  tokens → 200 (permission error) → {ok, pageId, managed:false}
//   POST /__sandbox/meta/pages/:id/restore         undoes revoke → {ok, pageId, managed:true}
//
// Tokens are not echoed here: GET /__sandbox/config shows the config, Graph hands tokens out.
import type { SandboxConfig, SandboxResponse } from '../core/types';
import { findPage, isPageManaged, metaPages, newPageToken, replacePageToken, setPageManaged } from './pages';
import type { MetaState } from './state';

const err = (status: number, message: string): SandboxResponse => ({ status, body: { error: message } });

export function handleMetaAdmin(method: string, path: string, config: SandboxConfig, state: MetaState): SandboxResponse | undefined {
	const meta = config.meta;
	if (method === 'GET' && path === '/pages') {
		const pages = metaPages(meta).map((p) => ({
			id: p.id,
			name: p.name,
			managed: isPageManaged(meta, p.id),
			subscribedFields: state.pageSubscribedFields.get(p.id) ?? null,
			expiredTokens: [...state.expiredTokens.values()].filter((t) => t.pageId === p.id).length,
		}));
		return { status: 200, body: { pages } };
	}
	const m = /^\/pages\/([^/]+)\/(expire-token|revoke|restore)$/.exec(path);
	if (!m) return undefined;
	if (method !== 'POST') return err(405, `${method} is not allowed on /__sandbox/meta${path}`);
	const pageId = decodeURIComponent(m[1]);
	const page = findPage(meta, pageId);
	if (!page) return err(404, `no page ${pageId} in config.meta (pageId or additionalPages)`);
	switch (m[2]) {
		case 'expire-token': {
			const old = replacePageToken(meta, pageId, newPageToken(pageId));
			if (old !== undefined) state.expiredTokens.set(old, { pageId, expiredAt: Date.now() });
			return { status: 200, body: { ok: true, pageId, expired: old !== undefined ? 1 : 0 } };
		}
		case 'revoke':
		case 'restore':
			if (!meta.systemUser) return err(409, 'config.meta.systemUser is not set: there is no system user to take the page from');
			setPageManaged(meta, pageId, m[2] === 'restore');
			return { status: 200, body: { ok: true, pageId, managed: m[2] === 'restore' } };
		default:
			return undefined;
	}
}
