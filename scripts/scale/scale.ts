// `npm run test:scale` (scripts/scale/run.sh installs and builds first): the echo bot in n8n's queue
// mode (Redis + PostgreSQL + main + 2 workers) under load, provider faults and a killed worker; the
// live trigger webhook fuzzed; and the same flow hand-built from n8n's core nodes, side by side.
//
// Environment (defaults are the CI size; BENCHMARKS.md has the full-size command):
//   SCALE_EVENTS=200      inbound events per load phase (bursts of SCALE_BURST=20 concurrent)
//   SCALE_FUZZ=1000       fuzzed webhook bodies (SCALE_FUZZ_MAX_S=600 caps the time; the count sent is reported)
//   SCALE_COMPARE=200     events per flow in the side-by-side (split into 4 rounds: A B B A)
//   SCALE_PHASES=queue,faults,retry,uncertain,redelivery,kill,fuzz,compare
//     retry = the faults again, with n8n's Retry On Fail (3 tries, 1 s) set on the send node (a 500 is
//             "delivery uncertain" and never re-sent, so those events are lost, none duplicated)
//     uncertain = 1% of sends answered 500 *after* the sandbox recorded them as delivered, Retry On Fail on
//     redelivery = 5% of webhook bodies posted a second time, byte for byte (Meta re-sends when slow)
//   SCALE_REDIS_PORT=16391 SCALE_PG_PORT=15491   SCALE_MAX_PHASE_S=600 (hard cap per phase)
//   SCALE_MAIN_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof'   (profile n8n main's webhook path)
// Results: printed, and written to .cache/scale/results.json. Exit code 1 when a target fails.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SANDBOX_DEFAULTS } from '../../sandbox';
import { SCALE_DIR, startStack, type Stack } from './stack';
import { mulberry32 } from '../../sandbox/core/prng';
import { groupCpuMs, percentile, pool, rssMiB, sleep } from './stats';
import { handBuiltWorkflow, oursWorkflow } from './workflows';

const env = (name: string, fallback: number) => {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
	return value;
};
const EVENTS = env('SCALE_EVENTS', 200);
const FUZZ = env('SCALE_FUZZ', 1000);
const COMPARE = env('SCALE_COMPARE', 200);
const BURST = env('SCALE_BURST', 20);
const MAX_PHASE_MS = env('SCALE_MAX_PHASE_S', 600) * 1000;
const PHASES = new Set((process.env.SCALE_PHASES ?? 'queue,faults,retry,uncertain,redelivery,kill,fuzz,compare').split(',').map((p) => p.trim()));
const RUN = Date.now().toString(36);

