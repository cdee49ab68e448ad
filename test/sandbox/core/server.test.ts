// The HTTP core over real loopback sockets: logging, 404/405/413, invalid JSON, errors, close().
import http from 'node:http';
import { createSandbox } from '../../../sandbox/core/sandbox';
import type { ProviderModuleFactory, Sandbox } from '../../../sandbox/core/types';
import { createDefaultConfig } from '../../../sandbox/defaults';
import { startSandbox } from '../../../sandbox';
import { json, D, graph, send, V } from './helpers';

/** A tiny provider module (as `cm`) to exercise the core without any real provider's rules. */
const testModule: ProviderModuleFactory = (ctx) => ({
	provider: 'cm',
	userVias: ['cm'],
	register(router) {
		router.add('POST', '/test/:thing/echo', 'test.echo', 'cm', (req) => {
			ctx.deliver({ provider: 'cm', messageId: 'id-1', recipient: req.params.thing, message: req.json });
			return { status: 202, body: { got: req.json, params: req.params, query: req.query } };
		});
		router.add('GET', '/test/boom', 'test.boom', 'cm', () => {
			throw new Error('kaboom');
		});
		router.add('GET', '/test/text', 'test.text', 'cm', () => ({ status: 200, body: 'plain' }));
	},
	userAction: async (action) => ({ body: { echoed: action } }),
});

describe('sandbox core HTTP', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await createSandbox({ host: '127.0.0.1', port: 0, config: createDefaultConfig(), seed: 1, modules: [testModule] });
	});
	afterAll(() => sb.close());
	beforeEach(() => sb.clearLog());

	it('routes, answers and logs route id, parsed body, raw body, status and response', async () => {
		const raw = '{"hello": "world"}';
		const res = await fetch(`${sb.url}/test/abc/echo?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
		expect(res.status).toBe(202);
		expect(await json(res)).toEqual({ got: { hello: 'world' }, params: { thing: 'abc' }, query: { x: '1' } });
		expect(sb.log).toHaveLength(1);
		const e = sb.log[0];
		expect(e).toMatchObject({ provider: 'cm', routeId: 'test.echo', method: 'POST', path: '/test/abc/echo', query: { x: '1' } });
		expect(e.body).toEqual({ hello: 'world' });
		expect(e.rawBody).toBe(raw);
		expect(e.status).toBe(202);
		expect(e.response).toEqual({ got: { hello: 'world' }, params: { thing: 'abc' }, query: { x: '1' } });
		expect(e.headers['content-type']).toBe('application/json');
		expect(e.fault).toBeUndefined();
		expect(sb.delivered).toHaveLength(1);
		expect(sb.delivered[0]).toMatchObject({ provider: 'cm', messageId: 'id-1', recipient: 'abc' });
	});

	it('answers 404 JSON for unknown paths and logs them as `unknown`', async () => {
		const res = await fetch(`${sb.url}/nope/here`);
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toMatch(/application\/json/);
		expect((await json(res)).error).toBe('not_found');
		expect(sb.log[0]).toMatchObject({ routeId: 'unknown', provider: 'sandbox', status: 404, path: '/nope/here' });
	});

	it('answers 405 for a known path with another method', async () => {
		const res = await fetch(`${sb.url}/test/boom`, { method: 'DELETE' });
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET');
		expect(sb.log[0].routeId).toBe('unknown');
	});

	it('answers invalid JSON with the provider’s 400 shape and does not run the route', async () => {
		const res = await fetch(`${sb.url}/test/abc/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"broken":' });
		expect(res.status).toBe(400);
		expect(await json(res)).toMatchObject({ errorCode: 202, messages: [] });
		expect(sb.delivered).toHaveLength(0);
		expect(sb.log[0]).toMatchObject({ routeId: 'test.echo', status: 400, rawBody: '{"broken":' });
	});

	it('answers 413 for bodies over 10 MB', async () => {
		const big = 'x'.repeat(10 * 1024 * 1024 + 1);
		const res = await fetch(`${sb.url}/test/abc/echo`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: big });
		expect(res.status).toBe(413);
		expect(sb.delivered).toHaveLength(0);
		expect(sb.log[0]).toMatchObject({ routeId: 'test.echo', status: 413 });
	});

	it('turns a throwing route into a logged 500', async () => {
		const res = await fetch(`${sb.url}/test/boom`);
		expect(res.status).toBe(500);
		expect((await json(res)).message).toBe('kaboom');
		expect(sb.log[0]).toMatchObject({ routeId: 'test.boom', status: 500 });
	});

	it('sends string bodies as text/plain', async () => {
		const res = await fetch(`${sb.url}/test/text`);
		expect(res.headers.get('content-type')).toMatch(/text\/plain/);
		expect(await res.text()).toBe('plain');
	});

	it('dispatches user actions to the module owning `via`, creating unknown users inside the window', async () => {
		const before = Date.now();
		const result = await sb.user({ via: 'cm', from: '7999', kind: 'text', text: 'hi' });
		expect(result.body).toEqual({ echoed: { via: 'cm', from: '7999', kind: 'text', text: 'hi' } });
		const user = sb.config.users.find((u) => u.psid === '7999');
		expect(user?.lastInboundAt).toBeGreaterThanOrEqual(before);
		await expect(sb.user({ via: 'meta', from: '7999', kind: 'text' })).rejects.toThrow(/no provider module/);
		await expect(sb.user({ via: 'cm', from: '', kind: 'text' })).rejects.toThrow(/from/);
	});

	it('clearLog empties log and delivered in place; seq keeps counting', async () => {
		const log = sb.log;
		await fetch(`${sb.url}/test/x/echo`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
		const seq = log[0].seq;
		sb.clearLog();
		expect(log).toHaveLength(0);
		expect(sb.delivered).toHaveLength(0);
		await fetch(`${sb.url}/nope`);
		expect(sb.log).toBe(log);
		expect(log[0].seq).toBeGreaterThan(seq);
	});
});

