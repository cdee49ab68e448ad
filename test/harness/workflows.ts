import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from './run-workflow';

/** The node's Settings tab: Continue On Fail, and Retry On Fail with its Max Tries and Wait Between Tries (ms). */
export interface NodeSettings extends Partial<Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>> {
	continueOnFail?: boolean;
}

/** Manual Trigger -> one node of the package, the smallest workflow a user builds. */
export function singleNodeWorkflow(
	nodeType: string,
	parameters: INodeParameters,
	credentials: Record<string, { id: string; name: string }> = {},
	nodeSettings: NodeSettings = {},
): WorkflowJson {
	const { continueOnFail, ...retry } = nodeSettings;
	return {
		name: `Test ${nodeType}`,
		nodes: [
			{
				id: 'a0000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'a0000000-0000-4000-8000-000000000002',
				name: 'Node',
				type: nodeType,
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials,
				...retry,
				...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
	};
}
