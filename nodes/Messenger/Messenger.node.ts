import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { runWithConcurrency } from '../shared/concurrency';
import { InputValidationError } from '../shared/model/validate';
import { getProvider } from '../shared/providers';
import { prepareSend, sendPrepared, type PreparedSend } from '../shared/send';
import { credentialsForProviders, messengerProperties } from './descriptions';
import { DEFAULT_CONCURRENCY } from './descriptions/options';
import { readSendPolicy, readSendRequest } from './read-request';

function numberOption(options: IDataObject, name: string, fallback: number): number {
	const value = Number(options[name]);
	return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The failed item's output under Continue On Fail: the message, and what n8n's error adds. */
function errorJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
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
		subtitle: '={{$parameter["operation"] + " via " + $parameter["provider"]}}',
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
				output[itemIndex] = { json: errorJson(error), pairedItem: { item: itemIndex } };
			}
		}

		let failure: { itemIndex: number; error: Error } | undefined;
		await runWithConcurrency(
			items.length,
			concurrency,
			async (itemIndex) => {
				const ready = prepared[itemIndex];
				if (!ready) return;
				prepared[itemIndex] = undefined;
				try {
					const result = await sendPrepared({ fn: this, itemIndex, adapter, credentials, retry }, ready);
					output[itemIndex] = { json: result as unknown as IDataObject, pairedItem: { item: itemIndex } };
				} catch (caught) {
					const error = asItemError(caught, itemIndex);
					if (continueOnFail) {
						output[itemIndex] = { json: errorJson(error), pairedItem: { item: itemIndex } };
					} else if (!failure || itemIndex < failure.itemIndex) {
						failure = { itemIndex, error };
					}
				}
			},
			() => failure !== undefined,
		);
		if (failure) throw failure.error;
		return [output];
	}
}