describe('startSandbox', () => {
	it('listens on a free loopback port with the default accounts and merges config overrides', async () => {
		const sb = await startSandbox({ config: { meta: { requireAppsecretProof: false, webhookUrl: 'http://127.0.0.1:1/x' } } });
		try {
			expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
			expect(sb.port).toBeGreaterThan(0);
			expect(sb.config.meta).toMatchObject({ pageId: D.pageId, pageAccessToken: D.pageAccessToken, requireAppsecretProof: false });
			expect(sb.config.infobip.applicationKeys).toEqual(['8F0792F86035A9F4290821F1EE6BC06A']);
			expect(sb.config.cm).toMatchObject({ productToken: '00000000-0000-4000-8000-000000000001', pageIds: ['100000000000001'] });
			expect(sb.config.users.map((u) => u.psid)).toEqual([D.alicePsid, D.bobPsid]);
			expect(Date.now() - sb.config.users[0].lastInboundAt).toBeLessThan(60_000);
			// Proof no longer required.
			const res = await graph(sb, 'GET', '/me', { proof: false });
			expect(res.status).toBe(200);
		} finally {
			await sb.close();
		}
	});

	it('answers invalid JSON on a Graph route with a Graph error', async () => {
		const sb = await startSandbox();
		try {
			const res = await fetch(`${sb.url}/${V}/me/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
			expect(res.status).toBe(400);
			const body = await json(res);
			expect(body.error).toMatchObject({ code: 100 });
			expect(typeof body.error.fbtrace_id).toBe('string');
		} finally {
			await sb.close();
		}
	});

	it('close() also closes idle keep-alive connections', async () => {
		const sb = await startSandbox();
		const agent = new http.Agent({ keepAlive: true });
		await new Promise<void>((resolve, reject) => {
			http.get(`${sb.url}/__sandbox/health`, { agent }, (res) => {
				res.resume();
				res.on('end', resolve);
			}).on('error', reject);
		});
		const started = Date.now();
		await sb.close();
		expect(Date.now() - started).toBeLessThan(1000);
		agent.destroy();
		await expect(send(sb, { message: { text: 'x' } })).rejects.toThrow();
	});

	it('close() does not wait for a request still in flight', async () => {
		const sb = await startSandbox();
		sb.addFault({ routeId: 'meta.messages', latencyMs: 5000 });
		const pending = send(sb, { message: { text: 'slow' } });
		const outcome = pending.then(
			() => 'answered',
			() => 'failed',
		);
		await new Promise((r) => setTimeout(r, 100));
		const started = Date.now();
		await sb.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await outcome).toBe('failed');
	});
});
