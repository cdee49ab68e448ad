// What n8n's "Test credential" button does with a credential type's declarative `test`: resolve the
// request's expressions against the credential data, apply the type's `authenticate`, send it, then
// fail on an HTTP error (unless the request ignores them) or on a matching `responseSuccessBody` rule.
import axios from 'axios';
import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { buildNodeTypes } from '../harness/node-types';

export interface CredentialTestOutcome {
	ok: boolean;
	message?: string;
	status: number;
	headers: Record<string, unknown>;
}

const node: INode = { id: 'c', name: 'Credential test', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

export async function runCredentialTest(type: ICredentialType, credentials: ICredentialDataDecryptedObject): Promise<CredentialTestOutcome> {
	if (!type.test || !('request' in type.test)) throw new Error(`${type.name} has no declarative test request`);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: buildNodeTypes() });
	const resolve = (value: unknown): unknown =>
		typeof value === 'string' && value.startsWith('=')
			? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '')
			: value;
	const { request } = type.test;
	let options: IHttpRequestOptions = {
		...(request as IHttpRequestOptions),
		baseURL: String(resolve(request.baseURL)),
		url: String(resolve(request.url)),
	};
	if (typeof type.authenticate === 'function') options = await type.authenticate(credentials, options);
	else if (type.authenticate?.type === 'generic') {
		const headers = Object.fromEntries(Object.entries(type.authenticate.properties.headers ?? {}).map(([k, v]) => [k, resolve(v)]));
		options = { ...options, headers: { ...options.headers, ...(headers as Record<string, string>) } };
	}
	const response = await axios.request({
		method: options.method,
		baseURL: options.baseURL,
		url: options.url,
		params: options.qs,
		data: options.body,
		headers: options.headers as Record<string, string>,
		validateStatus: () => true,
	});
	const outcome = { status: response.status, headers: options.headers as Record<string, unknown> };
	if (response.status >= 400 && !request.ignoreHttpStatusErrors) return { ...outcome, ok: false, message: `HTTP ${response.status}` };
	for (const rule of type.test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && response.data?.[rule.properties.key] === rule.properties.value) {
			return { ...outcome, ok: false, message: rule.properties.message };
		}
	}
	return { ...outcome, ok: true };
}
