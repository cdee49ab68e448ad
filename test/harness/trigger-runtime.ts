// What n8n's server does around a trigger node, reduced to what tests need: the additional data that
// n8n-core's contexts (WebhookContext, HookContext, PollContext) read, and the run that starts from
// the trigger's output through n8n-core's real WorkflowExecute, as n8n does after a webhook answered
// with `workflowData` or a poll returned items. Kept beside run-workflow.ts, which starts runs from a
// Manual Trigger instead.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { buildNodeTypes, packageCredentialTypes } from './node-types';
import type { RunResult, WorkflowJson } from './run-workflow';

export interface TriggerRuntimeOptions {
	/** Credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	extraNodeTypes?: Record<string, INodeType>;
	/** n8n's instance base URL (`WEBHOOK_URL`); webhook URLs are `${base}/webhook/...`. */
	baseUrl?: string;
}

/** A Workflow object as n8n builds it from the saved JSON. */
export function buildWorkflow(workflowJson: WorkflowJson, options: TriggerRuntimeOptions = {}): Workflow {
	return new Workflow({
		id: workflowJson.id ?? 'test-workflow',
		name: workflowJson.name ?? 'Test workflow',
		nodes: workflowJson.nodes as INode[],
		connections: workflowJson.connections,
		nodeTypes: buildNodeTypes(options.extraNodeTypes),
		active: true,
		settings: { executionOrder: 'v1', ...(workflowJson.settings ?? {}) },
		staticData: workflowJson.staticData,
	});
}

export function buildAdditionalData(
	options: TriggerRuntimeOptions & {
		hooks?: ExecutionLifecycleHooks;
		httpRequest?: IncomingMessage;
		httpResponse?: ServerResponse;
	},
): IWorkflowExecuteAdditionalData {
	const base = (options.baseUrl ?? 'http://localhost:5678').replace(/\/+$/, '');
	return {
		hooks: options.hooks,
		credentialsHelper: new TestCredentialsHelper(packageCredentialTypes(), options.credentials ?? {}),
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		httpRequest: options.httpRequest,
		httpResponse: options.httpResponse,
		executeWorkflow: async () => ({ data: [], executionId: '' }),
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Code nodes are not available in the test harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Runs the workflow from `triggerName` with the items the trigger produced, in `mode` ('webhook' after
 * a webhook, 'trigger' after a poll): WorkflowExecute passes them through the trigger node as n8n does.
 */
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

	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', workflowJson as IWorkflowBase);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));

	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: trigger, data: { main: [items] }, source: null }] },
	});
	const additionalData = buildAdditionalData({ ...options, hooks });
	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	const runData = run.data.resultData.runData;
	return {
		run,
		executionOrder,
		output(nodeName, outputIndex = 0) {
			const task = runData[nodeName]?.[0];
			if (!task) {
				const error = run.data.resultData.error;
				throw new Error(`Node "${nodeName}" did not run${error ? `: ${error.message}` : ''}`);
			}
			return task.data?.main?.[outputIndex] ?? [];
		},
		nodeError(nodeName) {
			return runData[nodeName]?.[0]?.error;
		},
	};
}
