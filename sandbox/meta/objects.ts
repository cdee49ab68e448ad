// `GET /{v}/{psid|me|page-id|system-user-id}` (route id `meta.user_profile`): nodes read by id
// (providers.md; Meta's User Profile API page; the Page node reference, developers.facebook.com/docs/
// graph-api/reference/page, for `access_token` and `tasks`).
//
// With a page token: a PSID answers the user profile fields (default first_name,last_name,profile_pic,id);
// `me` or the token's own page id answers the page (default name,id; `access_token` is the page's current
// token). Another page of the app → the permission error (auth.ts).
// With the system user's token: `me` (or its id) answers the system user (default name,id); a page it
// manages answers the page, `access_token` included (how a page token is obtained); a page whose
// permission was taken, or any other id → 100 / 33 "Object with ID ... cannot be loaded due to missing
// permissions". Graph always adds `id`. Unknown PSID → 100 / 2018001; unknown field → 100.
import type { SandboxConfig, SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { assertPageUsable, authenticate, pagePermissionError, unknownObject } from './auth';
import { fail, stringList } from './fields';
import { findPage, isPageManaged, type MetaPage, PAGE_TASKS } from './pages';
import { graphParams, withoutAuth } from './params';
import type { MetaState } from './state';

export const USER_PROFILE_FIELDS = ['id', 'name', 'first_name', 'last_name', 'profile_pic', 'locale', 'timezone'];
export const PAGE_FIELDS = ['id', 'name', 'category', 'link', 'access_token', 'tasks'];
export const SYSTEM_USER_FIELDS = ['id', 'name'];

function requestedFields(v: unknown, defaults: string[], allowed: string[], nodeType: string): string[] {
	const fields = v === undefined || v === '' ? defaults : stringList(v, 'fields');
	for (const f of fields) {
		if (!allowed.includes(f)) fail(`(#100) Tried accessing nonexisting field (${f}) on node type (${nodeType})`);
	}
	return fields;
}

function pick(node: Record<string, unknown>, fields: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const f of fields) out[f] = node[f];
	if (out.id === undefined) out.id = node.id;
	return out;
}

/** The Page node as Graph answers it; `access_token` is the page's current token. */
export function pageNode(page: MetaPage): Record<string, unknown> {
	return {
		id: page.id,
		name: page.name,
		category: page.category,
		link: `https://www.facebook.com/${page.id}`,
		access_token: page.accessToken,
		tasks: [...PAGE_TASKS],
	};
}

function systemUserObject(id: string, fields: unknown, meta: SandboxConfig['meta'], method: string): SandboxResponse {
	const user = meta.systemUser!;
	if (id === 'me' || id === user.id) {
		const node = { id: user.id, name: user.name };
		return { status: 200, body: pick(node, requestedFields(fields, ['name', 'id'], SYSTEM_USER_FIELDS, 'User')) };
	}
	const page = findPage(meta, id);
	if (!page || !isPageManaged(meta, page.id)) throw unknownObject(id, method);
	return { status: 200, body: pick(pageNode(page), requestedFields(fields, ['name', 'id'], PAGE_FIELDS, 'Page')) };
}

export function handleObject(req: SandboxRequest, ctx: SandboxContext, state: MetaState): SandboxResponse {
	const meta = ctx.config.meta;
	const params = graphParams(req);
	const caller = authenticate(req, params, meta, ['page', 'user'], state);
	const rest = withoutAuth(params);
	for (const key of Object.keys(rest)) if (key !== 'fields') fail(`(#100) Param ${key} is not a valid parameter`);
	const id = req.params.id;
	if (caller.kind === 'user') return systemUserObject(id, rest.fields, meta, req.method);
	if (caller.kind !== 'page') throw unknownObject(id, req.method);

	assertPageUsable(meta, caller.pageId);
	if (id === 'me' || findPage(meta, id)) {
		if (id !== 'me' && id !== caller.pageId) throw pagePermissionError();
		const page = findPage(meta, caller.pageId)!;
		return { status: 200, body: pick(pageNode(page), requestedFields(rest.fields, ['name', 'id'], PAGE_FIELDS, 'Page')) };
	}

	const user = ctx.findUser(id);
	if (!user) fail('(#100) No matching user found', 100, 2018001);
	const profile: Record<string, unknown> = {
		id: user.psid,
		name: `${user.firstName} ${user.lastName}`,
		first_name: user.firstName,
		last_name: user.lastName,
		profile_pic: `${ctx.baseUrl()}/__sandbox/media/profile-${user.psid}.png`,
		locale: 'en_US',
		timezone: 0,
	};
	return { status: 200, body: pick(profile, requestedFields(rest.fields, ['first_name', 'last_name', 'profile_pic', 'id'], USER_PROFILE_FIELDS, 'User')) };
}
