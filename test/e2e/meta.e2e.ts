// Meta Graph API in a real n8n: the Messenger Trigger registers its webhook at the sandbox's Graph API
// on activation (app subscription, verified through n8n's real webhook URL, and the page's
// subscribed_apps), answers the verify-token handshake, rejects unsigned or forged deliveries before
// any execution, and a signed message runs the workflow, whose Messenger node replies through Graph.
import { createHmac } from 'node:crypto';
import { SANDBOX_DEFAULTS } from '../../sandbox';
import { DEMO_VERIFY_TOKEN } from '../../scripts/lib/messenger-setup';
import type { N8nApiError } from '../../scripts/lib/n8n-api';
import { e2eContext, eventually, executionErrors, nodeOutput, sleep, webhookRegistered } from './support/context';
import { chain, sendNode, triggerNode, triggerUrl } from './support/workflows';

const ctx = e2eContext();
const PSID = '7100000000000001';
const workflow = chain('E2E Meta round trip', [
	triggerNode('meta', ctx.state.credentials),
	sendNode('Reply', 'meta', ctx.state.credentials, { recipient: '={{ $json.senderId }}', text: '=Meta echo: {{ $json.text }}' }),
]);
const url = triggerUrl(ctx.state.n8nUrl, workflow);
let workflowId = '';

interface AppSubscriptions {
	data: Array<{ object: string; callback_url: string; active: boolean; fields: Array<{ name: string }> }>;
}
interface SubscribedApps {
	data: Array<{ id: string; subscribed_fields: string[] }>;
}

function metaBody(text: string): string {
	return JSON.stringify({
		object: 'page',
		entry: [{ id: SANDBOX_DEFAULTS.pageId, time: Date.now(), messaging: [{ sender: { id: PSID }, recipient: { id: SANDBOX_DEFAULTS.pageId }, timestamp: Date.now(), message: { mid: `m_${Date.now()}`, text } }] }],
	});
}

const sign = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function post(body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
	return { status: response.status, text: await response.text() };
}

async function appSubscriptions() {
	return (await ctx.sandbox.graph<AppSubscriptions>(`/${SANDBOX_DEFAULTS.appId}/subscriptions`, 'app')).data.filter((s) => s.object === 'page');
}

beforeAll(async () => {
	workflowId = await ctx.deploy(workflow);
	await webhookRegistered(url);
	// The registration (app + page subscriptions) runs as part of n8n's activation, in the background.
	await eventually(async () => expect((await appSubscriptions()).map((s) => s.callback_url)).toEqual([url]), 20_000);
	await eventually(async () => expect((await ctx.sandbox.graph<SubscribedApps>(`/${SANDBOX_DEFAULTS.pageId}/subscribed_apps`)).data).toHaveLength(1));
});
afterAll(() => ctx.cleanup());

