// Runs the Messenger node through the real harness (WorkflowExecute, n8n's credential handling and
// HTTP stack) against the provider sandbox, and reads back what the sandbox received.
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { LogEntry, Sandbox } from '../../../sandbox';
import { runWorkflow, type RunResult, type WorkflowJson } from '../../harness/run-workflow';
import { singleNodeWorkflow, type NodeSettings } from '../../harness/workflows';
import { startReceiver as startRecordingReceiver, type Receiver } from '../../support/receiver';
import { CREDENTIAL_TYPES, sandboxCredentials } from '../../support/credentials';
import type { ProviderName } from '../../../nodes/shared/providers';

export type Provider = ProviderName;

export const NODE_TYPE = 'n8n-nodes-messenger.messenger';

export { CREDENTIAL_TYPES, sandboxCredentials } from '../../support/credentials';

export const ROUTES: Record<Provider, string> = { infobip: 'infobip.single', infobipMessenger: 'infobip-messenger.send', cm: 'cm.message', meta: 'meta.messages' };

/** Every secret the sandbox accounts have: none may appear in any output or error. */
export function secretsOf(sandbox: Sandbox): string[] {
	const { infobip, cm, meta } = sandbox.config;
	return [infobip.apiKey, infobip.basicPassword, cm.productToken, meta.pageAccessToken, meta.appSecret];
}

export interface SendOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** Retry On Fail with Max Tries and Wait Between Tries, as set on the node's Settings tab. */
	retryOnFail?: Omit<NodeSettings, 'continueOnFail' | 'retryOnFail'>;
	credentials?: ICredentialDataDecryptedObject;
	workflow?: WorkflowJson;
	extraNodeTypes?: Record<string, INodeType>;
}

export interface SendOutcome {
	result: RunResult;
	items: INodeExecutionData[];
	error?: Error;
	/** Requests the sandbox received on the provider's send route, in order. */
	sent: LogEntry[];
}

/** Runs Manual Trigger → Messenger with `parameters` (the provider is added) and collects the outcome. */
export async function send(sandbox: Sandbox, provider: Provider, parameters: INodeParameters, options: SendOptions = {}): Promise<SendOutcome> {
	const workflow =
		options.workflow ??
		singleNodeWorkflow(
			NODE_TYPE,
			{ provider, ...parameters },
			{ [CREDENTIAL_TYPES[provider]]: { id: '1', name: `${provider} sandbox` } },
			{ continueOnFail: options.continueOnFail, ...(options.retryOnFail ? { retryOnFail: true, ...options.retryOnFail } : {}) },
		);
	const result = await runWorkflow(workflow, {
		input: options.input,
		credentials: { [CREDENTIAL_TYPES[provider]]: options.credentials ?? sandboxCredentials(sandbox, provider) },
		extraNodeTypes: options.extraNodeTypes,
	});
	const error = result.nodeError('Messenger') ?? result.nodeError('Node');
	let items: INodeExecutionData[] = [];
	try {
		items = result.output(workflow.nodes[workflow.nodes.length - 1].name);
	} catch {
		items = [];
	}
	return { result, items, error, sent: sandbox.log.filter((entry) => entry.routeId === ROUTES[provider]) };
}

/** The body of the only request on the provider's send route. */
export function onlyBody(outcome: SendOutcome): unknown {
	expect(outcome.sent).toHaveLength(1);
	return outcome.sent[0].body;
}

/** A webhook receiver that answers 200 to everything: where the sandbox posts simulated user events. */
export async function startReceiver(): Promise<Receiver> {
	return await startRecordingReceiver(undefined, '/hook');
}

/** A notification token for `psid`, issued the way the provider issues it: the user accepts an opt-in. */
export async function notificationToken(sandbox: Sandbox, provider: 'cm' | 'meta', psid: string, receiverUrl: string): Promise<string> {
	if (provider === 'cm') sandbox.config.cm.inboundUrl = receiverUrl;
	else sandbox.config.meta.webhookUrl = receiverUrl;
	const { body } = await sandbox.user({ via: provider, kind: 'optin', from: psid, payload: 'DEALS' });
	const text = JSON.stringify(body);
	const match = /"(?:notificationToken|notification_messages_token)":"([^"]+)"/.exec(text);
	if (!match) throw new Error(`no notification token in ${text}`);
	return match[1];
}

/**
 * A node that turns each input item's `{base64, fileName, mimeType}` into a binary field `data`,
 * through n8n's own prepareBinaryData (the binary data service, in its default in-memory mode), the
 * way a Read File or HTTP Request node hands files to the next node.
 */
export class BinarySource implements INodeType {
	description = {
		displayName: 'Binary Source',
		name: 'binarySource',
		group: ['transform'],
		version: 1,
		description: 'Test helper: emits binary data',
		defaults: { name: 'Binary Source' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const { base64, fileName, mimeType } = items[i].json as { base64: string; fileName: string; mimeType: string };
			const data = await this.helpers.prepareBinaryData(Buffer.from(base64, 'base64'), fileName, mimeType);
			output.push({ json: { fileName }, binary: { data }, pairedItem: { item: i } });
		}
		return [output];
	}
}

/** Manual Trigger → Binary Source → Messenger (named "Node", as singleNodeWorkflow names it). */
export function binaryWorkflow(provider: Provider, parameters: INodeParameters, continueOnFail = false): WorkflowJson {
	const base = singleNodeWorkflow(NODE_TYPE, { provider, ...parameters }, { [CREDENTIAL_TYPES[provider]]: { id: '1', name: provider } }, { continueOnFail });
	const [start, messenger] = base.nodes;
	return {
		...base,
		nodes: [
			start,
			{ id: 'a0000000-0000-4000-8000-000000000009', name: 'Binary Source', type: 'test.binarySource', typeVersion: 1, position: [110, 0], parameters: {} },
			messenger,
		],
		connections: {
			[start.name]: { main: [[{ node: 'Binary Source', type: NodeConnectionTypes.Main, index: 0 }]] },
			'Binary Source': { main: [[{ node: messenger.name, type: NodeConnectionTypes.Main, index: 0 }]] },
		},
	};
}
