// Per test file: clients for the run's n8n and sandbox, and cleanup of the workflows a file created.
import { N8nApi, type N8nExecution, type WorkflowJson } from '../../../scripts/lib/n8n-api';
import { SandboxClient } from './sandbox-client';
import { readState, type E2eState } from './state';

export interface E2eContext {
	state: E2eState;
	n8n: N8nApi;
	sandbox: SandboxClient;
	/** Creates the workflow and, unless told otherwise, activates it; it is deleted after the file. */
	deploy(workflow: WorkflowJson, activate?: boolean): Promise<string>;
	cleanup(): Promise<void>;
}

export function e2eContext(): E2eContext {
	const state = readState();
	const n8n = new N8nApi(state.n8nUrl);
	n8n.apiKey = state.apiKey;
	n8n.cookie = state.cookie;
	const sandbox = new SandboxClient(state.sandboxUrl);
	const created: string[] = [];
	return {
		state,
		n8n,
		sandbox,
		async deploy(workflow, activate = true) {
			const id = await n8n.createWorkflow(workflow);
			created.push(id);
			if (activate) await n8n.activate(id);
			return id;
		},
		async cleanup() {
			for (const id of created.splice(0)) await n8n.deleteWorkflow(id);
		},
	};
}

/** The output items of one node in an execution record (first run, first output). */
export function nodeOutput(execution: N8nExecution, nodeName: string): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run in execution ${execution.id}`);
	if (runs[0].error) throw new Error(`node "${nodeName}" failed in execution ${execution.id}: ${runs[0].error.message}`);
	return (runs[0].data?.main[0] ?? []).map((item) => item.json);
}

/** Every node error of an execution, for a readable failure message. */
export function executionErrors(execution: N8nExecution): string {
	const errors = Object.entries(execution.data?.resultData.runData ?? {})
		.flatMap(([name, runs]) => runs.filter((r) => r.error).map((r) => `${name}: ${r.error?.message}`));
	const top = execution.data?.resultData.error?.message;
	return [...errors, ...(top ? [`workflow: ${top}`] : [])].join('; ') || 'none';
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `probe` (an assertion or a call) until it stops throwing, or throws its last error. */
export async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await probe();
		} catch (error) {
			if (Date.now() >= deadline) throw error;
			await sleep(intervalMs);
		}
	}
}

/**
 * n8n registers a workflow's webhooks in the background after activation (and removes them likewise
 * after deactivation). A POST that is not a valid delivery starts nothing; n8n answers it 404 while
 * the webhook is not registered, and the trigger's own 4xx once it is.
 */
export async function webhookRegistered(url: string, registered = true, timeoutMs = 20_000): Promise<void> {
	await eventually(async () => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'registration probe' });
		await response.text();
		if ((response.status !== 404) !== registered) throw new Error(`${url} answered ${response.status}; waiting for it to be ${registered ? '' : 'un'}registered`);
	}, timeoutMs);
}

/** POSTs JSON to an n8n Webhook node, retrying while n8n has not registered it yet (404: nothing ran). */
export async function callWebhook(url: string, body: unknown = {}, timeoutMs = 20_000): Promise<{ status: number; json: unknown; text: string }> {
	return eventually(async () => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const text = await response.text();
		if (response.status === 404) throw new Error(`${url} is not registered yet: ${text.slice(0, 200)}`);
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	}, timeoutMs);
}
