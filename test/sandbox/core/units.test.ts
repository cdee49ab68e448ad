// Pure units of the sandbox core: router, fault engine, deep merge, provider error shapes.
import { FaultEngine, validateFaultRule } from '../../../sandbox/core/faults';
import { deepMerge } from '../../../sandbox/core/merge';
import { mulberry32 } from '../../../sandbox/core/prng';
import { defaultProviderErrorBody } from '../../../sandbox/core/provider-errors';
import { Router } from '../../../sandbox/core/router';

const h = () => ({ status: 200 });

describe('Router', () => {
	it('captures :params and honours :name(regex) constraints', () => {
		const r = new Router();
		r.add('POST', '/:version(v\\d+\\.\\d+)/:node/messages', 'meta.messages', 'meta', h);
		const m = r.match('POST', '/v25.0/me/messages');
		expect(m.kind).toBe('found');
		if (m.kind === 'found') expect(m.params).toEqual({ version: 'v25.0', node: 'me' });
		expect(r.match('POST', '/facebook/me/messages').kind).toBe('not_found');
		expect(r.match('POST', '/v25/me/messages').kind).toBe('not_found');
	});

	it('prefers the route with more literal segments, ignores a trailing slash, reports 405', () => {
		const r = new Router();
		r.add('GET', '/:a/:b', 'generic', 'meta', h);
		r.add('GET', '/facebook/:b', 'specific', 'infobip', h);
		const m = r.match('GET', '/facebook/x/');
		expect(m.kind === 'found' && m.route.routeId).toBe('specific');
		const other = r.match('GET', '/other/x');
		expect(other.kind === 'found' && other.route.routeId).toBe('generic');
		expect(r.match('PUT', '/facebook/x')).toEqual({ kind: 'method_not_allowed', allowed: ['GET'] });
	});

	it('decodes percent-encoded segments', () => {
		const r = new Router();
		r.add('GET', '/x/:id', 'x', 'cm', h);
		const m = r.match('GET', '/x/a%20b');
		expect(m.kind === 'found' && m.params.id).toBe('a b');
	});
});

describe('FaultEngine', () => {
	it('applies a rule `times` times, then lets requests through', () => {
		const f = new FaultEngine(1);
		f.add({ routeId: 'meta.messages', status: 500, times: 2 });
		expect(f.evaluate('meta.messages').terminal?.status).toBe(500);
		expect(f.evaluate('cm.message').terminal).toBeUndefined();
		expect(f.evaluate('meta.messages').terminal?.status).toBe(500);
		expect(f.evaluate('meta.messages').terminal).toBeUndefined();
	});

	it('matches * and prefix globs; latency-only rules let later rules and the route run', () => {
		const f = new FaultEngine(1);
		f.add({ routeId: '*', latencyMs: 5 });
		f.add({ routeId: 'meta.*', graphCode: 1200 });
		const d = f.evaluate('meta.messages');
		expect(d.latencyMs).toBe(5);
		expect(d.terminal?.graphCode).toBe(1200);
		expect(d.labels).toEqual(['latency:5ms', 'graph:1200']);
		const other = f.evaluate('infobip.single');
		expect(other.terminal).toBeUndefined();
		expect(other.latencyMs).toBe(5);
	});

	it('draws probabilities from the seeded PRNG: same seed, same sequence', () => {
		const run = (seed: number) => {
			const f = new FaultEngine(seed);
			f.add({ routeId: '*', status: 503, probability: 0.5 });
			return Array.from({ length: 40 }, () => (f.evaluate('meta.messages').terminal ? 1 : 0)).join('');
		};
		expect(run(7)).toBe(run(7));
		expect(run(7)).not.toBe(run(8));
		const hits = run(7).split('').filter((c) => c === '1').length;
		expect(hits).toBeGreaterThan(8);
		expect(hits).toBeLessThan(32);
	});

	it('rejects malformed rules', () => {
		expect(() => validateFaultRule({ status: 500 })).toThrow(/routeId/);
		expect(() => validateFaultRule({ routeId: '*' })).toThrow(/needs one of/);
		expect(() => validateFaultRule({ routeId: '*', status: 500, bogus: 1 })).toThrow(/bogus/);
		expect(() => validateFaultRule({ routeId: '*', status: 500, probability: 2 })).toThrow(/probability/);
		expect(() => validateFaultRule({ routeId: '*', afterRoute: true })).toThrow(/needs one of/);
		expect(() => validateFaultRule({ routeId: '*', status: 500, afterRoute: 'yes' })).toThrow(/afterRoute must be a boolean/);
		expect(() => validateFaultRule({ routeId: '*', redirectTo: 'not a url' })).toThrow(/redirectTo/);
		expect(() => validateFaultRule({ routeId: '*', echoAuth: 'yes' })).toThrow(/echoAuth/);
	});

	it('mulberry32 is deterministic and within [0,1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		for (let i = 0; i < 100; i++) {
			const x = a();
			expect(x).toBe(b());
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
		}
	});
});

describe('deepMerge', () => {
	it('merges objects, replaces arrays, deletes on null', () => {
		const target = { a: { b: 1, c: 2 }, list: [1, 2], gone: 'x' as string | undefined };
		deepMerge(target, { a: { c: 3 }, list: [9], gone: null });
		expect(target).toEqual({ a: { b: 1, c: 3 }, list: [9] });
	});

	it('ignores prototype keys', () => {
		const target: Record<string, unknown> = {};
		deepMerge(target, JSON.parse('{"__proto__":{"polluted":true}}'));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('provider error shapes', () => {
	it('uses each provider’s documented error body', () => {
		expect(defaultProviderErrorBody('infobip', 'fault', 429, 'slow down')).toEqual({
			requestError: { serviceException: { messageId: 'TOO_MANY_REQUESTS', text: 'slow down' } },
		});
		expect(defaultProviderErrorBody('cm', 'invalid_json', 400, 'bad')).toEqual({ details: 'bad', errorCode: 202, messages: [] });
		const graph = defaultProviderErrorBody('meta', 'fault', 429, 'x') as { error: Record<string, unknown> };
		expect(graph.error).toMatchObject({ code: 4, type: 'OAuthException' });
		expect(typeof graph.error.fbtrace_id).toBe('string');
	});
});
