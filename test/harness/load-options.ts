import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeCredentials,
	INodeListSearchResult,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { buildNodeTypes, packageCredentialTypes } from './node-types';

export interface ListSearchOptions {
	/** The node's parameters as the editor holds them while the user opens the list. */
	parameters: INodeParameters;
	/** Credentials selected on the node, by type: `{ infobipMessengerApi: { id: '1', name: 'x' } }`. */
	nodeCredentials: INodeCredentials;
	/** Credential data by credential type name, as the user typed it into n8n. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	filter?: string;
	paginationToken?: string;
}

/**
 * Calls a node's `methods.listSearch[method]` the way n8n's editor does (DynamicNodeParametersService):
 * inside n8n-core's real LoadOptionsContext, with the node's current parameters, real credential
 * handling (displayOptions of the credential checked, `authenticate` applied) and real HTTP.
 */
export async function runListSearch(nodeType: string, method: string, options: ListSearchOptions): Promise<INodeListSearchResult> {
	const nodeTypes = buildNodeTypes();
	const node: INode = {
		id: 'b0000000-0000-4000-8000-000000000001',
		name: 'Node',
		type: nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: options.nodeCredentials,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const resolvedNode = workflow.getNode(node.name) as INode;
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(packageCredentialTypes(), options.credentials),
		currentNodeParameters: resolvedNode.parameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, resolvedNode, additionalData, 'parameters');
	const type = nodeTypes.getByNameAndVersion(nodeType, 1);
	const search = 'methods' in type ? type.methods?.listSearch?.[method] : undefined;
	if (!search) throw new Error(`Node type "${nodeType}" has no listSearch method "${method}"`);
	return await search.call(context, options.filter, options.paginationToken);
}
