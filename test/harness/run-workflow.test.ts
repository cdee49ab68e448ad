import { runWorkflow } from './run-workflow';
import { singleNodeWorkflow } from './workflows';
import { useSandbox } from '../support/sandbox';

// Proves the harness itself: a workflow exported the way n8n exports it runs through n8n-core's
// WorkflowExecute, expressions resolve, credentials authenticate through both of n8n's forms
// (function and generic), and the request reaches the sandbox over a real socket.
describe('runWorkflow against the provider sandbox', () => {
	const sandbox = useSandbox();



	beforeEach(() => sandbox.clearLog());

	const alice = () => sandbox.config.users[0].psid;

	it('sends through a function-authenticated credential, with expressions resolved per item', async () => {
		const { infobip } = sandbox.config;
		const workflow = singleNodeWorkflow(
			'n8n-nodes-messenger.messenger',
			{ provider: 'infobip', operation: 'text', recipient: '={{ $json.to }}', text: '=Hello {{ $json.name }}' },
			{ infobipMessengerApi: { id: '1', name: 'Infobip sandbox' } },
		);
		const result = await runWorkflow(workflow, {
			input: [{ to: alice(), name: 'Alice' }],
			credentials: {
				infobipMessengerApi: {
					baseUrl: sandbox.url,
					authType: 'apiKey',
					apiKey: infobip.apiKey,
					defaultSender: infobip.applicationKeys[0],
				},
			},
		});

		expect(result.executionOrder).toEqual(['Start', 'Node']);
		const [item] = result.output('Node');
		expect(item.json).toMatchObject({ provider: 'infobip', recipient: alice(), status: 'accepted' });
		expect(typeof item.json.messageId).toBe('string');

		const sent = sandbox.log.filter((entry) => entry.routeId === 'infobip.single');
		expect(sent).toHaveLength(1);
		expect(sent[0].headers.authorization).toBe(`App ${infobip.apiKey}`);
		expect(sent[0].body).toEqual({
			from: infobip.applicationKeys[0],
			to: alice(),
			message: { type: 'TEXT', text: 'Hello Alice' },
		});
		expect(sandbox.delivered.map((message) => message.messageId)).toContain(item.json.messageId);
	});

	it('resolves a generic credential ({{$credentials.x}}) into the header n8n would send', async () => {
		const { cm } = sandbox.config;
		const workflow = singleNodeWorkflow(
			'n8n-nodes-messenger.messenger',
			{ provider: 'cm', operation: 'text', recipient: alice(), text: 'Hi from CM' },
			{ cmComMessengerApi: { id: '2', name: 'CM sandbox' } },
		);
		const result = await runWorkflow(workflow, {
			credentials: { cmComMessengerApi: { productToken: cm.productToken, baseUrl: sandbox.url, pageId: cm.pageIds[0] } },
		});

		expect(result.output('Node')[0].json).toMatchObject({ provider: 'cm', recipient: alice() });
		const [entry] = sandbox.log.filter((logged) => logged.routeId === 'cm.message');
		expect(entry.headers['x-cm-producttoken']).toBe(cm.productToken);
	});

	it('reports a node that failed, without the secret it was given', async () => {
		const workflow = singleNodeWorkflow(
			'n8n-nodes-messenger.messenger',
			{ provider: 'infobip', operation: 'text', recipient: alice(), text: 'x' },
			{ infobipMessengerApi: { id: '1', name: 'Infobip sandbox' } },
		);
		const wrongKey = 'not-the-sandbox-key-3f9a';
		const result = await runWorkflow(workflow, {
			credentials: {
				infobipMessengerApi: {
					baseUrl: sandbox.url,
					authType: 'apiKey',
					apiKey: wrongKey,
					defaultSender: sandbox.config.infobip.applicationKeys[0],
				},
			},
		});

		const error = result.nodeError('Node');
		expect(error?.message).toMatch(/Infobip/);
		expect(sandbox.log.at(-1)?.status).toBe(401);
		expect(JSON.stringify(result.run)).not.toContain(wrongKey);
	});
});
