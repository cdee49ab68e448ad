// The load phases of the scale run: simulated users send signed Meta webhooks through the sandbox in
// bursts, and each reply is matched to its event by the unique text it echoes.
import { sign } from './fuzz-bodies';
import type { Stack } from './stack';
import { groupCpuMs, percentile, sleep } from './stats';

export interface LoadResult {
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
export interface LoadContext {
	/** Webhook POSTs sent at once; the next burst starts when all of them were answered. */
	burst: number;
	maxPhaseMs: number;
	/** Makes each run's event texts unique, so replies are matched to this run's events only. */
	run: string;
	log: (message: string) => void;
}

export interface LoadOptions {
	/** Stop waiting for replies once nothing new arrived for this long. */
	quietMs: number;
	/** Called once, halfway through the bursts (the kill phase kills a worker there). */
	midway?: () => Promise<void>;
	/** Meta's redelivery: this share of bodies posted a second time, counted in `count`. */
	redeliver?: { probability: number; random: () => number; count: number };
}

/** The same bytes with the same signature, to the same URL: what Meta sends again when an answer is slow. */
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

/**
 * Sends `count` text messages as simulated users through the sandbox (signed Meta webhooks to
 * config.meta.webhookUrl), in bursts of BURST concurrent, then waits for the replies. A reply is
 * matched to its event by the unique text it echoes.
 */
export function loader({ burst: BURST, maxPhaseMs: MAX_PHASE_MS, run: RUN, log }: LoadContext) {
	return async function load(stack: Stack, label: string, count: number, opts: LoadOptions): Promise<LoadResult> {
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
}