const t0 = Date.now();
const log = (message: string) => console.log(`[scale ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const results: Record<string, unknown> = { startedAt: new Date(t0).toISOString(), config: { EVENTS, FUZZ, COMPARE, BURST, phases: [...PHASES] } };
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
	if (!ok) failures.push(what);
	log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
};

interface LoadResult {
	label: string;
	events: number;
	sent: number;
	webhookNon2xx: number;
	webhookErrors: number;
	exactlyOnce: number;
	lost: number;
	duplicated: number;
	extraReplies: number;
	eventsPerSecond: number;
	p50Ms: number;
	p95Ms: number;
	p99Ms: number;
	/** How long n8n took to answer the webhook POST (the sender's gate: a burst waits for all 20). */
	acceptP50Ms: number;
	acceptP95Ms: number;
	wallMs: number;
	mainCpuMsPerEvent: number;
	workersCpuMsPerEvent: number;
}

/**
 * Sends `count` text messages as simulated users through the sandbox (signed Meta webhooks to
 * config.meta.webhookUrl), in bursts of BURST concurrent, then waits for the replies. A reply is
 * matched to its event by the unique text it echoes.
 */
async function load(
	stack: Stack,
	label: string,
	count: number,
	opts: { quietMs: number; midway?: () => Promise<void>; redeliver?: { probability: number; random: () => number; count: number } },
): Promise<LoadResult> {
	const { sandbox } = stack;
	const sentAt = new Map<string, number>();
	const tokenOf = (i: number) => `${RUN}-${label}-${i}`;
	const deliveredFrom = sandbox.delivered.length;
	let webhookNon2xx = 0;
	let webhookErrors = 0;
	const cpuGroups = () => ({
		main: groupCpuMs(stack.main.pid),
		workers: new Map(stack.workers.filter((w): w is NonNullable<typeof w> => w !== undefined).map((w) => [w.pid, groupCpuMs(w.pid)])),
	});
	const cpuBefore = cpuGroups();
	const started = Date.now();
	const deadline = started + MAX_PHASE_MS;
	let sent = 0;
	const acceptMs: number[] = [];
	for (let burst = 0; burst * BURST < count && Date.now() < deadline; burst++) {
		if (opts.midway && burst === Math.floor(count / BURST / 2)) await opts.midway();
		const batch = Array.from({ length: Math.min(BURST, count - burst * BURST) }, (_, k) => burst * BURST + k);
		await Promise.all(
			batch.map(async (i) => {
				const token = tokenOf(i);
				// 50 simulated users, so the 24-hour window and the per-user paths are exercised.
				const from = `71${String(i % 50).padStart(14, '0')}`;
				sentAt.set(token, Date.now());
				try {
					const result = await sandbox.user({ via: 'meta', from, kind: 'text', text: token });
					acceptMs.push(Date.now() - (sentAt.get(token) as number));
					if (!result.delivery || result.delivery.status < 200 || result.delivery.status > 299) webhookNon2xx++;
					if (opts.redeliver && result.delivery && opts.redeliver.random() < opts.redeliver.probability) {
						// Meta's redelivery: the same bytes with the same signature, to the same URL.
						const again = await redeliver(result.delivery.url, JSON.stringify(result.body));
						opts.redeliver.count++;
						if (again < 200 || again > 299) webhookNon2xx++;
					}
				} catch {
					webhookErrors++;
				}
				sent++;
			}),
		);
	}
	// Wait until every event has a reply, or nothing new arrived for quietMs.
	const replies = () => sandbox.delivered.slice(deliveredFrom).filter((d) => typeof (d.message as { text?: string })?.text === 'string');
	let lastCount = -1;
	let lastChange = Date.now();
	for (;;) {
		const answered = new Set(replies().map((d) => (d.message as { text: string }).text));
		const done = [...sentAt.keys()].every((t) => answered.has(`echo: ${t}`));
		if (done || Date.now() - lastChange > opts.quietMs || Date.now() > deadline) break;
		if (answered.size !== lastCount) {
			lastCount = answered.size;
			lastChange = Date.now();
		}
		await sleep(200);
	}
	const cpuAfter = cpuGroups();
	await sleep(2000); // late duplicates
	const byToken = new Map<string, number[]>();
	let extraReplies = 0;
	for (const reply of replies()) {
		const text = (reply.message as { text: string }).text;
		const token = text.startsWith('echo: ') ? text.slice(6) : '';
		if (!sentAt.has(token)) {
			extraReplies++;
			continue;
		}
		byToken.set(token, [...(byToken.get(token) ?? []), reply.at]);
	}
	const latencies: number[] = [];
	let exactlyOnce = 0;
	let duplicated = 0;
	let lastReply = started;
	for (const [token, at] of sentAt) {
		const times = byToken.get(token) ?? [];
		if (times.length === 1) exactlyOnce++;
		if (times.length > 1) duplicated++;
		if (times.length > 0) {
			latencies.push(Math.min(...times) - at);
			lastReply = Math.max(lastReply, Math.min(...times));
		}
	}
	const wallMs = Math.max(1, lastReply - started);
	const result: LoadResult = {
		label,
		events: count,
		sent,
		webhookNon2xx,
		webhookErrors,
		exactlyOnce,
		lost: sent - byToken.size,
		duplicated,
		extraReplies,
		eventsPerSecond: Number(((latencies.length / wallMs) * 1000).toFixed(1)),
		p50Ms: percentile(latencies, 50),
		p95Ms: percentile(latencies, 95),
		p99Ms: percentile(latencies, 99),
		acceptP50Ms: percentile(acceptMs, 50),
		acceptP95Ms: percentile(acceptMs, 95),
		wallMs,
		// CPU per sent event, from the first send until every reply was in: where each flow spends the 2 cores.
		mainCpuMsPerEvent: Number(((cpuAfter.main - cpuBefore.main) / Math.max(1, sent)).toFixed(1)),
		// A worker killed or started during the round is left out (its CPU is only partly on record), so
		// the kill round undercounts.
		workersCpuMsPerEvent: Number(
			([...cpuAfter.workers].reduce((sum, [pid, ms]) => sum + Math.max(0, ms - (cpuBefore.workers.get(pid) ?? ms)), 0) / Math.max(1, sent)).toFixed(1),
		),
	};
	log(
		`${label}: ${sent}/${count} sent, ${exactlyOnce} exactly once, ${result.lost} lost, ${duplicated} duplicated, ` +
			`webhook non-2xx ${webhookNon2xx} + errors ${webhookErrors}; ${result.eventsPerSecond} events/s, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms; webhook answered p50 ${result.acceptP50Ms} ms, p95 ${result.acceptP95Ms} ms; ` +
			`CPU per event: main ${result.mainCpuMsPerEvent} ms, workers ${result.workersCpuMsPerEvent} ms`,
	);
	return result;
}

/**
 * Executions of a workflow created (enqueued by main) since `since`, by status, read from n8n's
 * database: the public API leaves out executions that never finished.
 */
function tally(stack: Stack, workflowId: string, since: number): Record<string, number> {
	const rows = stack.sql(
		`SELECT status, count(*) FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, '')}' AND "createdAt" >= to_timestamp(${since / 1000}) GROUP BY status ORDER BY status`,
	);
	return Object.fromEntries(rows.map((row) => row.split('\t')).map(([status, count]) => [status, Number(count)]));
}
const totalOf = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);

