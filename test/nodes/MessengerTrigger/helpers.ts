import { randomUUID } from 'node:crypto';

import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { ProviderName } from '../../../nodes/shared/providers';
import type { SandboxConfig } from '../../../sandbox';
import type { WorkflowJson } from '../../harness/run-workflow';
import { CREDENTIAL_TYPES, SANDBOX_CREDENTIALS } from '../../support/credentials';

export const TRIGGER = 'Messenger Trigger';
export const VERIFY_TOKEN = 'verify-token-7c41b9';

/** A workflow holding the trigger (and optionally nodes after it), as n8n saves it. */
export function triggerWorkflow(parameters: INodeParameters, more: Partial<WorkflowJson> = {}, typeVersion = 2): WorkflowJson {
	return {
		name: 'Messenger Trigger test',
		nodes: [
			{
				id: 'b0000000-0000-4000-8000-000000000001',
				name: TRIGGER,
				type: 'n8n-nodes-messenger.messengerTrigger',
				typeVersion,
				position: [0, 0],
				// A fresh webhook id too: it names the trigger, and the trigger remembers recent events per trigger.
				webhookId: randomUUID(),
				parameters,
				// A fresh id each time, as for a newly created credential: the trigger keeps a credential's
				// secrets for a few seconds by id, and each test brings its own credential data.
				credentials: parameters.provider === 'meta' ? { facebookPageMessengerApi: { id: randomUUID(), name: 'Page' } } : {},
			},
			...(more.nodes ?? []),
		],
		connections: more.connections ?? {},
	};
}

/**
 * A Messenger node named Reply after the trigger, for `triggerWorkflow`'s `more`: `parameters` are the
 * send node's own, and its credential is the one of their provider (the test supplies its data).
 */
export function replyAfterTrigger(parameters: INodeParameters & { provider: ProviderName }): Partial<WorkflowJson> {
	return {
		nodes: [
			{
				id: 'b0000000-0000-4000-8000-000000000002',
				name: 'Reply',
				type: 'n8n-nodes-messenger.messenger',
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: { [CREDENTIAL_TYPES[parameters.provider]]: { id: '9', name: 'Send' } },
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
	};
}

/** The Facebook Page credential as a user would fill it in for the sandbox's page and app. */
export function pageCredential(
	sandboxUrl: string,
	meta: SandboxConfig['meta'],
	overrides: Record<string, string> = {},
): Record<string, ICredentialDataDecryptedObject> {
	return { [CREDENTIAL_TYPES.meta]: { ...SANDBOX_CREDENTIALS.meta(sandboxUrl, { meta }), verifyToken: VERIFY_TOKEN, ...overrides } };
}

export interface HttpAnswer {
	status: number;
	body: string;
	headers: Headers;
}

export async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<HttpAnswer> {
	const response = await fetch(url, {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/json', ...headers },
	});
	return { status: response.status, body: await response.text(), headers: response.headers };
}

export async function get(url: string): Promise<HttpAnswer> {
	const response = await fetch(url);
	return { status: response.status, body: await response.text(), headers: response.headers };
}
