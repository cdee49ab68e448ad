import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { MessageValidationError } from '../shared/model/validate';
import { getProvider } from '../shared/providers';
import { sendMessage } from '../shared/send';
import { credentialsForProviders, providerProperty } from './descriptions/provider';
import { operationProperty, optionsProperty, recipientProperties, textProperties } from './descriptions/send';

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
		properties: [providerProperty, operationProperty, ...recipientProperties, ...textProperties, optionsProperty],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const adapter = getProvider(this.getNodeParameter('provider', itemIndex) as string);
				const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
				const result = await sendMessage(this, itemIndex, adapter, {
					sender: (options.sender as string | undefined) || undefined,
					recipient: { kind: 'psid', id: String(this.getNodeParameter('recipient', itemIndex)) },
					message: { type: 'text', text: String(this.getNodeParameter('text', itemIndex)) },
				});
				output.push({ json: result as unknown as IDataObject, pairedItem: { item: itemIndex } });
			} catch (error) {
				const failure =
					error instanceof MessageValidationError
						? new NodeOperationError(this.getNode(), error.message, { itemIndex, description: `Field: ${error.field}` })
						: error;
				if (this.continueOnFail()) {
					output.push({ json: { error: (failure as Error).message }, pairedItem: { item: itemIndex } });
					continue;
				}
				throw failure;
			}
		}
		return [output];
	}
}