/**
 * One load phase with the sandbox answering 5% of sends 429 (Retry-After 1) and 1% 500, and what it
 * injected: only the faults, so that every lost reply can be matched to a 500.
 */
async function loadUnderFaults(stack: Stack, label: string, workflowId: string) {
	stack.sandbox.addFault({ routeId: 'meta.messages', status: 429, retryAfter: 1, probability: 0.05 });
	stack.sandbox.addFault({ routeId: 'meta.messages', status: 500, probability: 0.01 });
	const logFrom = stack.sandbox.log.length;
	const since = Date.now();
	const r = await load(stack, label, EVENTS, { quietMs: 30_000 });
	stack.sandbox.clearFaults();
	const sends = stack.sandbox.log.slice(logFrom).filter((e) => e.routeId === 'meta.messages');
	const injected429 = sends.filter((e) => e.fault && e.status === 429).length;
	const injected500 = sends.filter((e) => e.fault && e.status === 500).length;
	log(`${label}: ${sends.length} send requests, ${injected429} answered 429 (Retry-After 1), ${injected500} answered 500`);
	return { r, sendRequests: sends.length, injected429, injected500, executions: tally(stack, workflowId, since) };
}

async function redeliver(url: string, text: string): Promise<number> {
	const body = Buffer.from(text);
	const response = await fetch(url, {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
		signal: AbortSignal.timeout(30_000),
	});
	await response.arrayBuffer();
	return response.status;
}

async function mainAlive(stack: Stack): Promise<boolean> {
	try {
		return (await fetch(`${stack.main.url}/healthz`, { signal: AbortSignal.timeout(5000) })).ok;
	} catch {
		return false;
	}
}

