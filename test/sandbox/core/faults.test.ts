// Fault rules over real HTTP against the Meta send route: each fault kind, `times`, seeded probability,
// and that a faulted request is logged with `fault` and never reaches the route (nothing delivered),
// unless the rule is `afterRoute`: then the route runs (delivers) and its answer is replaced.
import { MALFORMED_BODY, startSandbox } from '../../../sandbox';
import { send } from './helpers';
import { useSandbox } from '../../support/sandbox';

const text = { message: { text: 'hello' } };

describe('fault rules', () => {
	const sb = useSandbox();
	beforeEach(() => {
		sb.clearFaults();
		sb.clearLog();
	});

	it('429 with Retry-After, in the provider’s shape, not delivered', async () => {
		sb.addFault({ routeId: 'meta.messages', status: 429, retryAfter: 7 });
		const res = await send(sb, text);
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('7');
		expect(res.body.error).toMatchObject({ code: 4, type: 'OAuthException' });
		expect(sb.delivered).toHaveLength(0);
		expect(sb.log[0]).toMatchObject({ routeId: 'meta.messages', status: 429, fault: 'status:429' });
	});

	it('429 without retryAfter still sends Retry-After', async () => {
		sb.addFault({ routeId: '*', status: 429 });
		const res = await send(sb, text);
		expect(res.headers.get('retry-after')).toBe('1');
	});

	it('500 and 503', async () => {
		sb.addFault({ routeId: 'meta.messages', status: 500, times: 1 });
		sb.addFault({ routeId: 'meta.messages', status: 503, times: 1, retryAfter: 2 });
		const a = await send(sb, text);
		const b = await send(sb, text);
		const c = await send(sb, text);
		expect([a.status, b.status, c.status]).toEqual([500, 503, 200]);
		expect(b.headers.get('retry-after')).toBe('2');
		expect(sb.delivered).toHaveLength(1);
		expect(sb.log.map((e) => e.fault)).toEqual(['status:500', 'status:503', undefined]);
	});

	it('a Graph 1200 error body (HTTP 500) with subcode', async () => {
		sb.addFault({ routeId: 'meta.messages', graphCode: 1200, graphSubcode: 99 });
		const res = await send(sb, text);
		expect(res.status).toBe(500);
		expect(res.body.error).toMatchObject({ code: 1200, error_subcode: 99, type: 'OAuthException', is_transient: true });
		expect(res.body.error.message).toMatch(/Temporary send message failure/);
		expect(typeof res.body.error.fbtrace_id).toBe('string');
		expect(sb.log[0].fault).toBe('graph:1200/99');
	});

	it('a Graph rate-limit error with an explicit status', async () => {
		sb.addFault({ routeId: 'meta.messages', graphCode: 613, status: 400 });
		const res = await send(sb, text);
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe(613);
	});

	it('latency alone delays the route, which still runs', async () => {
		sb.addFault({ routeId: 'meta.messages', latencyMs: 300 });
		const t = Date.now();
		const res = await send(sb, text);
		expect(Date.now() - t).toBeGreaterThanOrEqual(290);
		expect(res.status).toBe(200);
		expect(sb.delivered).toHaveLength(1);
		expect(sb.log[0].fault).toBe('latency:300ms');
	});

	it('latency before a fault status', async () => {
		sb.addFault({ routeId: 'meta.messages', latencyMs: 200, status: 503 });
		const t = Date.now();
		const res = await send(sb, text);
		expect(Date.now() - t).toBeGreaterThanOrEqual(190);
		expect(res.status).toBe(503);
	});

	it('reset destroys the connection without an answer', async () => {
		sb.addFault({ routeId: 'meta.messages', reset: true, times: 1 });
		await expect(send(sb, text)).rejects.toThrow();
		expect(sb.delivered).toHaveLength(0);
		expect(sb.log[0]).toMatchObject({ routeId: 'meta.messages', status: 0, fault: 'reset' });
		expect((await send(sb, text)).status).toBe(200);
	});

	it('malformed answers 200 with a JSON content type and a body that is not JSON', async () => {
		sb.addFault({ routeId: 'meta.messages', malformed: true });
		const res = await send(sb, text);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/application\/json/);
		expect(res.text).toBe(MALFORMED_BODY);
		expect(() => JSON.parse(res.text)).toThrow();
		expect(sb.delivered).toHaveLength(0);
		expect(sb.log[0].fault).toBe('malformed');
	});

	it('afterRoute with a status: the message is delivered, then the client gets the fault', async () => {
		sb.addFault({ routeId: 'meta.messages', status: 500, afterRoute: true, times: 1 });
		const res = await send(sb, text);
		expect(res.status).toBe(500);
		expect(res.body.error).toBeDefined();
		expect(sb.delivered).toHaveLength(1);
		expect(sb.log[0]).toMatchObject({ routeId: 'meta.messages', status: 500, fault: 'after-route:status:500' });
		expect((await send(sb, text)).status).toBe(200);
		expect(sb.delivered).toHaveLength(2);
	});

	it('afterRoute with reset: delivered, then the connection is destroyed without an answer', async () => {
		sb.addFault({ routeId: 'meta.messages', reset: true, afterRoute: true, times: 1 });
		await expect(send(sb, text)).rejects.toThrow();
		expect(sb.delivered).toHaveLength(1);
		expect(sb.log[0]).toMatchObject({ routeId: 'meta.messages', status: 0, fault: 'after-route:reset' });
	});

	it('afterRoute with latency alone: the route runs and its own answer is sent', async () => {
		sb.addFault({ routeId: 'meta.messages', latencyMs: 300, afterRoute: true, times: 1 });
		const res = await send(sb, text);
		expect(res.status).toBe(200);
		expect(sb.delivered).toHaveLength(1);
		expect(sb.log[0].fault).toBe('after-route:latency:300ms');
	});

	it('redirectTo answers 307 with the Location, and the route never runs', async () => {
		sb.addFault({ routeId: 'meta.messages', redirectTo: 'http://other.invalid:8080/v25.0/me/messages?x=1' });
		const res = await fetch(`${sb.url}/v25.0/me/messages`, { method: 'POST', body: '{}', redirect: 'manual' });
		expect(res.status).toBe(307);
		expect(res.headers.get('location')).toBe('http://other.invalid:8080/v25.0/me/messages?x=1');
		expect(sb.delivered).toHaveLength(0);
		expect(sb.log[0]).toMatchObject({ routeId: 'meta.messages', status: 307, fault: 'redirect:other.invalid:8080' });
	});

	it('echoAuth quotes the credential headers in the provider\'s error body', async () => {
		sb.addFault({ routeId: 'meta.messages', echoAuth: true });
		const res = await send(sb, text, { headers: { authorization: 'Bearer echo-me' } });
		expect(res.status).toBe(401);
		expect(res.body.error.message).toContain('authorization: Bearer echo-me');
		expect(sb.delivered).toHaveLength(0);
		expect(sb.log[0].fault).toBe('echo-auth');
	});

	it('times: the rule applies that many times only', async () => {
		sb.addFault({ routeId: 'meta.messages', status: 500, times: 2 });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await send(sb, text)).status);
		expect(statuses).toEqual([500, 500, 200, 200]);
	});

	it('a rule for another route leaves this one alone', async () => {
		sb.addFault({ routeId: 'meta.attachments', status: 500 });
		expect((await send(sb, text)).status).toBe(200);
	});
});

describe('fault probability', () => {
	async function pattern(seed: number): Promise<string> {
		const sb = await startSandbox({ seed });
		try {
			sb.addFault({ routeId: 'meta.messages', status: 503, probability: 0.5 });
			let out = '';
			for (let i = 0; i < 16; i++) out += (await send(sb, text)).status === 503 ? 'F' : '.';
			return out;
		} finally {
			await sb.close();
		}
	}

	it('is reproducible with a seed', async () => {
		const a = await pattern(1234);
		const b = await pattern(1234);
		expect(a).toBe(b);
		expect(a).toMatch(/F/);
		expect(a).toMatch(/\./);
		const others = await Promise.all([pattern(1), pattern(99)]);
		expect(others.some((o) => o !== a)).toBe(true);
	});
});
