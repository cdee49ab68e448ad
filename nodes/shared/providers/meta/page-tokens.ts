// One credential, many pages: a Facebook Page credential may hold a system-user (or user) token
// instead of one page's token, and each page's own token is read from Graph when a call speaks for
// that page. Meta's documents:
// - developers.facebook.com/documentation/facebook-login/guides/access-tokens ("Page Access Token":
//   exchange a user or system-user token for the page's token, `GET /{page-id}?fields=access_token`);
// - developers.facebook.com/docs/business-management-apis/system-users/guides/api-calls ("Pages API":
//   `GET /me/accounts` with the system user token lists its pages, cursor-paged);
// - developers.facebook.com/docs/graph-api/securing-requests (appsecret_proof is the HMAC-SHA256 of
//   the token actually sent, keyed by the app secret);
// - developers.facebook.com/docs/graph-api/guides/error-handling (code 190: the token is invalid or
//   expired, subcode 463 expired; 10/200: permission; 100/33: the object cannot be loaded).
// Pure functions; nodes/shared/sender-auth.ts makes the one call, caches and retries.
import { createHash, createHmac } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { InputValidationError } from '../../model/input-error';
import { graphId, pathSegment } from '../../model/path-input';
import type { ProviderErrorInfo, SenderTokenAnswer, SenderTokenSource } from '../types';
import { isRecord } from '../util';
import { graphBaseUrl } from './graph/base-url';
import { readGraphError } from './graph/error';

/** The credential field that says which token it holds, and its values (credentials/FacebookPageMessengerApi.credentials.ts). */
export const TOKEN_TYPE_FIELD = 'authType';
export const PAGE_TOKEN = 'pageAccessToken';
export const SYSTEM_USER_TOKEN = 'systemUser';
/** The credential field holding the system-user or user token. */
export const SYSTEM_USER_TOKEN_FIELD = 'systemUserToken';

/** A credential saved before the choice existed has no tokenType: it holds a page token, as it always did. */
export function holdsSystemUserToken(credentials: ICredentialDataDecryptedObject): boolean {
	return credentials[TOKEN_TYPE_FIELD] === SYSTEM_USER_TOKEN;
}

/** The token the credential itself sends: the page token, or the system-user token. */
export function credentialToken(credentials: ICredentialDataDecryptedObject): string {
	return String((holdsSystemUserToken(credentials) ? credentials[SYSTEM_USER_TOKEN_FIELD] : credentials.accessToken) ?? '').trim();
}

/** `appsecret_proof` for `token`, or undefined without an app secret. */
export function appSecretProof(token: string, credentials: ICredentialDataDecryptedObject): string | undefined {
	const appSecret = String(credentials.appSecret ?? '');
	return appSecret ? createHmac('sha256', appSecret).update(token).digest('hex') : undefined;
}

const pageLabel = (pageId: string): string => `page ${pageId}`;

const SYSTEM_USER_STEPS =
	'In Meta Business Suite, Settings > Users > System users: select the system user, Assign assets > Pages, give it this page with full control (or at least the Messages task), then generate its token again with pages_messaging, pages_manage_metadata and pages_show_list';

/** What to do when Graph would not hand out `pageId`'s token, by Graph error code. */
function tokenProblemHint(problem: ProviderErrorInfo, pageId: string): string {
	const code = problem.code ?? '';
	if (code === '190' || code.startsWith('190/')) {
		return 'The System User (or User) Access Token of the Facebook Page credential is invalid or expired: generate a new one (Meta Business Suite > Settings > Users > System users > Generate new token) and paste it into the credential';
	}
	if (code === '10' || code.startsWith('10/') || code === '200' || code.startsWith('200/')) {
		return `The token lacks a permission for ${pageLabel(pageId)}. ${SYSTEM_USER_STEPS}`;
	}
	return `The token cannot manage ${pageLabel(pageId)} (a wrong page ID, or the page is not assigned to the system user). ${SYSTEM_USER_STEPS}`;
}

/** `GET /{page-id}?fields=access_token`, sent with the credential's system-user token. */
export function buildPageTokenRequest(credentials: ICredentialDataDecryptedObject, pageId: string): IHttpRequestOptions {
	return {
		method: 'GET',
		baseURL: graphBaseUrl(credentials),
		url: `/${pathSegment(graphId('pageId', pageId))}`,
		qs: { fields: 'id,access_token' },
		json: true,
	};
}

/** `{id, access_token}`; Graph leaves access_token out when the token may read the page but not act for it. */
export function parsePageTokenResponse(statusCode: number, body: unknown, pageId: string): SenderTokenAnswer {
	const error = readGraphError(statusCode, body);
	if (error || statusCode >= 400) {
		const problem: ProviderErrorInfo = error ? { message: error.message, code: error.fullCode } : { message: `HTTP ${statusCode}` };
		return { ok: false, problem: { ...problem, hint: tokenProblemHint(problem, pageId) } };
	}
	const token = isRecord(body) && typeof body.access_token === 'string' ? body.access_token.trim() : '';
	if (token) return { ok: true, token };
	return {
		ok: false,
		problem: {
			message: `Graph returned no access token for ${pageLabel(pageId)}`,
			hint: `The token can see ${pageLabel(pageId)} but may not act for it. ${SYSTEM_USER_STEPS}`,
		},
	};
}

