// The provider sandbox in its own process for the benchmark, so that its request log and CPU do not
// count against the process being measured. Talks to the parent over IPC:
//   → {type: 'ready', url, config}       once listening (with `latencyMs` on every Graph send)
//   ← {type: 'stats'}  → {type: 'stats', delivered, requests}   totals since start
//   ← {type: 'close'}  closes and exits
import { startSandbox } from '../sandbox';

async function main(): Promise<void> {
	const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
	const sandbox = await startSandbox({ port: 0 });
	sandbox.addFault({ routeId: 'meta.messages', latencyMs });
	let delivered = 0;
	let requests = 0;
	// The log is only for tests; here it would grow by every request, so it is emptied as it fills.
	const drain = (): void => {
		delivered += sandbox.delivered.length;
		requests += sandbox.log.length;
		sandbox.clearLog();
	};
	const timer = setInterval(drain, 250);
	process.on('message', async (message: { type: string }) => {
		if (message.type === 'stats') {
			drain();
			process.send?.({ type: 'stats', delivered, requests });
		} else if (message.type === 'close') {
			clearInterval(timer);
			await sandbox.close();
			process.exit(0);
		}
	});
	process.send?.({ type: 'ready', url: sandbox.url, config: sandbox.config });
}

void main();
