// What n8n's editor shows for the trigger: its canvas subtitle, evaluated by n8n's own expression
// engine, names the provider as users know it, not the stored value.
import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { MessengerTrigger } from '../../../nodes/MessengerTrigger/MessengerTrigger.node';
import { buildNodeTypes } from '../../harness/node-types';

const description = new MessengerTrigger().description;

describe('Messenger Trigger in the editor', () => {
	it.each([
		['meta', 'via Meta'],
		['infobip', 'via Infobip'],
		['cm', 'via CM.com'],
	])('the canvas subtitle for provider %s is "%s"', (provider, subtitle) => {
		const node: INode = {
			id: 'trigger',
			name: 'Messenger Trigger',
			type: 'n8n-nodes-messenger.messengerTrigger',
			typeVersion: description.defaultVersion ?? 1,
			position: [0, 0],
			parameters: { provider },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: buildNodeTypes() });
		expect(workflow.expression.getSimpleParameterValue(node, description.subtitle as string, 'internal', {})).toBe(subtitle);
	});

	it('describes the Messenger pair, because n8n shows its description for the merged picker entry', () => {
		expect(description.description).toMatch(/send and receive/i);
	});
});
