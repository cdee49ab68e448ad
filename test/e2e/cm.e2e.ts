// CM.com in a real n8n: an inbound (MO) message delivered to the Messenger Trigger's URL runs the
// workflow, whose Messenger node replies through CM.com's /v1.0/message at the sandbox.
import { SANDBOX_DEFAULTS } from '../../sandbox';
import { e2eContext, executionErrors, nodeOutput, webhookRegistered } from './support/context';
import { chain, sendNode, triggerNode, triggerUrl } from './support/workflows';

const ctx = e2eContext();
const ids = ctx.state.credentials;
const PSID = '7300000000000001';
const workflow = chain('E2E CM.com round trip', [
	triggerNode('cm', ids),
	sendNode('Reply', 'cm', ids, { recipient: '={{ $json.senderId }}', text: '=CM echo: {{ $json.text }}' }),
]);
const url = triggerUrl(ctx.state.n8nUrl, workflow);
let workflowId = '';

beforeAll(async () => {
	workflowId = await ctx.deploy(workflow);
	await webhookRegistered(url);
	await ctx.sandbox.patchConfig({ cm: { inboundUrl: url } });
});
afterAll(async () => {
	await ctx.sandbox.patchConfig({ cm: { inboundUrl: null } });
	await ctx.cleanup();
});

describe('CM.com inbound (MO) through a real n8n', () => {
	it('runs the workflow on an inbound text message and replies through /v1.0/message', async () => {
		const since = Date.now();
		const result = await ctx.sandbox.user({ via: 'cm', from: PSID, kind: 'text', text: 'hello from CM' });
		expect(result.delivery?.status).toBe(200);
		const [reply] = await ctx.sandbox.waitForDelivered({ provider: 'cm', recipient: PSID, since });
		expect(reply.message).toMatchObject({ from: SANDBOX_DEFAULTS.pageId, body: { content: 'CM echo: hello from CM' } });
		const [execution] = await ctx.n8n.waitForExecutions(workflowId, 1);
		expect({ status: execution.status, errors: executionErrors(execution) }).toEqual({ status: 'success', errors: 'none' });
		expect(nodeOutput(execution, 'Messenger Trigger')[0]).toMatchObject({ provider: 'cm', eventType: 'text', senderId: PSID, text: 'hello from CM' });
	});

	it('runs the workflow on a quick-reply tap with its payload', async () => {
		const since = Date.now();
		await ctx.sandbox.user({ via: 'cm', from: PSID, kind: 'quick_reply', text: 'Yes please', payload: 'YES' });
		await ctx.sandbox.waitForDelivered({ provider: 'cm', recipient: PSID, since });
		const executions = await ctx.n8n.waitForExecutions(workflowId, 2);
		expect(nodeOutput(executions[1], 'Messenger Trigger')[0]).toMatchObject({ provider: 'cm', eventType: 'quick_reply', quickReplyPayload: 'YES' });
	});
});
