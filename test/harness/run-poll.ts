// One tick of n8n's poll scheduler for a workflow, with n8n-core's real PollContext: the node's
// poll() runs as PollTriggerExecutor runs it (n8n-core 2.41), items it returns are emitted and start a
// run (mode `trigger`) through WorkflowExecute, and a thrown error goes to `__emitError` (n8n records
// the failed poll; no run starts). "Fetch Test Event" (manual mode) goes through WorkflowExecute
// instead, which calls poll() itself: use runWorkflow with `mode: 'manual'` for that.
import { PollContext } from 'n8n-core';
import type { INodeExecutionData, INodeType } from 'n8n-workflow';

import type { RunResult, WorkflowJson } from './run-workflow';
import type { TriggerRuntimeOptions } from './trigger-runtime';
import { buildAdditionalData, buildWorkflow, runFromTrigger } from './trigger-runtime';

/** One line the node logged through `this.logger`. */
export interface PollLogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	meta?: unknown;
}

export interface PollOptions extends TriggerRuntimeOptions {
	/** What `getPollBudgetMs()` answers; n8n's default is 5 minutes. */
	pollBudgetMs?: number;
	/** Collects what the node logs (instead of n8n's logger), for tests that assert on log lines. */
	logs?: PollLogLine[];
}

/** n8n's Logger interface, reduced to the levels nodes use, writing into `lines`. */
function collectingLogger(lines: PollLogLine[]) {
	const at = (level: PollLogLine['level']) => (message: string, meta?: unknown) => {
		lines.push({ level, message, meta });
	};
	return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

export interface PollTick {
	/** What the poll emitted (null: it returned null, or failed). */
	items: INodeExecutionData[] | null;
	/** The error handed to `__emitError`. */
	error?: Error;
	/** The run started from the emitted items. */
	run?: RunResult;
}

export async function runPoll(workflowJson: WorkflowJson, triggerName: string, options: PollOptions = {}): Promise<PollTick> {
	const workflow = buildWorkflow(workflowJson, options);
	const node = workflow.getNode(triggerName);
	if (!node) throw new Error(`No node named "${triggerName}"`);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	if (!nodeType.poll) throw new Error(`"${triggerName}" is not a polling node`);

	let emitted: INodeExecutionData[][] | undefined;
	let failure: Error | undefined;
	const budget = options.pollBudgetMs ?? 5 * 60 * 1000;
	const context = new PollContext(
		workflow,
		node,
		buildAdditionalData(options),
		'trigger',
		'activate',
		(data) => {
			emitted = data;
		},
		(error) => {
			failure = error;
		},
		undefined,
		undefined,
		undefined,
		() => budget,
	);
	// n8n-core's contexts read the logger from its DI container; a test that asserts on log lines
	// replaces it on this one context only.
	if (options.logs) Object.defineProperty(context, 'logger', { value: collectingLogger(options.logs) });
	try {
		const response = await nodeType.poll.call(context);
		if (response !== null) context.__emit(response);
	} catch (error) {
		context.__emitError(error as Error);
	}
	if (failure || !emitted) return { items: null, error: failure };
	const items = emitted[0] ?? [];
	return { items, run: await runFromTrigger(workflowJson, triggerName, items, 'trigger', options) };
}
