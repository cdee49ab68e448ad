// Once per `npm run test:e2e`: the provider sandbox (in this process), and one real n8n server (Node 24,
// n8n 2.41.1 from the cache) on a free port with the packed package installed as a community package,
// its owner set up, an API key, and credentials of the package's three types pointed at the sandbox.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox } from '../../sandbox';
import { N8nApi } from '../../scripts/lib/n8n-api';
import { installPackage, prepareN8n, type N8nInstall } from '../../scripts/lib/n8n-install';
import { freePort, N8nServer } from '../../scripts/lib/n8n-server';
import { createSandboxCredentials } from '../../scripts/lib/messenger-setup';
import { ARTIFACTS_DIR, STATE_ENV, type E2eState } from './support/state';
import type { E2eRuntime } from './global-teardown';

const OWNER = { email: 'e2e@example.com', password: 'E2e-password-1', firstName: 'E2E', lastName: 'Owner' };

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const say = (message: string) => process.stdout.write(`[e2e ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
	process.stdout.write('\n');
	const install = prepareN8n();
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'messenger-e2e-'));
	const home = path.join(root, 'home');
	fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const n8nLogFile = path.join(ARTIFACTS_DIR, 'e2e-n8n.log');
	fs.rmSync(n8nLogFile, { force: true });

	installPackage(home);
	say(`package installed into n8n ${install.n8nVersion}`);
	const sandbox = await startSandbox({ port: 0 });
	const runtime: E2eRuntime = { sandbox, root };
	(globalThis as { __messengerE2e?: E2eRuntime }).__messengerE2e = runtime;

	// Jest runs no global teardown when it is interrupted: stop n8n (its own process group) then too.
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			void (runtime.n8n?.stop(5_000) ?? Promise.resolve()).finally(() => {
				fs.rmSync(runtime.root, { recursive: true, force: true });
				process.exit(130);
			});
		});
	}
	try {
		await startN8n(runtime, install, home, n8nLogFile, say);
	} catch (error) {
		// Jest runs no teardown after a failed setup: leave nothing running.
		await runtime.n8n?.stop();
		await sandbox.close();
		throw error;
	}
}

async function startN8n(runtime: E2eRuntime, install: N8nInstall, home: string, n8nLogFile: string, say: (m: string) => void): Promise<void> {
	const { sandbox } = runtime;
	const port = await freePort();
	runtime.n8n = await N8nServer.start({ install, home, port, logFile: n8nLogFile });
	say(`n8n ready on ${runtime.n8n.url}, sandbox on ${sandbox.url}`);

	const api = new N8nApi(runtime.n8n.url);
	await api.ownerSession(OWNER);
	await api.createApiKey('e2e');
	const credentials = await createSandboxCredentials(api, sandbox.url);

	const state: E2eState = {
		n8nUrl: runtime.n8n.url,
		sandboxUrl: sandbox.url,
		apiKey: api.apiKey,
		cookie: api.cookie,
		owner: { email: OWNER.email, password: OWNER.password },
		credentials,
		artifactsDir: ARTIFACTS_DIR,
		n8nLogFile,
	};
	const stateFile = path.join(runtime.root, 'state.json');
	fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
	process.env[STATE_ENV] = stateFile;
	say('owner, API key and sandbox credentials set up');
}
