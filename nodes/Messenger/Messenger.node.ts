import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { runWithConcurrency } from '../shared/concurrency';
import { deliveryLedger, requestFingerprint, type LedgerScope } from '../shared/delivery-ledger';
import type { SendResult } from '../shared/model/message';
import { InputValidationError } from '../shared/model/validate';
import { getProvider } from '../shared/providers';
import { isDeliveryUncertain, prepareSend, sendPrepared, type PreparedSend } from '../shared/send';
import { SenderAuthority } from '../shared/sender-auth';
import { deliveryReport, type ItemOutcome } from './delivery-report';
import { credentialsForProviders, messengerProperties, messengerSubtitle } from './descriptions';
import { DEFAULT_CONCURRENCY } from './descriptions/options';
import { readSendPolicy, readSendRequest } from './read-request';

const UNCERTAIN = 'delivery uncertain, not re-sent to avoid a duplicate';
const DELIVERED_EARLIER = 'Delivered by an earlier try of this node in this execution (Retry On Fail); not sent again';

function numberOption(options: IDataObject, name: string, fallback: number): number {
	const value = Number(options[name]);
	return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * Where this run's outcomes are kept between the tries of Retry On Fail: the execution, the node and
 * its run index (a node that runs again in a loop sends again). Without an execution id there is none.
 */
function ledgerScope(fn: IExecuteFunctions): LedgerScope | undefined {
	const executionId = fn.getExecutionId();
	if (!executionId) return undefined;
	const node = fn.getNode();
	const runIndex = Number(fn.getWorkflowDataProxy(0).$runIndex);
	return { executionId, nodeId: node.id || node.name, runIndex: Number.isInteger(runIndex) ? runIndex : 0 };
}

/** The failed item's output under Continue On Fail: the message, and what n8n's error adds. */
function errorJson(error: Error, uncertain = false): IDataObject {
	const json: IDataObject = { error: uncertain && !error.message.includes(UNCERTAIN) ? `${error.message} (${UNCERTAIN})` : error.message };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.description) json.description = error.description;
		if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
		if (error.context.providerCode) json.code = error.context.providerCode as string;
		if (error.context.field) json.field = error.context.field as string;
	}
	return json;
}

