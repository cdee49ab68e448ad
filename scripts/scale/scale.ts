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
import fs from 'node:fs';
import path from 'node:path';
import { fuzzCase } from './fuzz-bodies';
import { loader, type LoadResult } from './load';
import { SCALE_DIR, startStack, type Stack } from './stack';
import { mulberry32 } from '../../sandbox/core/prng';
import { pool, rssMiB, sleep } from './stats';
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
const load = loader({ burst: BURST, maxPhaseMs: MAX_PHASE_MS, run: RUN, log });
const check = (ok: boolean, what: string) => {
	if (!ok) failures.push(what);
	log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
};

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


async function mainAlive(stack: Stack): Promise<boolean> {
	try {
		return (await fetch(`${stack.main.url}/healthz`, { signal: AbortSignal.timeout(5000) })).ok;
	} catch {
		return false;
	}
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
