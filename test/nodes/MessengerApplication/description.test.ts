import type { INode, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { MessengerApplication } from '../../../nodes/MessengerApplication/MessengerApplication.node';

// What the editor shows: which credentials a configuration asks for, and that every operation is wired.
describe('Messenger Application: node description', () => {
	const node = new MessengerApplication();
	const { description } = node;

	/** Parameters as n8n resolves them (defaults filled in, hidden ones dropped), then the active credentials. */
	function activeCredentials(parameters: INodeParameters): string[] {
		const resolved = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, null, description);
		const instance = { parameters: resolved, typeVersion: 1 } as unknown as INode;
		return [...(NodeHelpers.getActiveCredentialTypes(instance, description) ?? [])].sort();
	}

	it.each([
		[{ resource: 'infobipApplication', operation: 'create' }, ['facebookPageMessengerApi', 'infobipMessengerApi']],
		[{ resource: 'infobipApplication', operation: 'update' }, ['facebookPageMessengerApi', 'infobipMessengerApi']],
		[{ resource: 'infobipApplication', operation: 'create', facebookPage: 'manual' }, ['infobipMessengerApi']],
		[{ resource: 'infobipApplication', operation: 'getAll' }, ['infobipMessengerApi']],
		[{ resource: 'infobipApplication', operation: 'delete' }, ['infobipMessengerApi']],
		[{ resource: 'pageSubscription', operation: 'subscribe' }, ['facebookPageMessengerApi']],
		[{ resource: 'messengerProfile', operation: 'set' }, ['facebookPageMessengerApi']],
		[{ resource: 'userProfile', operation: 'get' }, ['facebookPageMessengerApi']],
	])('%j asks for %j', (parameters, expected) => {
		expect(activeCredentials(parameters)).toEqual(expected);
	});

	it('is usable as an AI tool and lists every operation with an action', () => {
		expect(description.usableAsTool).toBe(true);
		const operations = description.properties.filter((p) => p.name === 'operation');
		expect(operations).toHaveLength(4);
		for (const property of operations) {
			for (const option of property.options as Array<{ action?: string }>) expect(option.action).toBeTruthy();
		}
	});

	it('keeps secrets typed into the node in password fields', () => {
		for (const name of ['pageAccessToken', 'facebookAppSecret']) {
			expect(description.properties.find((p) => p.name === name)?.typeOptions?.password).toBe(true);
		}
	});
});
