// Graph authentication: page token or app token (`APP_ID|APP_SECRET`), from `access_token` (query,
// form or JSON) or `Authorization: Bearer` / `OAuth`, plus `appsecret_proof` checks.
//
// - missing or unknown token → 190 (OAuthException, HTTP 400, `WWW-Authenticate` header as Graph sends);
// - app token on a page endpoint → 210; page token on an app endpoint → 15;
// - page token while `requireAppsecretProof` (and an app secret is set): `appsecret_proof` must equal
//   hex(HMAC-SHA256(app secret, token)) → 100 otherwise. A proof that is present is always checked.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxConfig, SandboxRequest } from '../core/types';
import { GraphError } from './fields';
import type { Params } from './params';

export type TokenKind = 'page' | 'app';

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

/** Authenticates the request for an endpoint that takes `want`; throws a GraphError otherwise. */
export function authenticate(req: SandboxRequest, params: Params, meta: SandboxConfig['meta'], want: TokenKind): TokenKind {
	const token = tokenFrom(req, params);
	if (!token) throw oauth('An access token is required to request this resource.', 190);
	const appToken = `${meta.appId}|${meta.appSecret}`;
	const kind: TokenKind | undefined = token === meta.pageAccessToken ? 'page' : token === appToken ? 'app' : undefined;
	if (!kind) throw oauth('Invalid OAuth access token - Cannot parse access token', 190);

	const proof = params.appsecret_proof;
	if (proof !== undefined && meta.appSecret) {
		if (typeof proof !== 'string' || !safeEqualHex(proof, appsecretProof(token, meta.appSecret))) {
			throw new GraphError('Invalid appsecret_proof provided in the API argument', 100, undefined, 'GraphMethodException');
		}
	} else if (kind === 'page' && meta.requireAppsecretProof && meta.appSecret) {
		throw new GraphError('API calls from the server require an appsecret_proof argument', 100, undefined, 'GraphMethodException');
	}

	if (want === 'page' && kind !== 'page') throw new GraphError('(#210) A page access token is required to request this resource.', 210);
	if (want === 'app' && kind !== 'app') throw new GraphError('(#15) This method must be called with an app access_token.', 15);
	return kind;
}

/** The page node of a path: `me` or the configured page id; anything else is an unknown object. */
export function resolvePage(node: string, meta: SandboxConfig['meta'], method: string): string {
	if (node === 'me' || node === meta.pageId) return meta.pageId;
	throw unknownObject(node, method);
}

export function unknownObject(node: string, method: string): GraphError {
	return new GraphError(
		`Unsupported ${method.toLowerCase()} request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
		100,
		33,
		'GraphMethodException',
	);
}
