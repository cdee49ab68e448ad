// Infobip's current Messenger API in a real n8n: its incoming-message webhook starts the workflow and
// the reply goes out through POST /messenger/1/messages; the Messenger Inbox Trigger (version 2)
// drains the Messages API inbox (GET /messages-api/1/inbound), each message once, over several pulls.
import { SANDBOX_DEFAULTS } from '../../sandbox';
import { e2eContext, executionErrors, nodeOutput, webhookRegistered } from './support/context';
import { chain, credentialFor, sendNode, triggerNode, triggerUrl, TYPES } from './support/workflows';

const ctx = e2eContext();
const ids = ctx.state.credentials;

afterAll(() => ctx.cleanup());

describe('Infobip Messenger API webhook through a real n8n', () => {
	const PSID = '7400000000000001';
	const SECRET = 'e2e-messenger-api-secret-0123456789';
	const workflow = chain('E2E Infobip Messenger API', [
		{ ...triggerNode('infobipMessenger', ids, { authentication: 'pathSecret', secret: SECRET }), credentials: credentialFor('infobipMessenger', ids) },
		sendNode('Reply', 'infobipMessenger', ids, { recipient: '={{ $json.senderId }}', text: '=Messenger API echo: {{ $json.text }}' }),
	]);
	const url = triggerUrl(ctx.state.n8nUrl, workflow, SECRET);
	let workflowId = '';

	beforeAll(async () => {
		workflowId = await ctx.deploy(workflow);
		await webhookRegistered(url);
		await ctx.sandbox.patchConfig({ infobip: { messengerApi: { inboundUrl: url } } });
	});
	afterAll(() => ctx.sandbox.patchConfig({ infobip: { messengerApi: { inboundUrl: null } } }));

	it('runs the workflow on an incoming message and replies through /messenger/1/messages from the page', async () => {
		const since = Date.now();
		const result = await ctx.sandbox.user({ via: 'infobip-messenger', from: PSID, kind: 'text', text: 'hello Messenger API' });
		expect(result.delivery?.status).toBe(200);
		const [reply] = await ctx.sandbox.waitForDelivered({ provider: 'infobip-messenger', recipient: PSID, since });
		expect(reply.message).toEqual({ sender: SANDBOX_DEFAULTS.pageId, content: { type: 'TEXT', text: 'Messenger API echo: hello Messenger API' } });
		const [execution] = await ctx.n8n.waitForExecutions(workflowId, 1);
		expect({ status: execution.status, errors: executionErrors(execution) }).toEqual({ status: 'success', errors: 'none' });
		expect(nodeOutput(execution, 'Messenger Trigger')[0]).toMatchObject({ provider: 'infobipMessenger', eventType: 'text', senderId: PSID, text: 'hello Messenger API' });
		expect(nodeOutput(execution, 'Reply')[0]).toMatchObject({ provider: 'infobipMessenger', recipient: PSID, status: 'accepted' });
	});
});

describe('Messages API inbox polling through a real n8n', () => {
	const PSID = '7400000000000002';

	it('drains 1,200 waiting messages on activation, each once and in order, in pulls of 500', async () => {
		await ctx.sandbox.queueMessagesApiInbound({ count: 1200, from: PSID, text: 'queued' });
		const seq = await ctx.sandbox.lastSeq();
		const workflow = chain('E2E Messages API inbox', [
			{
				name: 'Inbox',
				type: TYPES.inboxTrigger,
				typeVersion: 2,
				parameters: { inbox: 'infobipMessenger', pollTimes: { item: [{ mode: 'everyMinute' }] }, pullLimit: 500 },
				credentials: credentialFor('infobipMessenger', ids),
			},
		]);
		const workflowId = await ctx.deploy(workflow);
		// n8n polls once when it activates a polling trigger, then on its schedule.
		const [execution] = await ctx.n8n.waitForExecutions(workflowId, 1, 60_000);
		expect({ status: execution.status, errors: executionErrors(execution) }).toEqual({ status: 'success', errors: 'none' });
		const items = nodeOutput(execution, 'Inbox');
		expect(items.map((item) => item.text)).toEqual(Array.from({ length: 1200 }, (_, i) => `queued ${i + 1}`));
		expect(new Set(items.map((item) => item.senderId))).toEqual(new Set([PSID]));
		expect(await ctx.sandbox.messagesApiPending()).toBe(0);
		const { entries } = await ctx.sandbox.log({ since: seq, routeId: 'infobip-messenger.inbound-pull' });
		expect(entries.slice(0, 3).map((entry) => [entry.query.channel, entry.query.limit, (entry.response as { results: unknown[] }).results.length])).toEqual([
			['MESSENGER', '500', 500],
			['MESSENGER', '500', 500],
			['MESSENGER', '500', 200],
		]);
	});
});
