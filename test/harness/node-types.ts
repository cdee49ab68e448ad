import type {
	ICredentialType,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import { CmComMessengerApi } from '../../credentials/CmComMessengerApi.credentials';
import { FacebookPageMessengerApi } from '../../credentials/FacebookPageMessengerApi.credentials';
import { InfobipMessengerApi } from '../../credentials/InfobipMessengerApi.credentials';
import { Messenger } from '../../nodes/Messenger/Messenger.node';
import { MessengerApplication } from '../../nodes/MessengerApplication/MessengerApplication.node';
import { MessengerInboxTrigger } from '../../nodes/MessengerInboxTrigger/MessengerInboxTrigger.node';
import { MessengerTrigger } from '../../nodes/MessengerTrigger/MessengerTrigger.node';

export const PACKAGE_PREFIX = 'n8n-nodes-messenger';

/**
 * Workflows exported from n8n start with n8n's Manual Trigger; this is its behaviour (one empty item,
 * or the items a test passes in) without installing all of n8n-nodes-base.
 */
class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Every node type the package ships, under the names n8n gives them when the package is installed. */
export function packageNodeTypes(): Record<string, INodeType> {
	return {
		[`${PACKAGE_PREFIX}.messenger`]: new Messenger(),
		[`${PACKAGE_PREFIX}.messengerApplication`]: new MessengerApplication(),
		[`${PACKAGE_PREFIX}.messengerTrigger`]: new MessengerTrigger(),
		[`${PACKAGE_PREFIX}.messengerInboxTrigger`]: new MessengerInboxTrigger(),
	};
}

export function packageCredentialTypes(): Map<string, ICredentialType> {
	const types = [new InfobipMessengerApi(), new CmComMessengerApi(), new FacebookPageMessengerApi()];
	return new Map(types.map((type) => [type.name, type]));
}

export function buildNodeTypes(extra: Record<string, INodeType> = {}): INodeTypes {
	const all: Record<string, INodeType | IVersionedNodeType> = {
		'n8n-nodes-base.manualTrigger': new ManualTrigger() as INodeType,
		...packageNodeTypes(),
		...extra,
	};
	const get = (name: string): INodeType | IVersionedNodeType => {
		const type = all[name];
		if (!type) throw new Error(`Unknown node type "${name}" (known: ${Object.keys(all).join(', ')})`);
		return type;
	};
	return {
		getByName: get,
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(get(name), version),
		getKnownTypes: () => ({}),
	};
}
