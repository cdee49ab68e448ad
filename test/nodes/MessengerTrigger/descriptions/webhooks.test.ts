import type { INode, INodeParameters, IWebhookDescription } from 'n8n-workflow';
import { resolveWebhookDescriptionField, Workflow } from 'n8n-workflow';

import {
	isFullPathOf,
	setupMethodOf,
	setupUrlHiddenOf,
	templateOf,
	triggerWebhooks,
	webhookPathOf,
} from '../../../../nodes/MessengerTrigger/descriptions/webhooks';
import { buildNodeTypes, PACKAGE_PREFIX } from '../../../harness/node-types';

const FIELDS = ['path', 'isFullPath'] as const;
const AUTH_MODES = ['none', 'headerSecret', 'pathSecret', 'basicAuth'];

/** The trigger as n8n holds it in a workflow: parameters with the node type's defaults applied. */
function triggerNode(parameters: INodeParameters, typeVersion = 1): { workflow: Workflow; node: INode } {
	const workflow = new Workflow({
		nodes: [
			{
				id: 'trigger',
				name: 'Messenger Trigger',
				type: `${PACKAGE_PREFIX}.messengerTrigger`,
				typeVersion,
				position: [0, 0],
				webhookId: 'hook-id',
				parameters,
			},
		],
		connections: {},
		active: true,
		nodeTypes: buildNodeTypes(),
	});
	return { workflow, node: workflow.nodes['Messenger Trigger'] };
}

function byExpression(workflow: Workflow, node: INode, template: unknown): unknown {
	return workflow.expression.getSimpleParameterValue(node, template as string, 'internal', {});
}

describe('Messenger Trigger webhook description', () => {
	it('declares a GET handshake and a POST delivery webhook with the same routing fields', () => {
		const [setup, delivery] = triggerWebhooks;
		expect([setup.name, delivery.name, delivery.httpMethod]).toEqual(['setup', 'default', 'POST']);
		for (const field of FIELDS) expect(setup[field]).toBe(delivery[field]);
	});

	// n8n registers one route per method in the (comma-separated) list and skips an empty one
	// (WebhookService.getNodeWebhooks), and the editor hides a webhook whose ndvHideUrl is true.
	describe.each([
		['meta', 'GET', false],
		['infobip', '', true],
		['cm', '', true],
	] as const)('the GET handshake webhook for provider %s', (provider, method, hidden) => {
		const setup = triggerWebhooks[0];

		it.each([1, 3])('version %i: method "%s" and hidden URL, natively and by expression alike', (typeVersion) => {
			const { workflow, node } = triggerNode({ provider }, typeVersion);
			expect(resolveWebhookDescriptionField(node, setup, 'httpMethod')).toEqual({ resolved: true, value: method });
			expect(resolveWebhookDescriptionField(node, setup, 'ndvHideUrl')).toEqual({ resolved: true, value: hidden });
			expect(byExpression(workflow, node, setup.httpMethod)).toBe(method);
			expect(byExpression(workflow, node, setup.ndvHideUrl)).toBe(hidden);
			expect(byExpression(workflow, node, templateOf(setupMethodOf))).toBe(method);
			expect(byExpression(workflow, node, templateOf(setupUrlHiddenOf))).toBe(hidden);
		});
	});

	it('a node saved without a provider is a Meta node and keeps its GET handshake', () => {
		expect(setupMethodOf({})).toBe('GET');
		expect(setupUrlHiddenOf({})).toBe(false);
		const { node } = triggerNode({});
		expect(node.parameters.provider).toBe('meta');
		expect(resolveWebhookDescriptionField(node, triggerWebhooks[0], 'httpMethod')).toEqual({ resolved: true, value: 'GET' });
	});

	describe.each(AUTH_MODES)('authentication %s', (authentication) => {
		const parameters = { provider: 'infobip', authentication, secret: 'the-secret' };
		const expected = { path: webhookPathOf(parameters), isFullPath: isFullPathOf(parameters) };

		it.each(FIELDS)('%s resolves natively, without the expression runtime, when no parameter is an expression', (field) => {
			const { node } = triggerNode(parameters);
			for (const hook of triggerWebhooks) {
				expect(resolveWebhookDescriptionField(node, hook, field)).toEqual({ resolved: true, value: expected[field] });
			}
		});

		it.each(FIELDS)('%s: the expression n8n falls back to gives the same value as the native resolver', (field) => {
			const { workflow, node } = triggerNode(parameters);
			for (const hook of triggerWebhooks) expect(byExpression(workflow, node, hook[field])).toBe(expected[field]);
		});

		it.each(FIELDS)('%s: with the mode given as an expression n8n evaluates the template, to the same value', (field) => {
			const { workflow, node } = triggerNode({ ...parameters, authentication: `={{ "${authentication}" }}` });
			const hook = triggerWebhooks[1];
			expect(resolveWebhookDescriptionField(node, hook, field)).toEqual({ resolved: false });
			expect(byExpression(workflow, node, hook[field])).toBe(expected[field]);
		});

		it.each(FIELDS)('%s: the plain template older n8n servers read evaluates to the same value', (field) => {
			const { workflow, node } = triggerNode(parameters);
			const fn = field === 'path' ? webhookPathOf : isFullPathOf;
			expect(byExpression(workflow, node, templateOf(fn))).toBe(expected[field]);
		});
	});

	it('adds the :secret segment only in path-secret mode, and only then registers a full path', () => {
		expect(AUTH_MODES.map((authentication) => webhookPathOf({ authentication }))).toEqual([
			'webhook',
			'webhook',
			'webhook/:secret',
			'webhook',
		]);
		expect(AUTH_MODES.filter((authentication) => isFullPathOf({ authentication }))).toEqual(['pathSecret']);
		// Meta format has no authentication parameter shown; its default must give the plain path.
		const { node } = triggerNode({ provider: 'meta' });
		expect(resolveWebhookDescriptionField(node, triggerWebhooks[1] as IWebhookDescription, 'path')).toEqual({
			resolved: true,
			value: 'webhook',
		});
	});
});
