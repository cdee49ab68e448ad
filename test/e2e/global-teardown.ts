// Stops what global-setup.ts started: n8n (and its task runner, as a process group), then the sandbox.
import fs from 'node:fs';
import type { Sandbox } from '../../sandbox';
import type { N8nServer } from '../../scripts/lib/n8n-server';

export interface E2eRuntime {
	sandbox: Sandbox;
	n8n?: N8nServer;
	/** Temporary folder of the run (n8n's home, the state file); removed at the end. */
	root: string;
}

export default async function globalTeardown(): Promise<void> {
	const runtime = (globalThis as { __messengerE2e?: E2eRuntime }).__messengerE2e;
	if (!runtime) return;
	await runtime.n8n?.stop();
	await runtime.sandbox.close();
	fs.rmSync(runtime.root, { recursive: true, force: true });
}
