import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { LogEntry, Sandbox } from '../../../sandbox';
import { runWorkflow, type RunResult } from '../../harness/run-workflow';
import { singleNodeWorkflow } from '../../harness/workflows';
import { CREDENTIAL_TYPES, sandboxCredentials } from '../../support/credentials';

export const NODE_TYPE = 'n8n-nodes-messenger.messengerApplication';

export const NODE_CREDENTIALS = {
	[CREDENTIAL_TYPES.infobip]: { id: '1', name: 'Infobip sandbox' },
	[CREDENTIAL_TYPES.meta]: { id: '2', name: 'Sandbox page' },
};

export function infobipCredentials(sandbox: Sandbox, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return sandboxCredentials(sandbox, 'infobip', { defaultSender: '', ...overrides });
}

export function pageCredentials(sandbox: Sandbox, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return sandboxCredentials(sandbox, 'meta', { verifyToken: '', ...overrides });
}

export interface RunNodeOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
	infobip?: ICredentialDataDecryptedObject;
	page?: ICredentialDataDecryptedObject;
}

/** Manual Trigger -> Messenger Application, through the real WorkflowExecute, against the sandbox. */
export async function runNode(sandbox: Sandbox, parameters: Record<string, unknown>, options: RunNodeOptions = {}): Promise<RunResult> {
	const workflow = singleNodeWorkflow(NODE_TYPE, parameters as INodeParameters, NODE_CREDENTIALS, { continueOnFail: options.continueOnFail });
	return await runWorkflow(workflow, {
		input: options.input,
		credentials: {
			infobipMessengerApi: options.infobip ?? infobipCredentials(sandbox),
			facebookPageMessengerApi: options.page ?? pageCredentials(sandbox),
		},
	});
}

/** The node's output items' json, failing the test with the node's error if it stopped. */
export function jsonOf(result: RunResult): IDataObject[] {
	const error = result.nodeError('Node');
	if (error) throw error;
	return result.output('Node').map((item) => item.json);
}

/** Requests the node made, as `METHOD path` (routes of the sandbox's own `__sandbox` API excluded). */
export function calls(sandbox: Sandbox): string[] {
	return providerCalls(sandbox).map((entry) => `${entry.method} ${entry.path}`);
}

export function providerCalls(sandbox: Sandbox): LogEntry[] {
	return sandbox.log.filter((entry) => entry.provider !== 'sandbox');
}
