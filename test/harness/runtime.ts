// What n8n's server builds around any execution, reduced to what tests need: the Workflow object
// from saved JSON, the additional data n8n-core's contexts read, and one run through n8n-core's real
// WorkflowExecute starting at a given node with given items (the Manual Trigger's input, or what a
// webhook or poll produced).
import { randomUUID } from 'node:crypto';
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

/** A workflow as n8n exports it (File > Download), or as the tests write it. */
export type WorkflowJson = Pick<IWorkflowBase, 'nodes' | 'connections'> & Partial<IWorkflowBase>;

export interface RuntimeOptions {
	/** Credential data by credential type name, as the user would type it into n8n. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Node types beyond the package's own and the Manual Trigger. */
	extraNodeTypes?: Record<string, INodeType>;
	/** n8n's instance base URL (`WEBHOOK_URL`); webhook URLs are `${base}/webhook/...`. */
	baseUrl?: string;
}

export interface RunResult {
	run: IRun;
	/** Items on output `outputIndex` of the node's first run; throws if the node did not run. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error a node stopped with, if any. */
	nodeError(nodeName: string): Error | undefined;
	/** Names of the nodes in the order they finished. */
	executionOrder: string[];
}

/** A Workflow object as n8n builds it from the saved JSON. */
export function buildWorkflow(workflowJson: WorkflowJson, options: RuntimeOptions & { active?: boolean } = {}): Workflow {
	return new Workflow({
		id: workflowJson.id ?? 'test-workflow',
		name: workflowJson.name ?? 'Test workflow',
		nodes: workflowJson.nodes as INode[],
		connections: workflowJson.connections,
		nodeTypes: buildNodeTypes(options.extraNodeTypes),
		active: options.active ?? true,
		settings: { executionOrder: 'v1', ...(workflowJson.settings ?? {}) },
		staticData: workflowJson.staticData,
	});
}

export function buildAdditionalData(
	options: RuntimeOptions & {
		hooks?: ExecutionLifecycleHooks;
		/** n8n gives every execution its own id (nodes read it with getExecutionId()); default a fresh one. */
		executionId?: string;
		httpRequest?: IncomingMessage;
		httpResponse?: ServerResponse;
	},
): IWorkflowExecuteAdditionalData {
	const base = (options.baseUrl ?? 'http://localhost:5678').replace(/\/+$/, '');
	return {
		hooks: options.hooks,
		executionId: options.executionId ?? randomUUID(),
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
 * Runs `workflow` from `startNode`, which receives `items` as its input, the way n8n runs a workflow
 * after a manual start, a webhook that answered with `workflowData`, or a poll that returned items.
 */
export async function executeFrom(
	workflowJson: WorkflowJson,
	workflow: Workflow,
	startNode: INode,
	items: INodeExecutionData[],
	mode: WorkflowExecuteMode,
	options: RuntimeOptions = {},
): Promise<RunResult> {
	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowJson as IWorkflowBase);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));

	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: startNode, data: { main: [items] }, source: null }] },
	});
	const additionalData = buildAdditionalData({ ...options, hooks, executionId });
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
