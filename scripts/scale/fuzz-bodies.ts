// The fuzzing phase's bodies: Meta page webhooks of the documented shapes (Meta's Messenger Platform
// webhook reference), mutated, nested, truncated, mis-encoded or random, each unsigned or mis-signed, so
// that none may start a run. Seeded, so a run reproduces the same bodies.
import { createHmac } from 'node:crypto';
import { SANDBOX_DEFAULTS } from '../../sandbox';

const SECRET = SANDBOX_DEFAULTS.appSecret;
export const sign = (body: Buffer, secret: string = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function seedBody(random: () => number): Record<string, unknown> {
	const now = Date.now();
	const event: Record<string, unknown> = {
		sender: { id: `71${Math.floor(random() * 1e14)}` },
		recipient: { id: SANDBOX_DEFAULTS.pageId },
		timestamp: now,
	};
	const kind = Math.floor(random() * 4);
	if (kind === 0) event.message = { mid: `m_${now}`, text: 'fuzz' };
	else if (kind === 1) event.postback = { title: 'x', payload: 'P' };
	else if (kind === 2) event.message = { mid: `m_${now}`, attachments: [{ type: 'image', payload: { url: 'http://127.0.0.1/x.png' } }] };
	else event.message = { mid: `m_${now}`, text: 'q', quick_reply: { payload: 'Q' } };
	return { object: 'page', entry: [{ id: SANDBOX_DEFAULTS.pageId, time: now, messaging: [event] }] };
}

const WEIRD: unknown[] = [null, true, false, 0, -1, 1e308, 'x', '', [], {}, [[[]]], { __proto__: { polluted: 1 } }, '\u0000', '\ud800', 'constructor'];

function mutate(value: unknown, random: () => number, depth = 0): unknown {
	const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
	if (depth > 6 || random() < 0.15) return pick(WEIRD);
	if (Array.isArray(value)) return random() < 0.1 ? pick(WEIRD) : value.map((v) => mutate(v, random, depth + 1));
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) {
			const r = random();
			if (r < 0.1) continue; // drop the key
			out[r < 0.15 ? `${k}_${Math.floor(random() * 9)}` : k] = r < 0.5 ? mutate(v, random, depth + 1) : v;
		}
		if (random() < 0.1) out[pick(['__proto__', 'constructor', 'prototype', 'is_echo', 'messaging'])] = pick(WEIRD);
		return out;
	}
	if (typeof value === 'string' && random() < 0.3) return value.repeat(1 + Math.floor(random() * 2000));
	return random() < 0.5 ? pick(WEIRD) : value;
}

function deepNest(depth: number, open: string, close: string): string {
	return open.repeat(depth) + close.repeat(depth);
}

type FuzzCase = { body: Buffer; headers: Record<string, string>; kind: string };

export function fuzzCase(i: number, random: () => number): FuzzCase {
	const shape = Math.floor(random() * 10);
	let body: Buffer;
	let kind: string;
	switch (shape) {
		case 0:
			body = Buffer.from(JSON.stringify(seedBody(random)));
			kind = 'seed';
			break;
		case 1:
			body = Buffer.from(deepNest(1 + Math.floor(random() * 20_000), random() < 0.5 ? '[' : '{"a":', random() < 0.5 ? ']' : '}'));
			kind = 'deep-nesting';
			break;
		case 2:
			// Mostly up to 64 KiB; one in 50 up to 2 MiB (bounded, so 50,000 bodies stay within minutes).
			body = Buffer.from(JSON.stringify({ object: 'page', entry: [{ id: SANDBOX_DEFAULTS.pageId, messaging: [{ message: { text: '\u00e9x'.repeat(Math.floor(random() * (random() < 0.02 ? 1_000_000 : 32_000))) } }] }] }));
			kind = 'huge-string';
			break;
		case 3: {
			const json = Buffer.from(JSON.stringify(seedBody(random)));
			const bytes = Buffer.from(json);
			for (let k = 0; k < 1 + random() * 8; k++) bytes[Math.floor(random() * bytes.length)] = [0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0][Math.floor(random() * 6)];
			body = bytes;
			kind = 'invalid-utf8';
			break;
		}
		case 4:
			body = Buffer.from(JSON.stringify(seedBody(random)).slice(0, Math.floor(random() * 200)));
			kind = 'truncated';
			break;
		case 5:
			body = Buffer.from([...Array(Math.floor(random() * 4096))].map(() => Math.floor(random() * 256)));
			kind = 'random-bytes';
			break;
		default:
			body = Buffer.from(JSON.stringify(mutate(seedBody(random), random)) ?? 'null');
			kind = 'mutated';
	}
	const signing = Math.floor(random() * 6);
	const headers: Record<string, string> = { 'content-type': pickContentType(random) };
	if (signing === 1) headers['x-hub-signature-256'] = sign(body, 'not-the-app-secret');
	else if (signing === 2) headers['x-hub-signature-256'] = sign(Buffer.concat([body, Buffer.from(' ')]));
	else if (signing === 3) headers['x-hub-signature-256'] = pickBadHeader(random, i);
	else if (signing === 4) headers['x-hub-signature'] = `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`; // legacy SHA-1 only
	else if (signing === 5) headers['x-hub-signature-256'] = sign(body).toUpperCase();
	return { body, headers, kind };
}

function pickContentType(random: () => number): string {
	const types = ['application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'];
	return types[Math.floor(random() * types.length)];
}

function pickBadHeader(random: () => number, i: number): string {
	const options = ['', 'sha256=', 'sha256', 'md5=abc', `sha256=${'0'.repeat(64)}`, `sha256=${'zz'.repeat(32)}`, `sha256=${'a'.repeat(63)}`, `sha256=${'f'.repeat(6000)}`, `sha1=${'0'.repeat(40)}`, `sha256=${i}`];
	return options[Math.floor(random() * options.length)];
}
