// Runs that start from a trigger's own output, as n8n does after a webhook answered with
// `workflowData` or a poll returned items. The shared execution core is in runtime.ts.
import type { INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';

import { buildWorkflow, executeFrom, type RunResult, type RuntimeOptions, type WorkflowJson } from './runtime';

export { buildAdditionalData, buildWorkflow } from './runtime';
export type TriggerRuntimeOptions = RuntimeOptions;

/** WorkflowExecute passes the items through the trigger node in `mode` ('webhook' or 'trigger'). */
export async function runFromTrigger(
	workflowJson: WorkflowJson,
	triggerName: string,
	items: INodeExecutionData[],
	mode: WorkflowExecuteMode,
	options: TriggerRuntimeOptions = {},
): Promise<RunResult> {
	const workflow = buildWorkflow(workflowJson, options);
	const trigger = workflow.getNode(triggerName);
	if (!trigger) throw new Error(`No node named "${triggerName}"`);
	return await executeFrom(workflowJson, workflow, trigger, items, mode, options);
}
