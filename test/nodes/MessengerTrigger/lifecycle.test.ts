// Who owns the Meta app's one callback URL. Meta keeps one callback per app (a second registration
// replaces the first, test/sandbox/meta/subscriptions.test.ts), so a trigger must not take it from a
// published workflow: not when the editor starts a test listener (n8n registers the /webhook-test/
// URL), and not when a second workflow on the same app is activated, unless the user said so.
import { randomUUID } from 'node:crypto';

import { appsecretProof } from '../../../sandbox';
import { useLogCapture } from '../../harness/log-capture';
import type { WebhookServer } from '../../harness/run-webhook';
import { startWebhookServer } from '../../harness/run-webhook';
import type { WorkflowJson } from '../../harness/run-workflow';
import { pageCredential, triggerWorkflow } from './helpers';
import { useSandbox } from '../../support/sandbox';
import { useWebhookServers } from '../../support/webhook-servers';

interface AppSubscription {
	object: string;
	callback_url: string;
	fields: Array<{ name: string }>;
}

describe('Messenger Trigger (Meta): the app\'s one callback URL', () => {
	const sandbox = useSandbox();
	const logs = useLogCapture();
	const servers = useWebhookServers();

	beforeEach(() => sandbox.reset());

	const metaWorkflow = (parameters: Record<string, unknown> = {}) => triggerWorkflow({ provider: 'meta', events: ['text'], ...parameters }, {}, 3);

	/** A workflow served by its own n8n-like server (its own base URL, as another n8n or WEBHOOK_URL). */
	async function serve(workflow: WorkflowJson = metaWorkflow()): Promise<WebhookServer> {
		const server = await startWebhookServer(workflow, { credentials: pageCredential(sandbox.url, sandbox.config.meta) });
		servers.push(server);
		return server;
	}

	async function appSubscriptions(): Promise<AppSubscription[]> {
		const { appId, appSecret } = sandbox.config.meta;
		const answer = await fetch(`${sandbox.url}/v25.0/${appId}/subscriptions`, { headers: { authorization: `Bearer ${appId}|${appSecret}` } });
		return ((await answer.json()) as { data: AppSubscription[] }).data.filter((subscription) => subscription.object === 'page');
	}

	const callbackUrls = async () => (await appSubscriptions()).map((subscription) => subscription.callback_url);

	async function pageSubscribed(): Promise<boolean> {
		const { pageId, pageAccessToken } = sandbox.config.meta;
		const proof = appsecretProof(pageAccessToken, sandbox.config.meta.appSecret);
		const answer = await fetch(`${sandbox.url}/v25.0/${pageId}/subscribed_apps?appsecret_proof=${proof}`, {
			headers: { authorization: `Bearer ${pageAccessToken}` },
		});
		return ((await answer.json()) as { data: unknown[] }).data.length > 0;
	}

	const failureOf = (promise: Promise<unknown>) =>
		promise.then(
			() => undefined,
			(error: Error) => error,
		);

	const graphWrites = () => sandbox.log.filter((entry) => entry.routeId.startsWith('meta.') && entry.method !== 'GET');

	describe('a test listener beside the published workflow ("Execute step" in the editor)', () => {
		it('leaves the published workflow\'s subscription in place when the test starts and when it ends', async () => {
			const server = await serve();
			await server.activate();
			const production = server.url();
			expect(await callbackUrls()).toEqual([production]);

			await failureOf(server.startTestListener());
			await server.stopTestListener();

			expect(await callbackUrls()).toEqual([production]);
			expect(await pageSubscribed()).toBe(true);
		});

		it('refuses the test with a message that names the live URL and says how to test instead', async () => {
			const server = await serve();
			await server.activate();
			sandbox.clearLog();
			const failure = await failureOf(server.startTestListener());
			expect(failure?.message).toContain(server.url());
			expect(failure?.message).toMatch(/this workflow's Production URL/);
			expect(failure?.message).toMatch(/one callback URL per app/);
			expect(failure?.message).toMatch(/separate Meta app/);
			// Nothing was written at Meta, and n8n's clean-up after the refusal removed nothing either.
			expect(graphWrites()).toHaveLength(0);
			expect(server.cleanupErrors).toHaveLength(0);
			expect(server.testUrl()).toContain('/webhook-test/');
		});

		it('refuses a test while another workflow\'s URL holds the app, naming that URL', async () => {
			const live = await serve();
			await live.activate();
			const tester = await serve();
			const failure = await failureOf(tester.startTestListener());
			expect(failure?.message).toContain(live.url());
			expect(failure?.message).not.toMatch(/this workflow's Production URL/);
			await tester.stopTestListener();
			expect(await callbackUrls()).toEqual([live.url()]);
		});

		it('registers the test URL when no workflow holds the app, and removes only that when the test ends', async () => {
			const server = await serve();
			await server.startTestListener();
			expect(await callbackUrls()).toEqual([server.testUrl()]);
			await server.stopTestListener();
			expect(await callbackUrls()).toEqual([]);
		});

		it('publishing while the test listener holds the app takes it over, and the test\'s end leaves it', async () => {
			const server = await serve();
			await server.startTestListener();
			await server.activate();
			expect(await callbackUrls()).toEqual([server.url()]);
			await server.stopTestListener();
			expect(await callbackUrls()).toEqual([server.url()]);
			expect(await pageSubscribed()).toBe(true);
		});
	});

	describe('a second workflow on the same Meta app', () => {
		it('refuses to activate, naming the URL that holds the app and how to share one app', async () => {
			const first = await serve();
			await first.activate();
			const second = await serve();
			sandbox.clearLog();
			const failure = await failureOf(second.activate());
			expect(failure?.message).toContain(first.url());
			expect(failure?.message).toMatch(/Execute Workflow/);
			expect(failure?.message).toMatch(/Take Over Existing Callback/);
			expect(graphWrites()).toHaveLength(0);
			expect(await callbackUrls()).toEqual([first.url()]);
		});

		it('takes the callback over when "Take Over Existing Callback" is on, and says so in n8n\'s log', async () => {
			const first = await serve();
			await first.activate();
			const second = await serve(metaWorkflow({ takeOverCallback: true }));
			await second.activate();
			expect(await callbackUrls()).toEqual([second.url()]);
			expect(logs.matching('warn', first.url())).toHaveLength(1);
			// The first workflow's deactivation leaves the subscription that is no longer its own.
			await first.deactivate();
			expect(await callbackUrls()).toEqual([second.url()]);
			expect(await pageSubscribed()).toBe(true);
		});

		it('a saved workflow re-activated at n8n\'s start whose URL holds the app activates without writing', async () => {
			const server = await serve();
			await server.activate();
			sandbox.clearLog();
			await server.activate('init');
			expect(graphWrites()).toHaveLength(0);
			expect(await callbackUrls()).toEqual([server.url()]);
		});

		it('a saved workflow whose URL another took over refuses at n8n\'s start, naming the new holder', async () => {
			const first = await serve();
			await first.activate();
			const second = await serve(metaWorkflow({ takeOverCallback: true }));
			await second.activate();
			const failure = await failureOf(first.activate('init'));
			expect(failure?.message).toContain(second.url());
			expect(await callbackUrls()).toEqual([second.url()]);
		});

		it('the same trigger under another base URL (WEBHOOK_URL changed, or another n8n) refuses with that hint', async () => {
			const workflow = metaWorkflow();
			workflow.nodes[0].webhookId = randomUUID();
			const before = await serve(workflow);
			await before.activate();
			const after = await serve(workflow);
			expect(after.url()).not.toBe(before.url());
			const failure = await failureOf(after.activate());
			expect(failure?.message).toContain(before.url());
			expect(failure?.message).toMatch(/WEBHOOK_URL/);
			expect(await callbackUrls()).toEqual([before.url()]);

			const moved = await serve({ ...workflow, nodes: [{ ...workflow.nodes[0], parameters: { ...workflow.nodes[0].parameters, takeOverCallback: true } }] });
			await moved.activate();
			expect(await callbackUrls()).toEqual([moved.url()]);
		});
	});
});
