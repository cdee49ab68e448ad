// `npm start` (after scripts/demo.sh has installed and built): the package inside a real n8n, a demo
// bot workflow active in it, and the provider sandbox with its chat page, all on this machine.
// Ctrl-C stops everything this started.
import net from 'node:net';
import path from 'node:path';
import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { N8nApi } from './lib/n8n-api';
import { installPackage, prepareN8n, PROJECT_DIR } from './lib/n8n-install';
import { N8nServer } from './lib/n8n-server';
import { createSandboxCredentials, demoWorkflow } from './lib/messenger-setup';

const N8N_PORT = Number(process.env.N8N_DEMO_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8787);
const OWNER = {
	email: process.env.OWNER_EMAIL ?? 'demo@example.com',
	password: process.env.OWNER_PASSWORD ?? 'Demo-password-1',
	firstName: 'Demo',
	lastName: 'Owner',
};
/** A user of the sandbox that only the start-up check talks as, so the chat page's user starts clean. */
const WARMUP_PSID = '7000000000000999';
const started = Number(process.env.DEMO_STARTED_AT ?? Date.now());

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[${new Date().toTimeString().slice(0, 8)}] ${message}`);

function assertPortFree(port: number, what: string, variable: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', () => reject(new Error(`port ${port} (${what}) is in use: stop what uses it, or set ${variable}=<another port>`)));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
	});
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

async function main(): Promise<void> {
	await assertPortFree(N8N_PORT, 'n8n', 'N8N_DEMO_PORT');
	await assertPortFree(SANDBOX_PORT, 'the provider sandbox', 'SANDBOX_PORT');

	const install = prepareN8n();
	const home = path.join(PROJECT_DIR, '.cache', 'demo-n8n');
	const logFile = path.join(PROJECT_DIR, '.cache', 'demo-n8n.log');
	log(`installing the packed package into n8n ${install.n8nVersion} (${path.relative(PROJECT_DIR, home)})`);
	installPackage(home);

	let sandbox: Sandbox | undefined;
	let n8n: N8nServer | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the sandbox');
		await n8n?.stop();
		await sandbox?.close();
		log('stopped');
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		// The sandbox first: n8n re-activates the demo workflow at boot, which subscribes at the sandbox.
		sandbox = await startSandbox({ port: SANDBOX_PORT });
		log(`provider sandbox on ${sandbox.url}`);
		log(`starting n8n on port ${N8N_PORT} (log: ${path.relative(PROJECT_DIR, logFile)})`);
		const n8nStarted = Date.now();
		n8n = await N8nServer.start({ install, home, port: N8N_PORT, logFile, env: { N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn' } });
		n8n.onExit(() => {
			if (stopping) return;
			console.error(`n8n stopped unexpectedly; last lines of ${logFile}:\n${n8n?.logTail()}`);
			void stop(1);
		});
		log(`n8n is up after ${seconds(Date.now() - n8nStarted)}`);

		const api = new N8nApi(n8n.url);
		await api.ownerSession(OWNER);
		await api.createApiKey('npm start demo');
		// Re-created on every start, so the sandbox URL and the node parameters are always current.
		const previous = demoWorkflow({ facebookSystemUser: '' }, sandbox.url).name;
		for (const old of await api.workflowsNamed(previous)) await api.deleteWorkflow(old.id);
		const credentials = await createSandboxCredentials(api, sandbox.url);
		const workflowId = await api.createWorkflow(demoWorkflow(credentials, sandbox.url));
		await api.activate(workflowId);
		const box = sandbox;
		await waitFor('the Messenger Trigger to subscribe at the sandbox', 30_000, () => box.config.meta.webhookUrl);

		// One message through the whole chain: signed Meta webhook -> n8n -> reply at the sandbox.
		const asked = Date.now();
		const answer = await box.user({ via: 'meta', from: WARMUP_PSID, kind: 'text', text: 'ping' });
		if (answer.delivery && answer.delivery.status !== 200) {
			throw new Error(`the demo webhook answered HTTP ${answer.delivery.status}: ${answer.delivery.responseBody}`);
		}
		await waitFor('the demo bot to answer', 30_000, () => box.delivered.find((d) => d.recipient === WARMUP_PSID && d.at >= asked));
		const firstAnswer = Date.now();

		console.log(`
  Messenger demo is running.

  Chat with the bot:   ${sandbox.url}/chat
  n8n editor:          ${n8n.url}/workflow/${workflowId}
                       (log in as ${OWNER.email} / ${OWNER.password})
  Sandbox admin API:   ${sandbox.url}/__sandbox/log, /__sandbox/delivered, /__sandbox/config

  First answered webhook ${seconds(firstAnswer - started)} after npm start (${seconds(firstAnswer - asked)} for the round trip).
  Ctrl-C stops n8n and the sandbox.
`);
	} catch (error) {
		console.error(`npm start failed: ${(error as Error).message}`);
		await stop(1);
	}
}

void main();
