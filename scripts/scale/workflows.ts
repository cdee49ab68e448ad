// The two echo bots of the scale run. Both answer a Meta text message with `echo: <text>` to its sender.
//  - ours: Messenger Trigger (Meta, signed; registers its webhook at the sandbox) -> Messenger (send text)
//  - hand-built, as users do without this package: n8n's Webhook node -> HTTP Request node posting
//    hand-written Graph JSON (no signature check, no limits, no retries beyond n8n's own).
import { randomUUID } from 'node:crypto';
import { appsecretProof, SANDBOX_DEFAULTS } from '../../sandbox';
import type { WorkflowJson } from '../lib/n8n-api';
import type { SandboxCredentialIds } from '../lib/messenger-setup';

const node = (name: string, type: string, typeVersion: number, x: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position: [x, 0],
	parameters,
	...extra,
});

/**
 * `retryOnFail`: n8n's own node setting (Settings > Retry On Fail, 3 tries, 1 s apart) on the send
 * node, which also retries what the node itself never retries (HTTP 500: it may have been delivered).
 */
export function oursWorkflow(credentials: SandboxCredentialIds, retryOnFail = false): { workflow: WorkflowJson; webhookPath: string } {
	const webhookId = randomUUID();
	const credential = { facebookPageMessengerApi: { id: credentials.facebookPage, name: 'Sandbox Facebook Page' } };
	return {
		webhookPath: `/webhook/${webhookId}/webhook`,
		workflow: {
			name: `Scale: echo bot (n8n-nodes-messenger)${retryOnFail ? ', Retry On Fail' : ''}`,
			nodes: [
				// Version 3: signatures checked with the sandbox credential's App Secret, redeliveries dropped.
				// The Retry On Fail variant takes the app's one callback URL over from the first echo bot on
				// purpose: Meta allows one per app, and the trigger refuses to take it silently.
				node(
					'Messenger Trigger',
					'n8n-nodes-messenger.messengerTrigger',
					3,
					0,
					{ provider: 'meta', events: ['text'], ...(retryOnFail ? { takeOverCallback: true } : {}), options: {} },
					{ webhookId, credentials: credential },
				),
				node(
					'Reply',
					'n8n-nodes-messenger.messenger',
					1,
					220,
					{ provider: 'meta', resource: 'message', operation: 'text', inputMode: 'fields', recipient: '={{ $json.senderId }}', text: '=echo: {{ $json.text }}', options: {} },
					{ credentials: credential, ...(retryOnFail ? { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 } : {}) },
				),
			],
			connections: { 'Messenger Trigger': { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
	};
}

export function handBuiltWorkflow(sandboxUrl: string): { workflow: WorkflowJson; webhookPath: string } {
	const path = `hand-built-echo-${randomUUID().slice(0, 8)}`;
	const token = SANDBOX_DEFAULTS.pageAccessToken;
	const event = '$json.body.entry[0].messaging[0]';
	return {
		webhookPath: `/webhook/${path}`,
		workflow: {
			name: 'Scale: echo bot (Webhook + HTTP Request)',
			nodes: [
				node('Webhook', 'n8n-nodes-base.webhook', 2.1, 0, { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} }, { webhookId: randomUUID() }),
				node('HTTP Request', 'n8n-nodes-base.httpRequest', 4.2, 220, {
					method: 'POST',
					url: `${sandboxUrl}/v25.0/me/messages`,
					sendQuery: true,
					queryParameters: {
						parameters: [
							{ name: 'access_token', value: token },
							// What a user pastes in: the proof computed once for this token.
							{ name: 'appsecret_proof', value: appsecretProof(token, SANDBOX_DEFAULTS.appSecret) },
						],
					},
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ recipient: { id: ${event}.sender.id }, messaging_type: 'RESPONSE', message: { text: 'echo: ' + ${event}.message.text } }) }}`,
					options: {},
				}),
			],
			connections: { Webhook: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
	};
}
