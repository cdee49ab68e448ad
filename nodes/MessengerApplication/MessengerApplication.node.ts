import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { InputValidationError } from '../shared/model/setup-input';
import { SEARCH_APPLICATIONS_METHOD, searchInfobipApplications } from './application-search';
import { actionSubtitle, credentialDescriptions, facebookPageSourceProperties, resourceProperty } from './descriptions/common';
import { infobipApplicationFields, infobipApplicationNotice, infobipApplicationOperations } from './descriptions/infobipApplication';
import { messengerProfileFields, messengerProfileOperations } from './descriptions/messengerProfile';
import { pageSubscriptionFields, pageSubscriptionOperations } from './descriptions/pageSubscription';
import { userProfileFields, userProfileOperations } from './descriptions/userProfile';
import { infobipApplicationOperations as infobipApplicationActions } from './operations/infobipApplication';
import { messengerProfileOperations as messengerProfileActions } from './operations/messengerProfile';
import { pageSubscriptionOperations as pageSubscriptionActions } from './operations/pageSubscription';
import { userProfileOperations as userProfileActions } from './operations/userProfile';

const ACTIONS: Record<string, Record<string, (ctx: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>>> = {
	infobipApplication: infobipApplicationActions,
	pageSubscription: pageSubscriptionActions,
	messengerProfile: messengerProfileActions,
	userProfile: userProfileActions,
};

export class MessengerApplication implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Messenger Application',
		name: 'messengerApplication',
		icon: { light: 'file:../../icons/messenger.svg', dark: 'file:../../icons/messenger.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: actionSubtitle([
			infobipApplicationOperations,
			pageSubscriptionOperations,
			messengerProfileOperations,
			userProfileOperations,
		]),
		description:
			'Set up Facebook Messenger: Infobip applications, page webhook subscriptions, Messenger profile and user profiles',
		defaults: { name: 'Messenger Application' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialDescriptions,
		properties: [
			resourceProperty,
			infobipApplicationOperations,
			pageSubscriptionOperations,
			messengerProfileOperations,
			userProfileOperations,
			...facebookPageSourceProperties,
			infobipApplicationNotice,
			...infobipApplicationFields,
			...pageSubscriptionFields,
			...messengerProfileFields,
			...userProfileFields,
		],
	};

	methods = {
		listSearch: {
			[SEARCH_APPLICATIONS_METHOD]: searchInfobipApplications,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const action = ACTIONS[resource]?.[operation];
		if (!action) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
		}
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const results = await action(this, itemIndex);
				for (const json of results) output.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				const failure =
					error instanceof InputValidationError
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
