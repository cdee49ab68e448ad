import type { IDataObject, WorkflowExecuteMode } from 'n8n-workflow';

import { buildWorkflow, executeFrom, type RunResult, type RuntimeOptions, type WorkflowJson } from './runtime';

export type { RunResult, WorkflowJson } from './runtime';

export interface RunOptions extends RuntimeOptions {
	/** Items the start node emits; default one empty item. */
	input?: IDataObject[];
	mode?: WorkflowExecuteMode;
}

/**
 * Runs a workflow through n8n-core's real WorkflowExecute, the engine n8n's server uses: parameters
 * and expressions are resolved by n8n, credentials go through `authenticate`, and HTTP leaves through
 * n8n's own request helper (axios), so requests reach the sandbox over real sockets.
 */
export async function runWorkflow(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
	const workflow = buildWorkflow(workflowJson, { ...options, active: false });
	const startNode = workflow.getStartNode();
	if (!startNode) throw new Error('The workflow has no start node');
	const items = (options.input ?? [{}]).map((json) => ({ json }));
	return await executeFrom(workflowJson, workflow, startNode, items, options.mode ?? 'manual', options);
}
