// `npm run bench`: the Messenger node's send throughput and memory, against the provider sandbox with
// 20 ms of latency per Graph send (a sandbox in a child process, over real HTTP).
//
//   1. 5,000 text items through the node (n8n-core's real WorkflowExecute, via the test harness).
//   2. The same 5,000 requests from a bare axios loop at the same concurrency (axios defaults, so
//      Node's keep-alive agent reuses connections): the ceiling the target is measured against.
//   3. The same loop opening a connection per request, as n8n's HTTP layer does (n8n-core builds a
//      fresh agent for every request): the part of the gap the node cannot close.
//   4. The node sending one item at a time (a sample), for the sequential baseline.
//   5. Peak RSS growth while the node sends 50,000 items.
// Targets (issue 4): node ≥ 80% of bare axios, ≥ 5x sequential, RSS growth < 200 MB. A missed target
// is printed as MISSED; the exit code is 1 only when a send fails or the sandbox's count is off.
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';

import axios from 'axios';

import type { SandboxConfig } from '../sandbox';
import { runWorkflow } from '../test/harness/run-workflow';
import { singleNodeWorkflow } from '../test/harness/workflows';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 5000);
const SEQUENTIAL_ITEMS = Number(process.env.BENCH_SEQUENTIAL_ITEMS ?? 250);
const RSS_ITEMS = Number(process.env.BENCH_RSS_ITEMS ?? 50000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const RSS_CONCURRENCY = Number(process.env.BENCH_RSS_CONCURRENCY ?? 50);
const LATENCY_MS = 20;

interface SandboxHandle {
	url: string;
	config: SandboxConfig;
	stats(): Promise<{ delivered: number; requests: number }>;
	close(): Promise<void>;
}

async function startSandboxProcess(): Promise<SandboxHandle> {
	// Compiled (npm run bench) or straight from TypeScript (ts-node bench/send.ts) alike.
	const compiled = __filename.endsWith('.js');
	const child: ChildProcess = fork(path.join(__dirname, compiled ? 'sandbox-process.js' : 'sandbox-process.ts'), [], {
		execArgv: compiled ? [] : ['-r', 'ts-node/register/transpile-only'],
		env: { ...process.env, BENCH_LATENCY_MS: String(LATENCY_MS) },
	});
	const next = <T>(type: string) =>
		new Promise<T>((resolve) => {
			const listener = (message: { type: string }) => {
				if (message.type !== type) return;
				child.off('message', listener);
				resolve(message as T);
			};
			child.on('message', listener);
		});
	const ready = await next<{ url: string; config: SandboxConfig }>('ready');
	return {
		url: ready.url,
		config: ready.config,
		stats: async () => {
			const reply = next<{ delivered: number; requests: number }>('stats');
			child.send({ type: 'stats' });
			return reply;
		},
		close: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.send({ type: 'close' });
			await exited;
		},
	};
}

function credentialsFor(sandbox: SandboxHandle) {
	const { meta } = sandbox.config;
	return {
		facebookPageMessengerApi: {
			baseUrl: sandbox.url,
			graphApiVersion: 'v25.0',
			pageId: meta.pageId,
			accessToken: meta.pageAccessToken,
			appSecret: meta.appSecret,
		},
	};
}

/** Sends `count` text items through the node; returns the seconds it took. */
async function viaNode(sandbox: SandboxHandle, count: number, concurrency: number): Promise<number> {
	const psid = sandbox.config.users[0].psid;
	const workflow = singleNodeWorkflow(
		'n8n-nodes-messenger.messenger',
		{ provider: 'meta', resource: 'message', operation: 'text', recipient: psid, text: '=Message {{ $json.n }}', options: { concurrency } },
		{ facebookPageMessengerApi: { id: '1', name: 'Sandbox page' } },
	);
	const input = Array.from({ length: count }, (_, n) => ({ n }));
	const started = process.hrtime.bigint();
	const result = await runWorkflow(workflow, { input, credentials: credentialsFor(sandbox) });
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const error = result.nodeError('Node');
	if (error) throw error;
	const sent = result.output('Node').filter((item) => item.json.messageId).length;
	if (sent !== count) throw new Error(`the node sent ${sent} of ${count} items`);
	return seconds;
}