export class Messenger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Messenger',
		name: 'messenger',
		icon: { light: 'file:../../icons/messenger.svg', dark: 'file:../../icons/messenger.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: messengerSubtitle,
		description: 'Send Facebook Messenger messages through Infobip, CM.com or Meta\'s Graph API',
		defaults: { name: 'Messenger' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsForProviders,
		properties: messengerProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const adapter = getProvider(this.getNodeParameter('provider', 0) as string);
		const settings = this.getNodeParameter('options', 0, {}) as IDataObject;
		const retry = readSendPolicy(this);
		const concurrency = numberOption(settings, 'concurrency', DEFAULT_CONCURRENCY) || 1;
		const credentials = await this.getCredentials(adapter.credentialType, 0);
		const continueOnFail = this.continueOnFail();
		const output: INodeExecutionData[] = new Array(items.length);
		const asItemError = (caught: unknown, itemIndex: number): Error => {
			if (!(caught instanceof InputValidationError)) return caught as Error;
			const error = new NodeOperationError(this.getNode(), caught.message, { itemIndex, description: `Field: ${caught.field}` });
			error.context.field = caught.field;
			return error;
		};

		// Every item is read and validated before the first message leaves: one bad item fails the node
		// with nothing sent, instead of half a batch delivered and the rest lost with the error.
		const prepared: Array<PreparedSend | undefined> = new Array(items.length);
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				prepared[itemIndex] = prepareSend(adapter, credentials, await readSendRequest(this, itemIndex));
			} catch (caught) {
				const error = asItemError(caught, itemIndex);
				if (!continueOnFail) throw error;
				output[itemIndex] = { json: { ...errorJson(error), delivery: 'failed' }, pairedItem: { item: itemIndex } };
			}
		}

		const outcomes: Array<ItemOutcome | undefined> = new Array(items.length);
		const succeeded = (itemIndex: number, result: SendResult) => {
			outcomes[itemIndex] = { state: 'delivered', messageId: result.messageId };
			const json = result as unknown as IDataObject;
			output[itemIndex] = { json: continueOnFail ? { ...json, delivery: 'delivered' } : json, pairedItem: { item: itemIndex } };
		};
		let failure: { itemIndex: number; error: Error } | undefined;
		const failed = (itemIndex: number, error: Error, uncertain: boolean) => {
			outcomes[itemIndex] = { state: uncertain ? 'uncertain' : 'failed' };
			if (continueOnFail) {
				const json = { ...errorJson(error, uncertain), delivery: uncertain ? 'uncertain' : 'failed' };
				output[itemIndex] = { json, pairedItem: { item: itemIndex } };
			} else if (!failure || itemIndex < failure.itemIndex) {
				failure = { itemIndex, error };
			}
		};

		// A credential that speaks for many pages gets each page's token before the first message leaves,
		// once per page: a page whose token cannot be had fails its own items, naming the page, and the
		// other pages' items still go (with Continue On Fail; without it, nothing is sent).
		// An item an earlier try of this execution already settled (Retry On Fail) needs no token: the
		// ledger answers for it below, whatever the page's token is now.
		const scope = ledgerScope(this);
		// Each item's fingerprint once, read by the token step and by the send below.
		const fingerprints = prepared.map((ready) => (scope && ready ? requestFingerprint(ready.request) : ''));
		const settledEarlier = (itemIndex: number) => !!scope && deliveryLedger.lookup(scope, itemIndex, fingerprints[itemIndex]) !== undefined;
		const senders = new SenderAuthority(this, adapter, adapter.senderTokens, credentials);
		if (senders.perSender) {
			await runWithConcurrency(items.length, concurrency, async (itemIndex) => {
				const ready = prepared[itemIndex];
				if (!ready?.request.sender || settledEarlier(itemIndex)) return;
				try {
					await senders.authFor(ready.request.sender, itemIndex);
				} catch (caught) {
					prepared[itemIndex] = undefined;
					failed(itemIndex, caught as Error, false);
				}
			});
			if (failure) throw withDeliveryReport(failure.error, outcomes);
		}

		await runWithConcurrency(
			items.length,
			concurrency,
			async (itemIndex) => {
				const ready = prepared[itemIndex];
				if (!ready) return;
				prepared[itemIndex] = undefined;
				const fingerprint = fingerprints[itemIndex];
				const earlier = scope ? deliveryLedger.lookup(scope, itemIndex, fingerprint) : undefined;
				if (earlier?.state === 'delivered') {
					succeeded(itemIndex, { ...earlier.result, warnings: [...(earlier.result.warnings ?? []), DELIVERED_EARLIER] });
					return;
				}
				if (earlier?.state === 'uncertain') {
					const error = new NodeOperationError(this.getNode(), `Item ${itemIndex}: ${UNCERTAIN}`, {
						itemIndex,
						description: `An earlier try of this node in this execution failed without knowing whether the message went out (${earlier.reason}). Check the recipient's conversation before sending it again.`,
					});
					error.context.deliveryUncertain = true;
					failed(itemIndex, error, true);
					return;
				}
				try {
					const result = await senders.run(ready.request.sender ?? '', itemIndex, (auth) =>
						sendPrepared({ fn: this, itemIndex, adapter, credentials, retry, auth }, ready),
					);
					if (scope) deliveryLedger.record(scope, itemIndex, fingerprint, { state: 'delivered', result });
					succeeded(itemIndex, result);
				} catch (caught) {
					const error = asItemError(caught, itemIndex);
					const uncertain = isDeliveryUncertain(error);
					if (scope && uncertain) deliveryLedger.record(scope, itemIndex, fingerprint, { state: 'uncertain', reason: error.message });
					failed(itemIndex, error, uncertain);
				}
			},
			() => failure !== undefined,
		);
		if (failure) throw withDeliveryReport(failure.error, outcomes);
		// A run with nothing left to retry needs no record; with Continue On Fail, n8n re-runs the node
		// while its first output item carries `error`, so those runs keep theirs until they expire.
		if (scope && outcomes.every((outcome) => outcome?.state === 'delivered')) deliveryLedger.forget(scope);
		return [output];
	}
}

/** The error of the first failed item, with what happened to the others: delivered (with ids), uncertain, not sent. */
function withDeliveryReport(error: Error, outcomes: ReadonlyArray<ItemOutcome | undefined>): Error {
	const report = deliveryReport(outcomes);
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	const uncertainNote = error.context.deliveryUncertain === true && !error.message.includes(UNCERTAIN) ? `This item's ${UNCERTAIN}.` : '';
	error.description = [error.description, uncertainNote, report.text].filter(Boolean).join(' ');
	error.context.delivered = report.delivered;
	if (report.uncertain.length) error.context.uncertain = report.uncertain;
	return error;
}
