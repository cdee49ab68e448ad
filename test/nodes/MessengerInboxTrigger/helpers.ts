import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import type { WorkflowJson } from '../../harness/run-workflow';
import { CREDENTIAL_TYPES } from '../../support/credentials';

export const NODE = 'Inbox';

/**
 * The poll node alone. With `staticData`, one object per call: what n8n keeps for the trigger between
 * polls of the same workflow (the rate-limit wait). `typeVersion` 1 (the default here) always pulls
 * the v1 inbox; version 2 pulls the one its `inbox` parameter names.
 */
export function inboxWorkflow(parameters: INodeParameters = {}, { staticData = false, typeVersion = 1 } = {}): WorkflowJson {
	return {
		name: 'Inbox test',
		nodes: [
			{
				id: 'c0000000-0000-4000-8000-000000000001',
				name: NODE,
				type: 'n8n-nodes-messenger.messengerInboxTrigger',
				typeVersion,
				position: [0, 0],
				parameters,
				credentials: { [CREDENTIAL_TYPES.infobip]: { id: '1', name: 'Infobip' } },
			},
		],
		connections: {},
		...(staticData ? { staticData: {} as IDataObject } : {}),
	};
}

/** The Infobip credential for the sandbox's account, at `baseUrl` (a proxy or a dead port for some tests). */
export const inboxCredentials = (sandbox: Sandbox, baseUrl = sandbox.url) => ({
	[CREDENTIAL_TYPES.infobip]: { baseUrl, authType: 'apiKey', apiKey: sandbox.config.infobip.apiKey },
});