describe('Meta webhook through a real n8n', () => {
	it('subscribes the app to n8n\'s production webhook URL and the page to the app on activation', async () => {
		const [page] = await appSubscriptions();
		expect(page?.callback_url).toBe(url);
		expect(page?.active).toBe(true);
		expect(page?.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['messages', 'messaging_postbacks']));
		const subscribed = await ctx.sandbox.graph<SubscribedApps>(`/${SANDBOX_DEFAULTS.pageId}/subscribed_apps`);
		expect(subscribed.data.map((a) => a.id)).toEqual([SANDBOX_DEFAULTS.appId]);
		// The sandbox verified the callback with Meta's GET handshake before accepting it.
		const { entries } = await ctx.sandbox.log({ routeId: 'meta.app_subscriptions' });
		expect(entries.some((e) => e.method === 'POST' && e.status === 200)).toBe(true);
	});

	it('answers the verify-token handshake with the challenge, and 403 to a wrong token, starting nothing', async () => {
		const handshake = (token: string) =>
			fetch(`${url}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`);
		const right = await handshake(DEMO_VERIFY_TOKEN);
		expect(right.status).toBe(200);
		expect(await right.text()).toBe('1158201444');
		expect(right.headers.get('content-type')).toContain('text/plain');
		const wrong = await handshake('not-the-token');
		expect(wrong.status).toBe(403);
		await sleep(500);
		expect(await ctx.n8n.executions(workflowId)).toHaveLength(0);
	});

	it('rejects a forged, an unsigned and a re-serialized delivery before any execution', async () => {
		const body = metaBody('forged');
		const forged = await post(body, { 'x-hub-signature-256': sign(body, 'not-the-app-secret') });
		const unsigned = await post(body, {});
		const reserialized = JSON.stringify(JSON.parse(body), null, 1);
		const moved = await post(reserialized, { 'x-hub-signature-256': sign(body, SANDBOX_DEFAULTS.appSecret) });
		for (const answer of [forged, unsigned, moved]) {
			expect([401, 403]).toContain(answer.status);
			expect(answer.text).not.toContain('at ');
		}
		await sleep(1000);
		expect(await ctx.n8n.executions(workflowId)).toHaveLength(0);
		expect(await ctx.sandbox.delivered({ recipient: PSID })).toHaveLength(0);
	});

	it('runs the workflow on a signed text message and replies through Graph (one execution, one reply)', async () => {
		const since = Date.now();
		const result = await ctx.sandbox.user({ via: 'meta', from: PSID, kind: 'text', text: 'hello from Meta' });
		expect(result.delivery?.status).toBe(200);
		const [reply] = await ctx.sandbox.waitForDelivered({ provider: 'meta', recipient: PSID, since });
		expect(reply.message).toEqual({ text: 'Meta echo: hello from Meta' });

		const [execution] = await ctx.n8n.waitForExecutions(workflowId, 1);
		expect({ status: execution.status, errors: executionErrors(execution) }).toEqual({ status: 'success', errors: 'none' });
		expect(execution.mode).toBe('webhook');
		const [event] = nodeOutput(execution, 'Messenger Trigger');
		expect(event).toMatchObject({ provider: 'meta', eventType: 'text', senderId: PSID, pageId: SANDBOX_DEFAULTS.pageId, text: 'hello from Meta' });
		const [sent] = nodeOutput(execution, 'Reply');
		expect(JSON.stringify(sent)).toContain(reply.messageId);
		await sleep(500);
		expect(await ctx.sandbox.delivered({ recipient: PSID, since })).toHaveLength(1);
	});

	it('emits one item per event of a batched delivery, in order', async () => {
		const since = Date.now();
		await ctx.sandbox.user({ via: 'meta', from: PSID, kind: 'text', text: 'batched', batch: 3 });
		const replies = await ctx.sandbox.waitForDelivered({ provider: 'meta', recipient: PSID, since }, 3);
		expect(replies.map((r) => r.message)).toEqual(Array(3).fill({ text: 'Meta echo: batched' }));
		const executions = await ctx.n8n.waitForExecutions(workflowId, 2);
		expect(nodeOutput(executions[1], 'Messenger Trigger')).toHaveLength(3);
	});

	it('starts one execution when Meta delivers the same signed body again (a redelivery)', async () => {
		const since = Date.now();
		const body = metaBody('redelivered');
		const headers = { 'x-hub-signature-256': sign(body, SANDBOX_DEFAULTS.appSecret) };
		expect((await post(body, headers)).status).toBe(200);
		expect(await post(body, headers)).toMatchObject({ status: 200, text: 'EVENT_RECEIVED' });
		await ctx.sandbox.waitForDelivered({ provider: 'meta', recipient: PSID, since });
		await sleep(1000);
		expect(await ctx.n8n.executions(workflowId)).toHaveLength(3);
		expect(await ctx.sandbox.delivered({ recipient: PSID, since })).toHaveLength(1);
	});

	// The editor's "Execute step" on the trigger of the published workflow: n8n starts a test listener
	// (its /webhook-test/ URL) through the same REST call the editor makes. Meta keeps one callback per
	// app, so registering the test URL would switch the live bot off, and the test's end would delete it.
	it('a test run beside the published workflow refuses with the reason and leaves the live subscription', async () => {
		// The sandbox's log spans every e2e file: only what happens from here on counts.
		const before = (await ctx.sandbox.log({ routeId: 'meta.app_subscriptions' })).entries.reduce((max, e) => Math.max(max, e.seq), 0);
		const testRun = await ctx.n8n
			.rest('POST', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: 'Messenger Trigger' } })
			.then(
				() => undefined,
				(error: N8nApiError) => error,
			);
		// Stop the listener as the editor does when the user closes the test; a no-op when it never started.
		await ctx.n8n.rest('DELETE', `/test-webhook/${workflowId}`).catch(() => undefined);
		expect(testRun?.body).toMatch(/one callback URL per app/);
		expect(testRun?.body).toContain(url);
		// n8n removes a cancelled test's webhooks in the background; give it the time it takes.
		await sleep(2000);
		expect((await appSubscriptions()).map((s) => s.callback_url)).toEqual([url]);
		expect((await ctx.sandbox.graph<SubscribedApps>(`/${SANDBOX_DEFAULTS.pageId}/subscribed_apps`)).data).toHaveLength(1);
		const { entries } = await ctx.sandbox.log({ routeId: 'meta.app_subscriptions' });
		expect(entries.filter((e) => e.seq > before && e.method === 'DELETE')).toHaveLength(0);
	});

	it('removes the page subscription and the app subscription on deactivation', async () => {
		await ctx.n8n.deactivate(workflowId);
		await eventually(async () => expect(await appSubscriptions()).toEqual([]), 20_000);
		const subscribed = await ctx.sandbox.graph<SubscribedApps>(`/${SANDBOX_DEFAULTS.pageId}/subscribed_apps`);
		expect(subscribed.data).toEqual([]);
		// And n8n no longer serves the webhook: a signed delivery now starts nothing.
		await webhookRegistered(url, false);
		const body = metaBody('after deactivation');
		const answer = await post(body, { 'x-hub-signature-256': sign(body, SANDBOX_DEFAULTS.appSecret) });
		expect(answer.status).toBe(404);
		expect(await ctx.n8n.executions(workflowId)).toHaveLength(3);
	});
});
