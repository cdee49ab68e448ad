// The Messenger node's panel as n8n evaluates it: which parameters n8n keeps for a set of values
// (hidden ones dropped, defaults filled in) and which it shows. Shared by the description tests.
import type { INode, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Messenger } from '../../../nodes/Messenger/Messenger.node';

const description = new Messenger().description;

export const nodeOf = (parameters: INodeParameters): INode => ({
	id: '1',
	name: 'Messenger',
	type: 'n8n-nodes-messenger.messenger',
	typeVersion: 1,
	position: [0, 0],
	parameters,
});

/** The parameters n8n keeps for these values: hidden ones are dropped, defaults filled in. */
export function resolved(values: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(description.properties, values, true, false, nodeOf(values), description) ?? {};
}

/** The top-level parameters the panel shows for these values. */
export function visible(values: INodeParameters): INodeProperties[] {
	const parameters = resolved(values);
	return description.properties.filter((property) => NodeHelpers.displayParameter(parameters, property, nodeOf(parameters), description));
}
