// CM.com in a real n8n: an inbound (MO) message delivered to the Messenger Trigger's URL runs the
// workflow, whose Messenger node replies through CM.com's /v1.0/message at the sandbox. CM.com can
// only call a URL, so the trigger uses basic auth given as https://user:password@host/... (the
// sandbox, like any HTTP client, sends it as an Authorization header).
import { SANDBOX_DEFAULTS } from '../../sandbox';
import { e2eContext, executionErrors, nodeOutput, sleep, webhookRegistered } from './support/context';
import { chain, sendNode, triggerNode, triggerUrl, withBasicAuth } from './support/workflows';

const ctx = e2eContext();
const ids = ctx.state.credentials;
const PSID = '7300000000000001';
const USER = 'cm-inbound';
const PASSWORD = 'e2e-cm-basic-password-4c8e1a';
const workflow = chain('E2E CM.com round trip', [
	triggerNode('cm', ids, { authentication: 'basicAuth', basicAuthUser: USER, basicAuthPassword: PASSWORD }),
	sendNode('Reply', 'cm', ids, { recipient: '={{ $json.senderId }}', text: '=CM echo: {{ $json.text }}' }),
]);
const url = triggerUrl(ctx.state.n8nUrl, workflow);
let workflowId = '';

beforeAll(async () => {
	workflowId = await ctx.deploy(workflow);
	await webhookRegistered(url);
	await ctx.sandbox.patchConfig({ cm: { inboundUrl: withBasicAuth(url, USER, PASSWORD) } });
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

	it('refuses a call without the user and password before any execution', async () => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: { number: PSID }, message: { text: 'x' } }) });
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
		await sleep(500);
		expect(await ctx.n8n.executions(workflowId)).toHaveLength(1);
	});

	it('runs the workflow on a quick-reply tap with its payload', async () => {
		const since = Date.now();
		await ctx.sandbox.user({ via: 'cm', from: PSID, kind: 'quick_reply', text: 'Yes please', payload: 'YES' });
		await ctx.sandbox.waitForDelivered({ provider: 'cm', recipient: PSID, since });
		const executions = await ctx.n8n.waitForExecutions(workflowId, 2);
		expect(nodeOutput(executions[1], 'Messenger Trigger')[0]).toMatchObject({ provider: 'cm', eventType: 'quick_reply', quickReplyPayload: 'YES' });
	});
});
