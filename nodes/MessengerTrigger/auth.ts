// Who may call the webhook. Meta signs its deliveries (checked in ./webhook.ts); Infobip and CM.com do
// not, so the user can require a shared secret (header or path) or basic auth, as with n8n's own
// Webhook node. Every comparison is constant-time.

import { secretsEqual } from '../shared/secrets-equal';

/** Request headers as Node's http module gives them (names in lower case). */
export type HeaderMap = Record<string, string | string[] | undefined>;

export type InboundAuth =
	| { kind: 'none' }
	| { kind: 'headerSecret'; headerName: string; secret: string }
	| { kind: 'pathSecret'; secret: string }
	| { kind: 'basicAuth'; user: string; password: string };

export type AuthCheck = { ok: true } | { ok: false; status: 401 | 403; reason: string; headers?: Record<string, string> };

const UNAUTHORIZED = { ok: false, status: 401 } as const;
const FORBIDDEN = { ok: false, status: 403 } as const;

function header(headers: HeaderMap, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function checkBasic(auth: { user: string; password: string }, headers: HeaderMap): AuthCheck {
	const challenge = { 'WWW-Authenticate': 'Basic realm="Messenger Trigger"' };
	const value = header(headers, 'authorization');
	const match = value ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value) : null;
	if (!match) return { ...UNAUTHORIZED, reason: 'basic authentication required', headers: challenge };
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	const user = colon < 0 ? decoded : decoded.slice(0, colon);
	const password = colon < 0 ? '' : decoded.slice(colon + 1);
	// Both compared every time, so the answer time does not tell a right user from a wrong one.
	const userOk = secretsEqual(auth.user, user);
	const passwordOk = secretsEqual(auth.password, password);
	return userOk && passwordOk ? { ok: true } : { ...FORBIDDEN, reason: 'wrong credentials', headers: challenge };
}

/**
 * Checks a request against the configured authentication. A configured secret that is empty never
 * matches, so a half-configured trigger refuses every call instead of accepting all of them.
 */
export function checkInboundAuth(
	auth: InboundAuth,
	headers: HeaderMap,
	params: Record<string, unknown>,
): AuthCheck {
	switch (auth.kind) {
		case 'none':
			return { ok: true };
		case 'headerSecret': {
			const received = header(headers, auth.headerName);
			if (received === undefined) return { ...UNAUTHORIZED, reason: `missing ${auth.headerName} header` };
			return secretsEqual(auth.secret, received) ? { ok: true } : { ...FORBIDDEN, reason: 'wrong secret' };
		}
		case 'pathSecret': {
			const received = params.secret;
			if (typeof received !== 'string' || received === '') return { ...UNAUTHORIZED, reason: 'missing secret' };
			return secretsEqual(auth.secret, received) ? { ok: true } : { ...FORBIDDEN, reason: 'wrong secret' };
		}
		case 'basicAuth':
			return checkBasic(auth, headers);
	}
}
