// One Meta app with two pages, in a real n8n: one workflow answers both pages, each from its own page,
// with one system-user credential; a second workflow on the same app is refused while the first holds
// the app's one callback URL; the README's routing template (templates/) hands each page's events to
// its own sub-workflow.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { SANDBOX_DEFAULTS } from '../../sandbox';
import type { WorkflowJson } from '../../scripts/lib/n8n-api';
import { CREDENTIAL_NAMES } from '../../scripts/lib/messenger-setup';
import { e2eContext, eventually, executionErrors } from './support/context';
import { activateMetaWorkflow, deactivateMetaWorkflow, metaAppReleased, metaCallbackUrls } from './support/meta-app';
import { chain, sendNode, triggerNode, triggerUrl, type WorkflowNode } from './support/workflows';

const ctx = e2eContext();
const ids = ctx.state.credentials;
const d = SANDBOX_DEFAULTS;
const PAGES = [d.pageId, d.shopPageId];
const SYSTEM_USER = { facebookPageMessengerApi: { id: ids.facebookSystemUser, name: CREDENTIAL_NAMES.facebookSystemUser } };

afterAll(() => ctx.cleanup());

/** The Graph send requests since `seq`, with the page they were sent as and the token they carried. */
async function sendsSince(seq: number): Promise<Array<{ page: string; token: string | undefined }>> {
	const { entries } = await ctx.sandbox.log({ since: seq, routeId: 'meta.messages' });
	return entries
		.filter((entry) => entry.status === 200)
		.map((entry) => ({ page: entry.path.split('/')[2], token: String(entry.headers.authorization ?? '').replace(/^Bearer /, '') || undefined }));
}

describe('one workflow answers two pages of one app', () => {
	const workflow = chain('E2E two pages', [
		{ ...triggerNode('meta', ids, { options: { pageIds: PAGES.join(', ') } }), credentials: SYSTEM_USER },
		{
			...sendNode('Reply', 'meta', ids, {
				recipient: '={{ $json.senderId }}',
				text: '=Page {{ $json.pageId }} heard: {{ $json.text }}',
				options: { sender: '={{ $json.pageId }}' },
			}),
			credentials: SYSTEM_USER,
		},
	]);
	let workflowId = '';

	beforeAll(async () => {
		({ id: workflowId } = await activateMetaWorkflow(ctx, workflow));
	});
	afterAll(() => deactivateMetaWorkflow(ctx, workflowId));

	it('replies to each message from the page that received it, with that page\'s own token', async () => {
		const PSID = '7300000000000001';
		const seq = await ctx.sandbox.lastSeq();
		const since = Date.now();
		for (const page of PAGES) await ctx.sandbox.user({ via: 'meta', page, from: PSID, kind: 'text', text: `hi ${page}` });
		const replies = await ctx.sandbox.waitForDelivered({ provider: 'meta', recipient: PSID, since }, 2);
		expect(replies.map((reply) => ({ page: reply.pageId, text: (reply.message as { text?: string }).text })).sort((a, b) => String(a.page).localeCompare(String(b.page)))).toEqual(
			PAGES.map((page) => ({ page, text: `Page ${page} heard: hi ${page}` })),
		);
		const sends = await sendsSince(seq);
		expect(sends.sort((a, b) => a.page.localeCompare(b.page))).toEqual([
			{ page: d.pageId, token: d.pageAccessToken },
			{ page: d.shopPageId, token: d.shopPageAccessToken },
		]);
		const executions = await ctx.n8n.waitForExecutions(workflowId, 2);
		expect(executions.map((execution) => execution.status)).toEqual(['success', 'success']);
	});

	it('reads an expired page token again once, and the reply goes out once', async () => {
		const PSID = '7300000000000002';
		await ctx.sandbox.expirePageToken(d.shopPageId);
		const seq = await ctx.sandbox.lastSeq();
		const since = Date.now();
		await ctx.sandbox.user({ via: 'meta', page: d.shopPageId, from: PSID, kind: 'text', text: 'after expiry' });
		const [reply] = await ctx.sandbox.waitForDelivered({ provider: 'meta', recipient: PSID, since });
		expect(reply.pageId).toBe(d.shopPageId);
		const { entries } = await ctx.sandbox.log({ since: seq, routeId: 'meta.messages' });
		// The cached token is refused (190), a fresh one is read, the message is sent once.
		expect(entries.map((entry) => entry.status)).toEqual([400, 200]);
		expect(await ctx.sandbox.delivered({ provider: 'meta', recipient: PSID, since })).toHaveLength(1);
	});
});

