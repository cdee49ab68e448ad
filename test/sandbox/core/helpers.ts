// Helpers for the sandbox tests: Graph calls with the default accounts, and a local receiver that
// records raw request bytes (for webhook signatures and verification GETs). Real HTTP, no mocks.
import { createHmac } from 'node:crypto';
import { SANDBOX_DEFAULTS } from '../../../sandbox/defaults';
import type { Sandbox } from '../../../sandbox';
import type { ReceiverHandler } from '../../support/receiver';

export const D = SANDBOX_DEFAULTS;
export const V = 'v25.0';
export const PROOF = createHmac('sha256', D.appSecret).update(D.pageAccessToken).digest('hex');
export const APP_TOKEN = `${D.appId}|${D.appSecret}`;

/** The appsecret_proof of any token (the second page's, the system user's, a rotated one). */
export const proofOf = (token: string): string => createHmac('sha256', D.appSecret).update(token).digest('hex');

/** Graph options for a call with `token` and its correct proof. */
export const withToken = (token: string, opts: GraphOptions = {}): GraphOptions => ({ ...opts, token, proof: proofOf(token) });

/** Parsed JSON answers in assertions: loosely typed on purpose. */
export type Loose = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `res.json()` typed loosely for assertions. */
export const json = async (res: Response): Promise<Loose> => res.json();

export interface GraphResult {
	status: number;
	headers: Headers;
	body: Loose;
	text: string;
}

export interface GraphOptions {
	query?: Record<string, string>;
	/** JSON body (default), or form body when `form` is set. */
	body?: unknown;
	form?: Record<string, string>;
	/** Access token; default the page token. `null` sends none. */
	token?: string | null;
	/** Add the correct appsecret_proof (default true for the page token). */
	proof?: boolean | string;
	headers?: Record<string, string>;
}

export async function graph(sb: Sandbox, method: string, path: string, opts: GraphOptions = {}): Promise<GraphResult> {
	const url = new URL(`${sb.url}/${V}${path}`);
	const token = opts.token === undefined ? D.pageAccessToken : opts.token;
	if (token !== null) url.searchParams.set('access_token', token);
	const proof = opts.proof ?? token === D.pageAccessToken;
	if (proof === true) url.searchParams.set('appsecret_proof', PROOF);
	else if (typeof proof === 'string') url.searchParams.set('appsecret_proof', proof);
	for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
	const init: RequestInit = { method, headers: { ...(opts.headers ?? {}) } };
	if (opts.form) {
		init.body = new URLSearchParams(opts.form).toString();
		(init.headers as Record<string, string>)['content-type'] = 'application/x-www-form-urlencoded';
	} else if (opts.body !== undefined) {
		init.body = JSON.stringify(opts.body);
		(init.headers as Record<string, string>)['content-type'] = 'application/json';
	}
	const res = await fetch(url, init);
	const text = await res.text();
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = text;
	}
	return { status: res.status, headers: res.headers, body, text };
}

/** A send to Alice with the defaults (RESPONSE), overridable. */
export function send(sb: Sandbox, body: Record<string, unknown>, opts: GraphOptions = {}): Promise<GraphResult> {
	return graph(sb, 'POST', '/me/messages', {
		...opts,
		body: { recipient: { id: D.alicePsid }, messaging_type: 'RESPONSE', ...body },
	});
}

export { startReceiver, type ReceivedRequest, type Receiver, type ReceiverHandler } from '../../support/receiver';

/** A receiver that answers Meta's verification GET like a correct webhook (echoes hub.challenge). */
export const echoChallenge: ReceiverHandler = (req, res) => {
	const u = new URL(req.url, 'http://x');
	if (req.method === 'GET' && u.searchParams.get('hub.mode') === 'subscribe') {
		res.writeHead(200, { 'content-type': 'text/plain' });
		res.end(u.searchParams.get('hub.challenge') ?? '');
		return;
	}
	res.end('ok');
};
