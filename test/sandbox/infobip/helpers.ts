// Shared by the Infobip sandbox tests: a running sandbox over real HTTP, a JSON client and a local
// receiver for HTTP-forward deliveries.
import http from 'node:http';
import { startSandbox } from '../../../sandbox';
import { startReceiver as startRecordingReceiver } from '../../support/receiver';
import type { Sandbox } from '../../../sandbox/core/types';

export async function startInfobipSandbox(): Promise<Sandbox> {
	return startSandbox({ port: 0 });
}

export interface HttpResult {
	status: number;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	text: string;
}

export async function request(
	url: string,
	init: { method?: string; headers?: Record<string, string>; json?: unknown; body?: string } = {},
): Promise<HttpResult> {
	const headers: Record<string, string> = { accept: 'application/json', ...(init.headers ?? {}) };
	let body = init.body;
	if (init.json !== undefined) {
		body = JSON.stringify(init.json);
		headers['content-type'] = 'application/json';
	}
	const response = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = undefined;
	}
	return { status: response.status, body: parsed, text };
}

/** Infobip client bound to a sandbox, authenticating with the API key unless told otherwise. */
export function infobipClient(sandbox: Sandbox) {
	const appAuth = () => ({ authorization: `App ${sandbox.config.infobip.apiKey}` });
	return {
		call(method: string, path: string, json?: unknown, headers: Record<string, string> = appAuth()) {
			return request(`${sandbox.url}${path}`, { method, json, headers });
		},
		single(body: unknown, headers: Record<string, string> = appAuth()) {
			return request(`${sandbox.url}/facebook/1/single`, { method: 'POST', json: body, headers });
		},
		pull(query = '', headers: Record<string, string> = appAuth()) {
			return request(`${sandbox.url}/facebook/1/inbox/reports${query}`, { headers });
		},
	};
}

export function basicAuth(user: string, password: string): Record<string, string> {
	return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

export interface Receiver {
	url: string;
	received: Array<{ method: string; path: string; headers: http.IncomingHttpHeaders; body: string }>;
	close(): Promise<void>;
}

/** A local HTTP server that records every request and answers 200 (or `status`): test/support/receiver.ts. */
export async function startReceiver(status = 200): Promise<Receiver> {
	// Its own list in this shape, which the tests also empty (`received.length = 0`).
	const received: Receiver['received'] = [];
	const receiver = await startRecordingReceiver(({ method, url, headers, raw }, res) => {
		received.push({ method, path: url, headers, body: raw.toString('utf8') });
		res.writeHead(status, { 'content-type': 'text/plain' });
		res.end('ok');
	}, '/hook');
	return { url: receiver.url, received, close: receiver.close };
}

/** Seed 003's example application key and user key shapes, with the sandbox's own values. */
export function seedSingle(sandbox: Sandbox, message: unknown): { from: string; to: string; message: unknown } {
	return { from: sandbox.config.infobip.applicationKeys[0], to: sandbox.config.users[0].psid, message };
}
