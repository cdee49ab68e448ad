// `GET /{v}/{me|system-user-id}/accounts` (route id `meta.accounts`): the pages a user manages, each with
// its page access token (Pages API, developers.facebook.com/docs/pages-api/getting-started: "Get a list
// of Pages ... GET /{user-id}/accounts", and the User accounts edge reference). Business Manager's
// system users read it with their own token (developers.facebook.com/docs/marketing-api/system-users).
//
// Default fields access_token, category, category_list, name, id, tasks; `fields=` picks. Cursor paging
// as Graph's paginated results page describes (developers.facebook.com/docs/graph-api/results):
// `limit` (default 25), `after` / `before` cursors, and `paging: {cursors: {before, after}, next?,
// previous?}`; `next` and `previous` are full URLs that repeat the request's parameters, access token
// included, as Graph's do. A page whose permission was taken from the system user is not listed.
//
// A page token → 100 "Tried accessing nonexisting field (accounts) on node type (Page)"; the app token →
// 2500 "An active access token must be used to query information about the current user.".
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { authenticate } from './auth';
import { fail, GraphError, stringList } from './fields';
import { managedPages } from './pages';
import { pageNode } from './objects';
import { graphParams, withoutAuth } from './params';
import type { MetaState } from './state';

export const ACCOUNT_FIELDS = ['access_token', 'category', 'category_list', 'name', 'id', 'tasks'];
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

export const encodeCursor = (pageId: string): string => Buffer.from(pageId, 'utf8').toString('base64');
const decodeCursor = (cursor: string): string => Buffer.from(cursor, 'base64').toString('utf8');

function limitOf(v: unknown): number {
	if (v === undefined || v === '') return DEFAULT_LIMIT;
	const n = Number(v);
	if (!Number.isInteger(n) || n < 1) fail('(#100) Param limit must be a positive integer');
	return Math.min(n, MAX_LIMIT);
}

export function handleAccounts(req: SandboxRequest, ctx: SandboxContext, state: MetaState): SandboxResponse {
	const meta = ctx.config.meta;
	const params = graphParams(req);
	const caller = authenticate(req, params, meta, ['page', 'user', 'app'], state);
	if (caller.kind === 'page') fail('(#100) Tried accessing nonexisting field (accounts) on node type (Page)');
	if (caller.kind === 'app') throw new GraphError('An active access token must be used to query information about the current user.', 2500);
	const node = req.params.node;
	if (node !== 'me' && node !== meta.systemUser?.id) {
		throw new GraphError(
			`Unsupported get request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
			100,
			33,
			'GraphMethodException',
		);
	}

	const rest = withoutAuth(params);
	for (const key of Object.keys(rest)) if (!['fields', 'limit', 'after', 'before'].includes(key)) fail(`(#100) Param ${key} is not a valid parameter`);
	const fields = rest.fields === undefined || rest.fields === '' ? ACCOUNT_FIELDS : stringList(rest.fields, 'fields');
	for (const f of fields) if (!ACCOUNT_FIELDS.includes(f)) fail(`(#100) Tried accessing nonexisting field (${f}) on node type (Page)`);
	const limit = limitOf(rest.limit);

	const pages = managedPages(meta);
	let start = 0;
	let end = pages.length;
	if (typeof rest.after === 'string' && rest.after !== '') {
		const at = pages.findIndex((p) => p.id === decodeCursor(rest.after as string));
		if (at < 0) fail('(#100) Param after is not a valid cursor');
		start = at + 1;
	} else if (typeof rest.before === 'string' && rest.before !== '') {
		const at = pages.findIndex((p) => p.id === decodeCursor(rest.before as string));
		if (at < 0) fail('(#100) Param before is not a valid cursor');
		end = at;
		start = Math.max(0, at - limit);
	}
	const slice = pages.slice(start, Math.min(end, start + limit));
	const data = slice.map((page) => {
		const node: Record<string, unknown> = { ...pageNode(page), category_list: [{ id: '2347428775505624', name: page.category }] };
		const out: Record<string, unknown> = {};
		for (const f of fields) out[f] = node[f];
		out.id = page.id;
		return out;
	});
	if (data.length === 0) return { status: 200, body: { data } };

	const link = (cursor: Record<string, string>) => {
		const url = new URL(`${ctx.baseUrl()}${req.path}`);
		for (const [k, v] of Object.entries(req.query)) if (k !== 'after' && k !== 'before') url.searchParams.set(k, v);
		url.searchParams.set('limit', String(limit));
		for (const [k, v] of Object.entries(cursor)) url.searchParams.set(k, v);
		return url.toString();
	};
	const first = slice[0].id;
	const last = slice[slice.length - 1].id;
	const paging: Record<string, unknown> = { cursors: { before: encodeCursor(first), after: encodeCursor(last) } };
	if (start > 0) paging.previous = link({ before: encodeCursor(first) });
	if (start + slice.length < pages.length) paging.next = link({ after: encodeCursor(last) });
	return { status: 200, body: { data, paging } };
}
