// Workflow JSON as the n8n editor exports it, built for the end-to-end tests. Node types are the
// package's as n8n names installed community nodes: `n8n-nodes-messenger.<node>`.
import { randomUUID } from 'node:crypto';
import type { WorkflowJson } from '../../../scripts/lib/n8n-api';
import type { SandboxCredentialIds } from '../../../scripts/lib/messenger-setup';

export const TYPES = {
	messenger: 'n8n-nodes-messenger.messenger',
	trigger: 'n8n-nodes-messenger.messengerTrigger',
	inboxTrigger: 'n8n-nodes-messenger.messengerInboxTrigger',
	application: 'n8n-nodes-messenger.messengerApplication',
	webhook: 'n8n-nodes-base.webhook',
} as const;

export type Provider = 'meta' | 'infobip' | 'infobipMessenger' | 'cm';

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	onError?: string;
}

const CREDENTIAL_TYPES: Record<Provider, { type: string; key: keyof SandboxCredentialIds; name: string }> = {
	meta: { type: 'facebookPageMessengerApi', key: 'facebookPage', name: 'Sandbox Facebook Page' },
	infobip: { type: 'infobipMessengerApi', key: 'infobip', name: 'Sandbox Infobip' },
	// Infobip's current API and the legacy v1 share one credential type (and here one credential).
	infobipMessenger: { type: 'infobipMessengerApi', key: 'infobip', name: 'Sandbox Infobip' },
	cm: { type: 'cmComMessengerApi', key: 'cm', name: 'Sandbox CM.com' },
};

export function credentialFor(provider: Provider, ids: SandboxCredentialIds): Record<string, { id: string; name: string }> {
	const c = CREDENTIAL_TYPES[provider];
	return { [c.type]: { id: ids[c.key], name: c.name } };
}

/** Nodes in a row, each feeding the next. */
export function chain(name: string, nodes: Array<Omit<WorkflowNode, 'id' | 'position' | 'typeVersion'> & { typeVersion?: number }>): WorkflowJson {
	const full: WorkflowNode[] = nodes.map((node, i) => ({ typeVersion: 1, ...node, id: randomUUID(), position: [i * 220, 0] }));
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < full.length - 1; i++) {
		connections[full[i].name] = { main: [[{ node: full[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes: full, connections, settings: { executionOrder: 'v1' } };
}

/**
 * A Messenger Trigger node of the current version; its production URL is
 * `<n8n>/webhook/<webhookId>/webhook[/<secret>]`. Infobip and CM.com triggers need an `authentication`
 * (and its secret) in `parameters`: version 3 does not activate without one. Meta's is the App Secret
 * of the sandbox credential.
 */
export function triggerNode(provider: Provider, ids: SandboxCredentialIds, parameters: Record<string, unknown> = {}) {
	return {
		name: 'Messenger Trigger',
		type: TYPES.trigger,
		typeVersion: 3,
		webhookId: randomUUID(),
		parameters: { provider, events: ['text', 'attachment', 'quick_reply', 'postback'], options: {}, ...parameters },
		...(provider === 'meta' ? { credentials: credentialFor('meta', ids) } : {}),
	};
}

/** A Messenger (send) node; `parameters` are the node's own (operation, text, recipient...). */
export function sendNode(name: string, provider: Provider, ids: SandboxCredentialIds, parameters: Record<string, unknown>) {
	return {
		name,
		type: TYPES.messenger,
		parameters: { provider, resource: 'message', operation: 'text', inputMode: 'fields', options: {}, ...parameters },
		credentials: credentialFor(provider, ids),
	};
}

/** An n8n Webhook node that answers with the last node's items once the workflow has run. */
export function webhookNode(path: string) {
	return {
		name: 'Webhook',
		type: TYPES.webhook,
		typeVersion: 2.1,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
}

/** The URL with `user:password@` in it, as a provider that can only call a URL is given basic auth. */
export function withBasicAuth(url: string, user: string, password: string): string {
	const withUser = new URL(url);
	withUser.username = user;
	withUser.password = password;
	return withUser.toString();
}

export function triggerUrl(n8nUrl: string, workflow: WorkflowJson, secret?: string): string {
	const trigger = (workflow.nodes as WorkflowNode[]).find((n) => n.type === TYPES.trigger);
	if (!trigger?.webhookId) throw new Error(`workflow ${workflow.name} has no Messenger Trigger`);
	return `${n8nUrl}/webhook/${trigger.webhookId}/webhook${secret ? `/${secret}` : ''}`;
}
