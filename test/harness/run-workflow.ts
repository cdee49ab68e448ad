import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
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

export interface RunOptions {
	/** Credential data by credential type name, as the user would type it into n8n. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Items the start node emits; default one empty item. */
	input?: IDataObject[];
	/** Node types beyond the package's own and the Manual Trigger. */
	extraNodeTypes?: Record<string, INodeType>;
	mode?: WorkflowExecuteMode;
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

const BASE = 'http://localhost:5678';

/**
 * Runs a workflow through n8n-core's real WorkflowExecute, the engine n8n's server uses: parameters
 * and expressions are resolved by n8n, credentials go through `authenticate`, and HTTP leaves through
 * n8n's own request helper (axios), so requests reach the sandbox over real sockets.
 */
export async function runWorkflow(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
	const nodeTypes = buildNodeTypes(options.extraNodeTypes);
	const workflow = new Workflow({
		id: workflowJson.id ?? 'test-workflow',
		name: workflowJson.name ?? 'Test workflow',
		nodes: workflowJson.nodes as INode[],
		connections: workflowJson.connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1', ...(workflowJson.settings ?? {}) },
		staticData: workflowJson.staticData,
	});
	const startNode = workflow.getStartNode();
	if (!startNode) throw new Error('The workflow has no start node');

	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', workflowJson as IWorkflowBase);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));

	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(packageCredentialTypes(), options.credentials ?? {}),
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${BASE}/rest`,
		instanceBaseUrl: `${BASE}/`,
		formWaitingBaseUrl: `${BASE}/form-waiting`,
		webhookBaseUrl: `${BASE}/webhook`,
		webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE}/webhook-test`,
		executeWorkflow: async () => ({ data: [], executionId: '' }),
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Code nodes are not available in the test harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const input: INodeExecutionData[] = (options.input ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: startNode, data: { main: [input] }, source: null }] },
	});

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
