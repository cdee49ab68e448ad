// Infobip in a real n8n: the HTTP-forward webhook (secret in the path), the inbox polling trigger
// (pull once, reply to each message), and the Messenger Application node creating an Infobip
// application for the page, each answering through the sandbox's Infobip v1 API.
import { SANDBOX_DEFAULTS } from '../../sandbox';
import { callWebhook, e2eContext, eventually, executionErrors, nodeOutput, sleep, webhookRegistered } from './support/context';
import { chain, credentialFor, sendNode, triggerNode, triggerUrl, TYPES, webhookNode } from './support/workflows';

const ctx = e2eContext();
const ids = ctx.state.credentials;

afterAll(() => ctx.cleanup());

describe('Infobip HTTP forward through a real n8n', () => {
	const PSID = '7200000000000001';
	const SECRET = 'e2e-forward-secret-0123456789';
	const workflow = chain('E2E Infobip forward', [
		triggerNode('infobip', ids, { authentication: 'pathSecret', secret: SECRET }),
		sendNode('Reply', 'infobip', ids, { recipient: '={{ $json.senderId }}', text: '=Infobip echo: {{ $json.text }}' }),
	]);
	const url = triggerUrl(ctx.state.n8nUrl, workflow, SECRET);
	let workflowId = '';

	beforeAll(async () => {
		workflowId = await ctx.deploy(workflow);
		await webhookRegistered(url);
		await ctx.sandbox.patchConfig({ infobip: { forwardUrl: url } });
	});
	afterAll(() => ctx.sandbox.patchConfig({ infobip: { forwardUrl: null } }));

	it('runs the workflow on a forwarded text message and replies through /facebook/1/single', async () => {
		const since = Date.now();
		const result = await ctx.sandbox.user({ via: 'infobip-forward', from: PSID, kind: 'text', text: 'hello from Infobip' });
		expect(result.delivery?.status).toBe(200);
		const [reply] = await ctx.sandbox.waitForDelivered({ provider: 'infobip', recipient: PSID, since });
		expect(reply.message).toEqual({
			from: SANDBOX_DEFAULTS.infobipApplicationKey,
			to: PSID,
			message: { type: 'TEXT', text: 'Infobip echo: hello from Infobip' },
		});
		const [execution] = await ctx.n8n.waitForExecutions(workflowId, 1);
		expect({ status: execution.status, errors: executionErrors(execution) }).toEqual({ status: 'success', errors: 'none' });
		expect(nodeOutput(execution, 'Messenger Trigger')[0]).toMatchObject({ provider: 'infobip', eventType: 'text', senderId: PSID, text: 'hello from Infobip' });
	});

	it('refuses a forward without the path secret before any execution', async () => {
		const wrong = `${url.slice(0, -SECRET.length)}not-the-secret`;
		const response = await fetch(wrong, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ results: [], messageCount: 0, pendingMessageCount: 0 }),
		});
		expect([401, 403]).toContain(response.status);
		await sleep(500);
		expect(await ctx.n8n.executions(workflowId)).toHaveLength(1);
	});
});

describe('Infobip inbox polling through a real n8n', () => {
	const PSID = '7200000000000002';

	it('pulls every waiting message once on activation and replies to each', async () => {
		const since = Date.now();
		for (const text of ['first', 'second', 'third']) {
			await ctx.sandbox.user({ via: 'infobip-pull', from: PSID, kind: 'text', text });
		}
		const workflow = chain('E2E Infobip inbox', [
			{ name: 'Inbox', type: TYPES.inboxTrigger, parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, pullLimit: 2 }, credentials: credentialFor('infobip', ids) },
			sendNode('Reply', 'infobip', ids, { recipient: '={{ $json.senderId }}', text: '=Pulled: {{ $json.text }}' }),
		]);
		const workflowId = await ctx.deploy(workflow);
		// n8n polls once when it activates a polling trigger, then on its schedule.
		const replies = await ctx.sandbox.waitForDelivered({ provider: 'infobip', recipient: PSID, since }, 3);
		// The Messenger node sends items concurrently: the replies' order is not the items' order.
		expect(replies.map((r) => (r.message as { message: { text: string } }).message.text).sort()).toEqual(['Pulled: first', 'Pulled: second', 'Pulled: third']);
		const [execution] = await ctx.n8n.waitForExecutions(workflowId, 1);
		expect({ status: execution.status, errors: executionErrors(execution) }).toEqual({ status: 'success', errors: 'none' });
		expect(execution.mode).toBe('trigger');
		expect(nodeOutput(execution, 'Inbox').map((e) => e.text)).toEqual(['first', 'second', 'third']);
		// Pulled once: the inbox is empty now, with pageSize 2 it took two pulls plus none more.
		const { entries } = await ctx.sandbox.log({ routeId: 'infobip.inbox' });
		expect(entries.map((e) => (e.response as { messageCount: number }).messageCount)).toEqual([2, 1]);
		const left = await fetch(`${ctx.state.sandboxUrl}/facebook/1/inbox/reports`, { headers: { authorization: `App ${SANDBOX_DEFAULTS.infobipApiKey}` } });
		expect(((await left.json()) as { messageCount: number }).messageCount).toBe(0);
	});
});

describe('Messenger Application node through a real n8n', () => {
	it('creates an Infobip application for the Facebook page (and reuses it the second time)', async () => {
		const path = `e2e-application-${Date.now()}`;
		const workflow = chain('E2E Infobip application', [
			webhookNode(path),
			{
				name: 'Create Infobip application',
				type: TYPES.application,
				parameters: { resource: 'infobipApplication', operation: 'create', facebookPage: 'credential', ifExists: 'reuse' },
				credentials: { ...credentialFor('infobip', ids), ...credentialFor('meta', ids) },
			},
		]);
		await ctx.deploy(workflow);
		const before = (await ctx.sandbox.log({ routeId: 'infobip.applications' })).lastSeq;
		const first = await callWebhook(`${ctx.state.n8nUrl}/webhook/${path}`);
		expect({ status: first.status, body: first.json }).toMatchObject({ status: 200 });
		const [created] = first.json as Array<Record<string, unknown>>;
		expect(created).toMatchObject({ change: 'created' });
		const { entries } = await ctx.sandbox.log({ routeId: 'infobip.applications', since: before });
		const post = entries.find((e) => e.method === 'POST');
		expect(post?.status).toBeLessThan(300);
		expect(post?.body).toMatchObject({ facebook: { page: { accessToken: SANDBOX_DEFAULTS.pageAccessToken } } });

		const second = await eventually(async () => {
			const answer = await callWebhook(`${ctx.state.n8nUrl}/webhook/${path}`);
			expect(answer.status).toBe(200);
			return answer;
		});
		expect((second.json as Array<Record<string, unknown>>)[0].change).not.toBe('created');
	});
});