/** The same requests from plain axios with `concurrency` workers: what the network and sandbox allow. */
async function viaBareAxios(sandbox: SandboxHandle, count: number, concurrency: number, keepAlive = true): Promise<number> {
	const { meta } = sandbox.config;
	const psid = sandbox.config.users[0].psid;
	const client = axios.create({
		baseURL: `${sandbox.url}/v25.0`,
		headers: { Authorization: `Bearer ${meta.pageAccessToken}`, Accept: 'application/json' },
		params: { appsecret_proof: createHmac('sha256', meta.appSecret).update(meta.pageAccessToken).digest('hex') },
		// keepAlive true is what axios gets by default on Node >= 19 (http.globalAgent keeps alive).
		httpAgent: new http.Agent({ keepAlive }),
	});
	let next = 0;
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) {
				const n = next++;
				await client.post(`/${meta.pageId}/messages`, { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: `Message ${n}` } });
			}
		}),
	);
	return Number(process.hrtime.bigint() - started) / 1e9;
}

async function peakRssGrowth(sandbox: SandboxHandle, count: number, concurrency: number): Promise<{ growthMb: number; seconds: number }> {
	global.gc?.();
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 50);
	try {
		const seconds = await viaNode(sandbox, count, concurrency);
		peak = Math.max(peak, process.memoryUsage().rss);
		return { growthMb: (peak - baseline) / 1024 / 1024, seconds };
	} finally {
		clearInterval(sampler);
	}
}

const rate = (items: number, seconds: number) => items / seconds;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
	const sandbox = await startSandboxProcess();
	let failed = false;
	const target = (ok: boolean) => (ok ? 'ok' : 'MISSED');
	const check = (ok: boolean) => {
		failed ||= !ok;
		return ok ? 'ok' : 'FAILED';
	};
	try {
		console.log(`Messenger send benchmark: Meta Graph API via the sandbox, ${LATENCY_MS} ms latency per send, concurrency ${CONCURRENCY}`);
		await viaNode(sandbox, 200, CONCURRENCY); // warm-up: module loading, JIT, connection setup
		await viaBareAxios(sandbox, 200, CONCURRENCY);

		const nodeSeconds = await viaNode(sandbox, ITEMS, CONCURRENCY);
		const bareSeconds = await viaBareAxios(sandbox, ITEMS, CONCURRENCY);
		const freshSeconds = await viaBareAxios(sandbox, ITEMS, CONCURRENCY, false);
		const sequentialSeconds = await viaNode(sandbox, SEQUENTIAL_ITEMS, 1);
		const node = rate(ITEMS, nodeSeconds);
		const bare = rate(ITEMS, bareSeconds);
		const fresh = rate(ITEMS, freshSeconds);
		const sequential = rate(SEQUENTIAL_ITEMS, sequentialSeconds);
		const line = (label: string, items: number, seconds: number) =>
			console.log(`  ${label.padEnd(40)} ${fmt(items).padStart(6)} items  ${fmt(seconds, 2).padStart(7)} s  ${fmt(rate(items, seconds), 1).padStart(8)} items/s`);

		line('node (WorkflowExecute)', ITEMS, nodeSeconds);
		line('bare axios loop (defaults, keep-alive)', ITEMS, bareSeconds);
		line('bare axios loop, a connection per request', ITEMS, freshSeconds);
		line('node, sequential (concurrency 1)', SEQUENTIAL_ITEMS, sequentialSeconds);
		console.log(`  node / bare axios                        ${fmt((node / bare) * 100, 1)}%  (target >= 80%)  ${target(node / bare >= 0.8)}`);
		console.log(`  node / bare axios, connection per request ${fmt((node / fresh) * 100, 1)}%  (n8n's HTTP layer opens one per request)`);
		console.log(`  node / sequential                        ${fmt(node / sequential, 1)}x    (target >= 5x)   ${target(node / sequential >= 5)}`);

		const { growthMb, seconds } = await peakRssGrowth(sandbox, RSS_ITEMS, RSS_CONCURRENCY);
		console.log(
			`  peak RSS growth                          ${fmt(growthMb, 1)} MB for ${fmt(RSS_ITEMS)} items (${fmt(seconds, 1)} s at concurrency ${RSS_CONCURRENCY}; target < 200 MB)   ${target(growthMb < 200)}`,
		);
		const { delivered } = await sandbox.stats();
		const expected = 200 + 200 + ITEMS * 3 + SEQUENTIAL_ITEMS + RSS_ITEMS;
		console.log(`  sandbox delivered                        ${fmt(delivered)} messages (expected ${fmt(expected)})  ${check(delivered === expected)}`);
	} finally {
		await sandbox.close();
	}
	if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
