// What n8n's "Test credential" button runs for a credential type's declarative `test`, rebuilt from
// n8n's CredentialsTester (packages/cli/src/services/credentials-tester.service.ts, testCredentials):
// a one-property node type whose routing request is the test request, run by n8n-core's RoutingNode
// through an ExecuteContext (so expressions, `authenticate` and the HTTP stack are n8n's own). A thrown
// request error becomes a `responseCode` rule's message or the HTTP status text; a successful answer is
// checked against the `responseSuccessBody` rules, the first whose key (a lodash path) holds the value
// failing the test with its message.
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INode,
	INodeExecutionData,
	INodeType,
	IDataObject,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { buildAdditionalData } from '../harness/runtime';
import { buildNodeTypes } from '../harness/node-types';

export interface CredentialTestOutcome {
	ok: boolean;
	message: string;
}

const TEMP_NODE_TYPE = 'credentialTest.temp';

function valueAt(data: unknown, path: string): unknown {
	let current: unknown = data;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

export async function runCredentialTest(type: ICredentialType, credentials: ICredentialDataDecryptedObject): Promise<CredentialTestOutcome> {
	if (!type.test || !('request' in type.test)) throw new Error(`${type.name} has no declarative test request`);
	const test = type.test;
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: TEMP_NODE_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: TEMP_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type.name]: { id: 'test', name: 'Credential under test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: buildNodeTypes({ [TEMP_NODE_TYPE]: nodeType }),
	});
	const additionalData = buildAdditionalData({ credentials: { [type.name]: credentials } });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData({ resultData: { runData: {} } }),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, { id: 'test', name: 'Credential under test', type: type.name, data: credentials });

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (caught) {
		const error = caught as Error & { cause?: { response?: { status: number; statusText?: string }; code?: string } };
		const failed = error.cause?.response;
		if (failed) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === failed.status) return { ok: false, message: rule.properties.message };
			}
			if (failed.status < 199 || failed.status > 299) {
				return { ok: false, message: failed.statusText || `Received HTTP status code: ${failed.status}` };
			}
		} else if (error.cause?.code) {
			return { ok: false, message: error.cause.code };
		}
		return { ok: false, message: error.message };
	}
	const body = response?.[0]?.[0]?.json;
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && valueAt(body, rule.properties.key) === rule.properties.value) {
			return { ok: false, message: rule.properties.message };
		}
	}
	return { ok: true, message: 'Connection successful!' };
}