describe('a second workflow on the same app', () => {
	// n8n 2.x publishes in the background: the API accepts the activation, and a trigger that refuses
	// to start is reported in the workflow's publication status (the editor shows it as a failed
	// activation), while the first workflow keeps the app's callback.
	it('fails to activate while the first holds the app\'s callback, naming that URL, and the first keeps it', async () => {
		const first = chain('E2E app owner', [triggerNode('meta', ids)]);
		const { id: firstId, url: firstUrl } = await activateMetaWorkflow(ctx, first);
		try {
			const second = chain('E2E second on the app', [triggerNode('meta', ids)]);
			const secondId = await ctx.deploy(second);
			const status = await eventually(async () => {
				const answer = JSON.stringify(await ctx.n8n.rest('GET', `/workflows/${secondId}/publication-status`));
				if (!answer.includes(firstUrl)) throw new Error(`no refusal in the publication status yet: ${answer.slice(0, 300)}`);
				return answer;
			}, 30_000);
			expect(status).toContain('Meta allows one callback URL per app');
			expect(await metaCallbackUrls(ctx)).toEqual([firstUrl]);
			await ctx.n8n.deactivate(secondId);
		} finally {
			await deactivateMetaWorkflow(ctx, firstId);
		}
	});
});

describe('the routing template: one receiving workflow, one sub-workflow per page', () => {
	const TEMPLATES = path.join(__dirname, '..', '..', 'templates');
	const template = (file: string): WorkflowJson => JSON.parse(readFileSync(path.join(TEMPLATES, file), 'utf8')) as WorkflowJson;
	const nodesOf = (workflow: WorkflowJson) => workflow.nodes as WorkflowNode[];
	let routerId = '';

	afterAll(async () => {
		if (routerId) await deactivateMetaWorkflow(ctx, routerId);
	});

	it('routes each page\'s message to its sub-workflow, which replies from that page', async () => {
		const subIds: string[] = [];
		for (const label of ['A', 'B']) {
			const sub = template('page-reply.json');
			sub.name = `E2E page ${label} replies`;
			const reply = nodesOf(sub).find((node) => node.type === 'n8n-nodes-messenger.messenger');
			if (!reply) throw new Error('page-reply.json has no Messenger node');
			reply.parameters.text = `=Sub-workflow ${label}: {{ $json.text }}`;
			reply.credentials = SYSTEM_USER;
			// n8n 2.x publishes a workflow only when the sub-workflows it calls are published.
			subIds.push(await ctx.deploy(sub));
		}
		const router = template('many-pages-router.json');
		router.name = 'E2E page router';
		const nodes = nodesOf(router);
		const trigger = nodes.find((node) => node.type === 'n8n-nodes-messenger.messengerTrigger');
		if (!trigger) throw new Error('many-pages-router.json has no Messenger Trigger');
		trigger.credentials = SYSTEM_USER;
		trigger.webhookId = randomUUID();
		const calls = nodes.filter((node) => node.type === 'n8n-nodes-base.executeWorkflow');
		expect(calls.map((node) => node.name)).toEqual(['Page A workflow', 'Page B workflow']);
		calls.forEach((node, index) => {
			node.parameters.workflowId = { __rl: true, mode: 'id', value: subIds[index] };
		});
		await metaAppReleased(ctx);
		({ id: routerId } = await activateMetaWorkflow(ctx, router));
		expect(triggerUrl(ctx.state.n8nUrl, router)).toContain(trigger.webhookId);

		const PSID = '7300000000000003';
		const since = Date.now();
		await ctx.sandbox.user({ via: 'meta', page: d.shopPageId, from: PSID, kind: 'text', text: 'to the shop' });
		await ctx.sandbox.user({ via: 'meta', page: d.pageId, from: PSID, kind: 'text', text: 'to the page' });
		const replies = await ctx.sandbox.waitForDelivered({ provider: 'meta', recipient: PSID, since }, 2);
		expect(replies.map((reply) => ({ page: reply.pageId, text: (reply.message as { text?: string }).text })).sort((a, b) => String(a.page).localeCompare(String(b.page)))).toEqual([
			{ page: d.pageId, text: 'Sub-workflow A: to the page' },
			{ page: d.shopPageId, text: 'Sub-workflow B: to the shop' },
		]);
		const executions = await ctx.n8n.waitForExecutions(routerId, 2);
		expect(executions.map((execution) => ({ status: execution.status, errors: executionErrors(execution) }))).toEqual([
			{ status: 'success', errors: 'none' },
			{ status: 'success', errors: 'none' },
		]);
	});
});
