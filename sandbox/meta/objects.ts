// `GET /{v}/{psid|me|page-id}` (route id `meta.user_profile`), page token (providers.md; Meta's User
// Profile API page).
// A PSID answers the user profile fields (default first_name,last_name,profile_pic,id); `me` or the
// page id answers the page (default name,id). Graph always adds `id`. Unknown PSID → 100 / 2018001; unknown field → 100.
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { authenticate } from './auth';
import { fail, stringList } from './fields';
import { graphParams, withoutAuth } from './params';

export const USER_PROFILE_FIELDS = ['id', 'name', 'first_name', 'last_name', 'profile_pic', 'locale', 'timezone'];
export const PAGE_FIELDS = ['id', 'name', 'category', 'link'];

function requestedFields(v: unknown, defaults: string[], allowed: string[], nodeType: string): string[] {
	const fields = v === undefined || v === '' ? defaults : stringList(v, 'fields');
	for (const f of fields) {
		if (!allowed.includes(f)) fail(`(#100) Tried accessing nonexisting field (${f}) on node type (${nodeType})`);
	}
	return fields;
}

export function handleObject(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
	const meta = ctx.config.meta;
	const params = graphParams(req);
	authenticate(req, params, meta, 'page');
	const rest = withoutAuth(params);
	for (const key of Object.keys(rest)) if (key !== 'fields') fail(`(#100) Param ${key} is not a valid parameter`);
	const id = req.params.id;

	if (id === 'me' || id === meta.pageId) {
		const page: Record<string, unknown> = {
			id: meta.pageId,
			name: meta.pageName,
			category: 'Sandbox',
			link: `https://www.facebook.com/${meta.pageId}`,
		};
		const out: Record<string, unknown> = {};
		for (const f of requestedFields(rest.fields, ['name', 'id'], PAGE_FIELDS, 'Page')) out[f] = page[f];
		if (out.id === undefined) out.id = meta.pageId;
		return { status: 200, body: out };
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
	const out: Record<string, unknown> = {};
	for (const f of requestedFields(rest.fields, ['first_name', 'last_name', 'profile_pic', 'id'], USER_PROFILE_FIELDS, 'User')) out[f] = profile[f];
	if (out.id === undefined) out.id = user.psid;
	return { status: 200, body: out };
}
