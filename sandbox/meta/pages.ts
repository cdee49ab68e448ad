// The pages of the Meta app and who may act for them. One app serves many pages (Meta's webhooks page:
// one callback URL per app, `entry[].id` names the page); each page has its own page access token, valid
// for that page only (Pages API overview, developers.facebook.com/docs/pages-api/overview, and the Page
// node's `access_token` field, developers.facebook.com/docs/graph-api/reference/page).
//
// The first page is `meta.pageId/pageName/pageAccessToken` as it always was; `meta.additionalPages`
// adds the others. A page token is a plain string in the config: expiring one (admin API) moves it to
// the state's expired list and puts a fresh token in its place.
import { randomBytes } from 'node:crypto';
import type { SandboxConfig } from '../core/types';

type Meta = SandboxConfig['meta'];

export interface MetaPage {
	id: string;
	name: string;
	accessToken: string;
	category: string;
}

/** Graph's page tasks for a full-control role (Page node `tasks`; /me/accounts lists them per page). */
export const PAGE_TASKS = ['MODERATE', 'MESSAGING', 'ANALYZE', 'ADVERTISE', 'CREATE_CONTENT', 'MANAGE'];

export function metaPages(meta: Meta): MetaPage[] {
	const first: MetaPage = { id: meta.pageId, name: meta.pageName, accessToken: meta.pageAccessToken, category: 'Sandbox' };
	const more = (meta.additionalPages ?? []).map((p) => ({ id: p.id, name: p.name, accessToken: p.accessToken, category: p.category ?? 'Sandbox' }));
	return [first, ...more];
}

export function findPage(meta: Meta, id: string): MetaPage | undefined {
	return metaPages(meta).find((p) => p.id === id);
}

export function pageOfToken(meta: Meta, token: string): MetaPage | undefined {
	return metaPages(meta).find((p) => p.accessToken === token);
}

/** False once the page's permission was taken from the system user (its page tokens stop working too). */
export function isPageManaged(meta: Meta, pageId: string): boolean {
	return !(meta.systemUser?.revokedPageIds ?? []).includes(pageId);
}

/** Pages the system user manages, in config order (what `/me/accounts` lists). */
export function managedPages(meta: Meta): MetaPage[] {
	return metaPages(meta).filter((p) => isPageManaged(meta, p.id));
}

export function newPageToken(pageId: string): string {
	return `EAAsandboxPage${pageId.slice(-4)}${randomBytes(12).toString('hex')}`;
}

/** Replaces the page's current token in the config; returns the old one. */
export function replacePageToken(meta: Meta, pageId: string, token: string): string | undefined {
	if (pageId === meta.pageId) {
		const old = meta.pageAccessToken;
		meta.pageAccessToken = token;
		return old;
	}
	const page = (meta.additionalPages ?? []).find((p) => p.id === pageId);
	if (!page) return undefined;
	const old = page.accessToken;
	page.accessToken = token;
	return old;
}

export function setPageManaged(meta: Meta, pageId: string, managed: boolean): void {
	if (!meta.systemUser) return;
	const revoked = new Set(meta.systemUser.revokedPageIds ?? []);
	if (managed) revoked.delete(pageId);
	else revoked.add(pageId);
	meta.systemUser.revokedPageIds = [...revoked];
}
