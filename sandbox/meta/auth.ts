// Graph authentication: page tokens (one per page), the system user's token, or the app token
// (`APP_ID|APP_SECRET`), from `access_token` (query, form or JSON) or `Authorization: Bearer` / `OAuth`,
// plus `appsecret_proof` checks.
//
// - missing or unknown token → 190 (OAuthException, HTTP 400, `WWW-Authenticate` header as Graph sends);
// - an expired page token → 190 / 463 "Error validating access token: Session has expired on <date>.
//   The current time is <date>." (Graph's error-handling page, developers.facebook.com/docs/graph-api/
//   guides/error-handling: subcode 463 "Expired"; dates in Pacific time as Graph writes them);
// - app token on a page endpoint, or a user token where a page token is needed → 210;
//   page or user token on an app endpoint → 15;
// - page or user token while `requireAppsecretProof` (and an app secret is set): `appsecret_proof` must
//   equal hex(HMAC-SHA256(app secret, token)) → 100 otherwise. A proof that is present is always checked.
// - a page token used on another page, or on a page whose permission was taken from the system user →
//   200 "(#200) Requires permission: pages_messaging or User associated with the Page access token does
//   not have an appropriate role on the Page." (Graph's permission error, codes 200-299 on the
//   error-handling page; the role clause is subcode 492's description there).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxConfig, SandboxRequest } from '../core/types';
import { GraphError } from './fields';
import { findPage, isPageManaged, pageOfToken } from './pages';
import type { Params } from './params';
import type { MetaState } from './state';

type Meta = SandboxConfig['meta'];

export type TokenKind = 'page' | 'app' | 'user';

/** Who a valid token speaks for. */
export type Caller = { kind: 'page'; pageId: string; token: string } | { kind: 'app'; token: string } | { kind: 'user'; token: string };

/** hex(HMAC-SHA256(key = app secret, data = access token)). */
export function appsecretProof(accessToken: string, appSecret: string): string {
	return createHmac('sha256', appSecret).update(accessToken, 'utf8').digest('hex');
}

export function tokenFrom(req: SandboxRequest, params: Params): string | undefined {
	if (typeof params.access_token === 'string' && params.access_token !== '') return params.access_token;
	const header = req.headers.authorization;
	if (typeof header === 'string') {
		const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim());
		if (m) return m[1].trim();
	}
	return undefined;
}

function safeEqualHex(a: string, b: string): boolean {
	const x = Buffer.from(a.toLowerCase(), 'utf8');
	const y = Buffer.from(b.toLowerCase(), 'utf8');
	return x.length === y.length && timingSafeEqual(x, y);
}

const oauth = (message: string, code: number, subcode?: number) =>
	new GraphError(message, code, subcode, 'OAuthException', {
		'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${message.replace(/"/g, "'")}"`,
	});

/** "Thursday, 29-Jul-21 10:00:00 PDT": how Graph writes the dates of an expired session. */
export function graphSessionDate(ms: number): string {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: 'America/Los_Angeles',
		weekday: 'long',
		day: '2-digit',
		month: 'short',
		year: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
		timeZoneName: 'short',
	}).formatToParts(new Date(ms));
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('weekday')}, ${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`;
}

export function expiredSession(expiredAt: number, now = Date.now()): GraphError {
	return oauth(`Error validating access token: Session has expired on ${graphSessionDate(expiredAt)}. The current time is ${graphSessionDate(now)}.`, 190, 463);
}

export function pagePermissionError(): GraphError {
	return new GraphError(
		'(#200) Requires permission: pages_messaging or User associated with the Page access token does not have an appropriate role on the Page.',
		200,
	);
}

function identify(token: string, meta: Meta): Caller | undefined {
	const page = pageOfToken(meta, token);
	if (page) return { kind: 'page', pageId: page.id, token };
	if (token === `${meta.appId}|${meta.appSecret}`) return { kind: 'app', token };
	if (meta.systemUser && token === meta.systemUser.accessToken) return { kind: 'user', token };
	return undefined;
}

/**
 * Authenticates the request for an endpoint that takes the token kinds in `want`; throws a GraphError
 * otherwise. `state` knows the expired tokens (without it an expired token is just unknown).
 */
export function authenticate(req: SandboxRequest, params: Params, meta: Meta, want: TokenKind | TokenKind[], state?: MetaState): Caller {
	const wanted = Array.isArray(want) ? want : [want];
	const token = tokenFrom(req, params);
	if (!token) throw oauth('An access token is required to request this resource.', 190);
	const caller = identify(token, meta);
	if (!caller) {
		const expired = state?.expiredTokens.get(token);
		if (expired) throw expiredSession(expired.expiredAt);
		throw oauth('Invalid OAuth access token - Cannot parse access token', 190);
	}

	const proof = params.appsecret_proof;
	if (proof !== undefined && meta.appSecret) {
		if (typeof proof !== 'string' || !safeEqualHex(proof, appsecretProof(token, meta.appSecret))) {
			throw new GraphError('Invalid appsecret_proof provided in the API argument', 100, undefined, 'GraphMethodException');
		}
	} else if (caller.kind !== 'app' && meta.requireAppsecretProof && meta.appSecret) {
		throw new GraphError('API calls from the server require an appsecret_proof argument', 100, undefined, 'GraphMethodException');
	}

	if (!wanted.includes(caller.kind)) {
		if (wanted.includes('page')) throw new GraphError('(#210) A page access token is required to request this resource.', 210);
		if (wanted.includes('app')) throw new GraphError('(#15) This method must be called with an app access_token.', 15);
		throw new GraphError('(#100) This method is not available to this kind of access token', 100);
	}
	return caller;
}

/** A page token's page must still be managed by the system user (else Graph's permission error). */
export function assertPageUsable(meta: Meta, pageId: string): void {
	if (!isPageManaged(meta, pageId)) throw pagePermissionError();
}

/**
 * Authenticates a page-token request and resolves its `:node`: `me` is the token's page; the token's
 * own page id too; another page of the app → the permission error; anything else → unknown object.
 */
export function authenticatePage(req: SandboxRequest, params: Params, meta: Meta, state: MetaState, node: string): string {
	const caller = authenticate(req, params, meta, 'page', state) as Extract<Caller, { kind: 'page' }>;
	if (node !== 'me' && node !== caller.pageId) {
		if (findPage(meta, node)) throw pagePermissionError();
		throw unknownObject(node, req.method);
	}
	assertPageUsable(meta, caller.pageId);
	return caller.pageId;
}

export function unknownObject(node: string, method: string): GraphError {
	return new GraphError(
		`Unsupported ${method.toLowerCase()} request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
		100,
		33,
		'GraphMethodException',
	);
}