// ---------------------------------------------------------------------------------------------
// Fuzzing: bodies from the seed shapes (Meta page webhooks), mutated.
const SECRET = SANDBOX_DEFAULTS.appSecret;
const sign = (body: Buffer, secret: string = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

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

function fuzzCase(i: number, random: () => number): FuzzCase {
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

async function fuzz(stack: Stack, url: string, workflowId: string, count: number) {
	const random = mulberry32(20261123);
	const since = Date.now();
	const rssBefore = rssMiB(stack.main.pid);
	const statuses: Record<string, number> = {};
	const fiveXx: Array<{ kind: string; status: number; body: string }> = [];
	let networkErrors = 0;
	const started = Date.now();
	const done = await pool(count, 16, started + env('SCALE_FUZZ_MAX_S', 600) * 1000, async (i) => {
		const c = fuzzCase(i, random);
		try {
			const response = await fetch(url, { method: 'POST', headers: c.headers, body: c.body, signal: AbortSignal.timeout(30_000) });
			const text = await response.text();
			statuses[response.status] = (statuses[response.status] ?? 0) + 1;
			if (response.status >= 500 && fiveXx.length < 20) fiveXx.push({ kind: c.kind, status: response.status, body: text.slice(0, 200) });
			else if (response.status >= 500) fiveXx.push({ kind: c.kind, status: response.status, body: '' });
		} catch {
			networkErrors++;
		}
		if (i > 0 && i % 10_000 === 0) log(`fuzz: ${i} sent, main RSS ${rssMiB(stack.main.pid).toFixed(0)} MiB`);
	});
	const elapsed = Date.now() - started;
	await sleep(3000);
	const executions = tally(stack, workflowId, since);
	const rssAfter = rssMiB(stack.main.pid);
	const alive = await mainAlive(stack);
	const result = {
		sent: done,
		requested: count,
		seconds: Number((elapsed / 1000).toFixed(1)),
		statuses,
		count5xx: fiveXx.length,
		first5xx: fiveXx.slice(0, 5),
		networkErrors,
		executionsFromUnsignedOrMisSigned: totalOf(executions),
		executions,
		mainAlive: alive,
		mainRssMiB: { before: Number(rssBefore.toFixed(1)), after: Number(rssAfter.toFixed(1)), growth: Number((rssAfter - rssBefore).toFixed(1)) },
	};
	log(`fuzz: ${JSON.stringify(result)}`);
	return result;
}

// ---------------------------------------------------------------------------------------------
async function main(): Promise<void> {
	log(`events ${EVENTS} (bursts of ${BURST}), fuzz ${FUZZ}, compare ${COMPARE}; phases ${[...PHASES].join(',')}`);
	const stack = await startStack({
		workers: 2,
		redisPort: env('SCALE_REDIS_PORT', 16391),
		pgPort: env('SCALE_PG_PORT', 15491),
		lockDurationMs: env('SCALE_LOCK_MS', 20_000),
		stalledIntervalMs: env('SCALE_STALLED_MS', 10_000),
		log,
	});
	let mainExited = false;
	stack.main.onExit(() => {
		mainExited = true;
	});
	const stopAll = async (code: number) => {
		log('stopping n8n, the sandbox, postgres and redis');
		await stack.stop();
		process.exit(code);
	};
	process.once('SIGINT', () => void stopAll(130));
	process.once('SIGTERM', () => void stopAll(143));
	results.n8nVersion = stack.install.n8nVersion;
	try {
		const ours = oursWorkflow(stack.credentials);
		const oursId = await stack.api.createWorkflow(ours.workflow);
		await stack.api.activate(oursId);
		const oursUrl = `${stack.main.url}${ours.webhookPath}`;
		const deadline = Date.now() + 30_000;
		while (stack.sandbox.config.meta.webhookUrl !== oursUrl && Date.now() < deadline) await sleep(100);
		if (stack.sandbox.config.meta.webhookUrl !== oursUrl) throw new Error(`the trigger did not subscribe at the sandbox (webhookUrl ${stack.sandbox.config.meta.webhookUrl})`);
		log(`echo bot active; the trigger subscribed ${oursUrl} at the sandbox`);
		// Warm-up: one event end to end (not counted).
		await load(stack, 'warmup', 1, { quietMs: 30_000 });

		if (PHASES.has('queue')) {
			const since = Date.now();
			const r = await load(stack, 'queue', EVENTS, { quietMs: 30_000 });
			results.queue = { ...r, executions: tally(stack, oursId, since) };
			check(r.sent === EVENTS && r.exactlyOnce === EVENTS && r.lost === 0 && r.duplicated === 0, `queue mode: ${EVENTS} events, exactly one reply each (got ${r.exactlyOnce}, lost ${r.lost}, dup ${r.duplicated})`);
			check(r.webhookNon2xx + r.webhookErrors === 0, 'queue mode: every webhook answered 2xx');
		}

		if (PHASES.has('faults')) {
			const { r, sendRequests, injected429, injected500, executions } = await loadUnderFaults(stack, 'faults', oursId);
			results.faults = { ...r, sendRequests, injected429, injected500, executions };
			check(r.duplicated === 0, 'faults: no event answered twice');
			check(r.lost <= injected500, `faults: every lost reply is one the sandbox answered 500 to (lost ${r.lost}, 500s ${injected500}); 429s all recovered`);
		}

		// The echo bot with Retry On Fail on its send node, created once for the phases that need it. It
		// stays active (deactivating would unsubscribe at the sandbox in the background).
		let retryVariant: { id: string; url: string } | undefined;
		const useRetryVariant = async () => {
			if (!retryVariant) {
				const variant = oursWorkflow(stack.credentials, true);
				const id = await stack.api.createWorkflow(variant.workflow);
				await stack.api.activate(id);
				retryVariant = { id, url: `${stack.main.url}${variant.webhookPath}` };
				const until = Date.now() + 30_000;
				while (stack.sandbox.config.meta.webhookUrl !== retryVariant.url && Date.now() < until) await sleep(100);
				stack.sandbox.config.meta.webhookUrl = retryVariant.url;
				await load(stack, 'warmup-retry', 1, { quietMs: 30_000 });
			}
			stack.sandbox.config.meta.webhookUrl = retryVariant.url;
			return retryVariant.id;
		};

		if (PHASES.has('retry')) {
			const variantId = await useRetryVariant();
			const { r, sendRequests, injected429, injected500, executions } = await loadUnderFaults(stack, 'retry', variantId);
			results.retry = { ...r, sendRequests, injected429, injected500, executions };
			check(r.duplicated === 0, 'faults + Retry On Fail: no event answered twice');
			// A 500 does not say whether the message went out, so neither the node nor n8n's Retry On Fail
			// sends it again ("delivery uncertain"): here the 500 came before delivery, so it is lost, and
			// the 'uncertain' phase shows the other half (500 after delivery: not sent twice).
			check(r.lost <= injected500, `faults + Retry On Fail: every lost reply is one the sandbox answered 500 to (lost ${r.lost}, 500s ${injected500}); 429s all recovered`);
			stack.sandbox.config.meta.webhookUrl = oursUrl;
		}

		if (PHASES.has('uncertain')) {
			// The provider took the message and then answered 500: a retry by the node or by n8n's Retry On
			// Fail would deliver it twice. The node marks it "delivery uncertain" and does not re-send.
			const variantId = await useRetryVariant();
			stack.sandbox.addFault({ routeId: 'meta.messages', status: 500, probability: 0.01, afterRoute: true });
			const logFrom = stack.sandbox.log.length;
			const since = Date.now();
			const r = await load(stack, 'uncertain', EVENTS, { quietMs: 30_000 });
			stack.sandbox.clearFaults();
			const sends = stack.sandbox.log.slice(logFrom).filter((e) => e.routeId === 'meta.messages');
			const injected = sends.filter((e) => e.fault).length;
			results.uncertain = { ...r, sendRequests: sends.length, injected500AfterDelivery: injected, executions: tally(stack, variantId, since) };
			log(`uncertain: ${sends.length} send requests, ${injected} recorded as delivered and then answered 500`);
			check(r.duplicated === 0, `500 after delivery + Retry On Fail: no event answered twice (dup ${r.duplicated})`);
			check(r.lost === 0 && r.exactlyOnce === EVENTS, `500 after delivery + Retry On Fail: no reply lost (got ${r.exactlyOnce}, lost ${r.lost})`);
			stack.sandbox.config.meta.webhookUrl = oursUrl;
		}

		if (PHASES.has('redelivery')) {
			const redelivered = { probability: 0.05, random: mulberry32(20261130), count: 0 };
			const since = Date.now();
			const r = await load(stack, 'redelivery', EVENTS, { quietMs: 30_000, redeliver: redelivered });
			const executions = tally(stack, oursId, since);
			results.redelivery = { ...r, redelivered: redelivered.count, executions };
			log(`redelivery: ${redelivered.count} bodies posted twice; executions ${JSON.stringify(executions)}`);
			check(redelivered.count > 0, `redelivery: some bodies were posted twice (${redelivered.count})`);
			check(r.duplicated === 0 && r.extraReplies === 0, `redelivery: no duplicate reply (dup ${r.duplicated}, extra ${r.extraReplies})`);
			check(r.exactlyOnce === EVENTS, `redelivery: exactly one reply per event (got ${r.exactlyOnce}, lost ${r.lost})`);
			check(totalOf(executions) === EVENTS, `redelivery: one execution per event, none for a redelivered body (got ${totalOf(executions)})`);
		}

		if (PHASES.has('kill')) {
			const since = Date.now();
			let killedPid = 0;
			const r = await load(stack, 'kill', EVENTS, {
				quietMs: 45_000,
				midway: async () => {
					const victim = stack.workers[0];
					if (!victim) return;
					killedPid = victim.pid;
					process.kill(-victim.pid, 'SIGKILL');
					log(`SIGKILL to worker 1 (process group ${victim.pid}) mid-run`);
				},
			});
			const alive = !mainExited && (await mainAlive(stack));
			// Let n8n settle the killed worker's executions (stalled check), then read their states.
			await sleep(env('SCALE_STALLED_MS', 10_000) + 5000);
			const executions = tally(stack, oursId, since);
			results.kill = { ...r, killedPid, mainAlive: alive, executions };
			log(`kill: executions by status ${JSON.stringify(executions)}`);
			check(alive, 'kill: n8n main stays up after a worker is SIGKILLed');
			check(r.duplicated === 0, 'kill: no event answered twice');
			check(r.lost <= 10, `kill: at most the killed worker's in-flight jobs (concurrency 10) are lost (lost ${r.lost})`);
			log('restarting worker 1');
			await stack.startWorker(0);
		}

		if (PHASES.has('fuzz') && FUZZ > 0) {
			const r = await fuzz(stack, oursUrl, oursId, FUZZ);
			results.fuzz = r;
			check(r.count5xx === 0, `fuzz: no 5xx in ${r.sent} bodies (got ${r.count5xx})`);
			check(r.executionsFromUnsignedOrMisSigned === 0, `fuzz: no execution from an unsigned or mis-signed body (got ${r.executionsFromUnsignedOrMisSigned})`);
			check(r.mainAlive && !mainExited, 'fuzz: n8n main alive afterwards');
		}

		if (PHASES.has('compare') && COMPARE > 0) {
			const hand = handBuiltWorkflow(stack.sandbox.url);
			const handId = await stack.api.createWorkflow(hand.workflow);
			await stack.api.activate(handId);
			const handUrl = `${stack.main.url}${hand.webhookPath}`;
			const rounds: Array<['ours' | 'hand', string]> = [
				['hand', handUrl],
				['ours', oursUrl],
				['ours', oursUrl],
				['hand', handUrl],
			];
			stack.sandbox.config.meta.webhookUrl = handUrl;
			// In queue mode the new webhook reaches main's registry shortly after activation.
			for (let tries = 0; tries < 100 && (await fetch(handUrl, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status === 404; tries++) await sleep(200);
			await sleep(2000); // the probe's own execution
			// Both flows warm up (JIT, connection pools, the database's pages) before anything is measured:
			// A B B A cancels a steady drift, not the steep one of a cold start.
			const per = Math.max(1, Math.floor(COMPARE / 2));
			const warmup = Math.min(100, Math.max(1, Math.floor(per / 4)));
			for (const [flow, url] of [rounds[0], rounds[1]]) {
				stack.sandbox.config.meta.webhookUrl = url;
				await load(stack, `warmup-${flow}`, warmup, { quietMs: 30_000 });
			}
			const collected: Record<'ours' | 'hand', LoadResult[]> = { ours: [], hand: [] };
			for (const [i, [flow, url]] of rounds.entries()) {
				stack.sandbox.config.meta.webhookUrl = url;
				collected[flow].push(await load(stack, `compare-${i + 1}-${flow}`, per, { quietMs: 30_000 }));
			}
			stack.sandbox.config.meta.webhookUrl = oursUrl;
			const summary = (list: LoadResult[]) => {
				const sum = (pick: (r: LoadResult) => number) => list.reduce((s, r) => s + pick(r), 0);
				const mean = (pick: (r: LoadResult) => number) => sum(pick) / list.length;
				const replied = sum((r) => r.sent - r.lost);
				return {
					events: sum((r) => r.events),
					replied,
					exactlyOnce: sum((r) => r.exactlyOnce),
					eventsPerSecond: Number(((replied / sum((r) => r.wallMs)) * 1000).toFixed(1)),
					p50Ms: Math.round(mean((r) => r.p50Ms)),
					p95Ms: Math.round(mean((r) => r.p95Ms)),
					acceptP50Ms: Math.round(mean((r) => r.acceptP50Ms)),
					acceptP95Ms: Math.round(mean((r) => r.acceptP95Ms)),
					mainCpuMsPerEvent: Number(mean((r) => r.mainCpuMsPerEvent).toFixed(1)),
					workersCpuMsPerEvent: Number(mean((r) => r.workersCpuMsPerEvent).toFixed(1)),
					rounds: list.map(({ label, eventsPerSecond, p50Ms, p95Ms, acceptP50Ms, acceptP95Ms, lost, duplicated, mainCpuMsPerEvent, workersCpuMsPerEvent }) => ({
						label,
						eventsPerSecond,
						p50Ms,
						p95Ms,
						acceptP50Ms,
						acceptP95Ms,
						lost,
						duplicated,
						mainCpuMsPerEvent,
						workersCpuMsPerEvent,
					})),
				};
			};
			const o = summary(collected.ours);
			const h = summary(collected.hand);
			const ratio = Number((o.eventsPerSecond / h.eventsPerSecond).toFixed(2));
			results.compare = { ours: o, handBuilt: h, throughputRatioOursOverHand: ratio, p50RatioOursOverHand: Number((o.p50Ms / h.p50Ms).toFixed(2)), p95RatioOursOverHand: Number((o.p95Ms / h.p95Ms).toFixed(2)) };
			log(
				`compare: ours ${o.eventsPerSecond} events/s p50 ${o.p50Ms} ms p95 ${o.p95Ms} ms (webhook answered p50 ${o.acceptP50Ms} ms; CPU/event main ${o.mainCpuMsPerEvent} ms, workers ${o.workersCpuMsPerEvent} ms) | ` +
					`hand-built ${h.eventsPerSecond} events/s p50 ${h.p50Ms} ms p95 ${h.p95Ms} ms (webhook answered p50 ${h.acceptP50Ms} ms; CPU/event main ${h.mainCpuMsPerEvent} ms, workers ${h.workersCpuMsPerEvent} ms) | throughput ratio ours/hand ${ratio}x`,
			);
			check(o.exactlyOnce === o.events && h.exactlyOnce === h.events, 'compare: both flows answered every event exactly once');
		}
	} catch (error) {
		failures.push(`run aborted: ${(error as Error).stack ?? String(error)}`);
		log(`ERROR ${(error as Error).stack ?? String(error)}`);
		log(`last lines of n8n main's log:\n${stack.main.logTail(30)}`);
	}
	results.failures = failures;
	results.finishedAt = new Date().toISOString();
	const file = path.join(SCALE_DIR, 'results.json');
	fs.writeFileSync(file, JSON.stringify(results, null, 2));
	log(`results written to ${path.relative(process.cwd(), file)}`);
	log(failures.length ? `FAILED: ${failures.length} target(s) missed:\n  - ${failures.join('\n  - ')}` : 'all targets met');
	await stopAll(failures.length ? 1 : 0);
}

void main().catch((error) => {
	console.error(error);
	process.exit(1);
});
