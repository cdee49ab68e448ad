import type { INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from './run-workflow';

/** Manual Trigger -> one node of the package, the smallest workflow a user builds. */
export function singleNodeWorkflow(
	nodeType: string,
	parameters: INodeParameters,
	credentials: Record<string, { id: string; name: string }> = {},
	nodeSettings: { continueOnFail?: boolean } = {},
): WorkflowJson {
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
				...(nodeSettings.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
	};
}
