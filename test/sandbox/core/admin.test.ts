// The admin HTTP API under /__sandbox/ (what an out-of-process driver such as a real n8n e2e run uses).
import { type Sandbox } from '../../../sandbox';
import { D, echoChallenge, send, startReceiver } from './helpers';
import { useSandbox } from '../../support/sandbox';

async function admin(sb: Sandbox, method: string, path: string, body?: unknown) {
	const res = await fetch(`${sb.url}/__sandbox${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('admin API', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	it('GET /log (with since and routeId) and DELETE /log; admin calls are not logged', async () => {
		await send(sb, { message: { text: 'one' } });
		await fetch(`${sb.url}/nowhere`);
		const all = await admin(sb, 'GET', '/log');
		expect(all.status).toBe(200);
		expect(all.body.entries.map((e: { routeId: string }) => e.routeId)).toEqual(['meta.messages', 'unknown']);
		const first = all.body.entries[0].seq;
		const since = await admin(sb, 'GET', `/log?since=${first}`);
		expect(since.body.entries.map((e: { routeId: string }) => e.routeId)).toEqual(['unknown']);
		expect(since.body.lastSeq).toBe(all.body.entries[1].seq);
		const filtered = await admin(sb, 'GET', '/log?routeId=meta.messages');
		expect(filtered.body.entries).toHaveLength(1);
		expect((await admin(sb, 'DELETE', '/log')).status).toBe(200);
		expect(sb.log).toHaveLength(0);
		expect(sb.delivered).toHaveLength(0);
		expect((await admin(sb, 'GET', '/log')).body.entries).toEqual([]);
	});

	it('GET /delivered and DELETE /delivered', async () => {
		await send(sb, { message: { text: 'delivered?' } });
		const d = await admin(sb, 'GET', '/delivered');
		expect(d.body.delivered).toHaveLength(1);
		expect(d.body.delivered[0]).toMatchObject({ provider: 'meta', recipient: D.alicePsid, message: { text: 'delivered?' } });
		expect((await admin(sb, 'GET', '/delivered?provider=cm')).body.delivered).toEqual([]);
		await admin(sb, 'DELETE', '/delivered');
		expect(sb.delivered).toHaveLength(0);
		expect(sb.log).toHaveLength(1);
	});

	it('POST /faults, GET /faults, DELETE /faults', async () => {
		const added = await admin(sb, 'POST', '/faults', { routeId: 'meta.messages', status: 429, times: 1 });
		expect(added.status).toBe(201);
		expect((await send(sb, { message: { text: 'x' } })).status).toBe(429);
		expect((await admin(sb, 'GET', '/faults')).body.rules[0]).toMatchObject({ routeId: 'meta.messages', remaining: 0 });
		await admin(sb, 'POST', '/faults', { routeId: '*', status: 500 });
		expect((await admin(sb, 'DELETE', '/faults')).status).toBe(200);
		expect((await send(sb, { message: { text: 'x' } })).status).toBe(200);
		expect((await admin(sb, 'POST', '/faults', { status: 500 })).status).toBe(400);
		expect((await admin(sb, 'POST', '/faults', '{oops')).status).toBe(400);
	});

	it('GET /config and PATCH /config (deep merge, null deletes)', async () => {
		const got = await admin(sb, 'GET', '/config');
		expect(got.body.meta.pageAccessToken).toBe(D.pageAccessToken);
		const patched = await admin(sb, 'PATCH', '/config', { meta: { webhookUrl: 'http://127.0.0.1:9/hook', verifyToken: 'vt' } });
		expect(patched.status).toBe(200);
		expect(patched.body.meta).toMatchObject({ webhookUrl: 'http://127.0.0.1:9/hook', pageId: D.pageId });
		expect(sb.config.meta.webhookUrl).toBe('http://127.0.0.1:9/hook');
		await admin(sb, 'PATCH', '/config', { meta: { webhookUrl: null } });
		expect(sb.config.meta.webhookUrl).toBeUndefined();
		expect(sb.config.meta.verifyToken).toBe('vt');
		expect((await admin(sb, 'PATCH', '/config', { bogus: {} })).status).toBe(400);
		expect((await admin(sb, 'PATCH', '/config', [1])).status).toBe(400);
	});

	it('POST /user delivers a signed webhook and returns the body and delivery result', async () => {
		const receiver = await startReceiver(echoChallenge);
		try {
			await admin(sb, 'PATCH', '/config', { meta: { webhookUrl: receiver.url } });
			const res = await admin(sb, 'POST', '/user', { via: 'meta', from: D.bobPsid, kind: 'text', text: 'hey' });
			expect(res.status).toBe(200);
			expect(res.body.delivery).toMatchObject({ url: receiver.url, status: 200, responseBody: 'ok' });
			expect(res.body.body.entry[0].messaging[0].message.text).toBe('hey');
			expect(receiver.requests).toHaveLength(1);
			expect((await admin(sb, 'POST', '/user', { via: 'meta', from: D.bobPsid, kind: 'dance' })).status).toBe(400);
		} finally {
			await receiver.close();
		}
		// The receiver is gone: delivery fails → 502.
		expect((await admin(sb, 'POST', '/user', { via: 'meta', from: D.bobPsid, kind: 'text' })).status).toBe(502);
	});

	it('POST /reset restores config and forgets state; unknown admin paths 404; health', async () => {
		sb.config.meta.pageName = 'Changed';
		sb.addFault({ routeId: '*', status: 500 });
		expect((await admin(sb, 'POST', '/reset')).status).toBe(200);
		expect(sb.config.meta.pageName).toBe('Sandbox Page');
		expect((await send(sb, { message: { text: 'x' } })).status).toBe(200);
		expect((await admin(sb, 'GET', '/nothing')).status).toBe(404);
		expect((await admin(sb, 'GET', '/health')).body).toEqual({ ok: true, url: sb.url });
		expect(sb.log.every((e) => !e.path.startsWith('/__sandbox'))).toBe(true);
	});

	it('serves sample media for default attachment URLs', async () => {
		const res = await fetch(`${sb.url}/__sandbox/media/sample.png`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(10);
	});
});