/** Bearer `token` in a header (never the query string), with the appsecret_proof of that same token. */
export function authorizeWithToken(request: IHttpRequestOptions, token: string, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const proof = appSecretProof(token, credentials);
	return {
		...request,
		qs: proof ? { ...request.qs, appsecret_proof: proof } : request.qs,
		headers: { ...request.headers, Authorization: `Bearer ${token}` },
	};
}

/** Graph code 190 (any subcode: 463 expired, 460 password changed, 467 invalidated): the token was refused. */
export const isTokenRejected = (code: string | undefined): boolean => code === '190' || (code?.startsWith('190/') ?? false);

/** Base URL, version, token and app secret decide which page tokens come back; a digest, never the token. */
export function credentialCacheKey(credentials: ICredentialDataDecryptedObject): string {
	const identity = [graphBaseUrl(credentials), credentialToken(credentials), String(credentials.appSecret ?? '')].join('\n');
	return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}

/**
 * Page tokens read with a system-user token do not expire on their own; read with a user token they
 * last about an hour (the "Get a Page Access Token" page). Half an hour keeps both fresh, and a 190
 * refetches sooner.
 */
export const PAGE_TOKEN_TTL_MS = 30 * 60_000;

export const PAGE_TOKENS: SenderTokenSource = {
	appliesTo: holdsSystemUserToken,
	senderLabel: pageLabel,
	buildTokenRequest: buildPageTokenRequest,
	parseTokenResponse: parsePageTokenResponse,
	authorize: authorizeWithToken,
	isTokenRejected,
	cacheKey: credentialCacheKey,
	ttlMs: PAGE_TOKEN_TTL_MS,
};

// The pages the token manages (Application node: Get Managed Pages, Subscribe Pages).

export interface ManagedPage {
	id: string;
	name: string;
	category: string;
	tasks: string[];
}

/** Requests of 100 pages each (Graph's page size for /me/accounts is the caller's `limit`). */
export const MANAGED_PAGES_PER_REQUEST = 100;
/** At most this many pages are listed, so an account with thousands of pages ends in bounded time. */
export const MAX_MANAGED_PAGES = 1000;

/**
 * `GET /me/accounts?fields=id,name,category,tasks`: no access_token field is asked for, so listing
 * pages never brings their tokens back. The next request carries Graph's `after` cursor; Graph's
 * `paging.next` URL is not followed, since it is an absolute URL that may carry the token.
 */
export function buildManagedPagesRequest(credentials: ICredentialDataDecryptedObject, after?: string): IHttpRequestOptions {
	const qs: Record<string, string | number> = { fields: 'id,name,category,tasks', limit: MANAGED_PAGES_PER_REQUEST };
	if (after) qs.after = after;
	return { method: 'GET', baseURL: graphBaseUrl(credentials), url: '/me/accounts', qs, json: true };
}

/** `{data: [{id, name, category, tasks}], paging: {cursors: {after}, next}}`: the pages and the cursor of the next request. */
export function parseManagedPages(body: unknown): { pages: ManagedPage[]; after?: string } {
	const data = isRecord(body) && Array.isArray(body.data) ? body.data.filter(isRecord) : [];
	const pages = data
		.map((page) => ({
			id: String(page.id ?? ''),
			name: String(page.name ?? ''),
			category: String(page.category ?? ''),
			tasks: Array.isArray(page.tasks) ? page.tasks.map(String) : [],
		}))
		.filter((page) => /^\d{1,30}$/.test(page.id));
	const paging = isRecord(body) && isRecord(body.paging) ? body.paging : {};
	const cursors = isRecord(paging.cursors) ? paging.cursors : {};
	const after = paging.next && typeof cursors.after === 'string' && cursors.after ? cursors.after : undefined;
	return { pages, after };
}

/**
 * A list of page IDs typed by the user (commas, spaces or new lines between them), each checked to be
 * a Facebook ID; an empty list stays empty (all pages). `option` is the option as the panel names it
 * ("Options > Pages"), so the error says what to fix. At most MAX_MANAGED_PAGES, the bound of a listing:
 * each page costs a token read and a call or two, one after the other.
 */
export function pageIdList(option: string, value: unknown): string[] {
	const raw = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,]+/);
	const ids = [...new Set(raw.map((entry) => entry.trim()).filter(Boolean).map((id) => graphId(option, id)))];
	if (ids.length > MAX_MANAGED_PAGES) {
		throw new InputValidationError(option, `${option} lists ${ids.length} page IDs; at most ${MAX_MANAGED_PAGES} are allowed`);
	}
	return ids;
}
