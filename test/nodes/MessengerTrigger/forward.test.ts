// Infobip HTTP forward and CM.com inbound: unsigned providers, so the trigger's own authentication
// options are what keeps strangers out.
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes, sleep } from 'n8n-workflow';

import { startWebhookServer } from '../../harness/run-webhook';
import { CM_KINDS, cmBody, INFOBIP_KINDS, infobipBody, infobipResult } from '../shared/inbound-fixtures';
import { get, post, triggerWorkflow } from './helpers';
import { useSandbox } from '../../support/sandbox';
import { useWebhookServers } from '../../support/webhook-servers';

const ALL_EVENTS = ['text', 'attachment', 'quick_reply', 'postback', 'optin', 'status_report', 'unknown'];
const SECRET = 'forward-secret-4f1d2c9a8e';

describe('Messenger Trigger with Infobip forward and CM.com, through n8n-core and the sandbox', () => {
	const sandbox = useSandbox();
	const servers = useWebhookServers();

	beforeEach(() => sandbox.reset());

	const alice = () => sandbox.config.users[0].psid;

	async function trigger(provider: 'infobip' | 'cm', parameters: Record<string, unknown> = {}) {
		const server = await startWebhookServer(triggerWorkflow({ provider, events: ALL_EVENTS, ...parameters }));
		servers.push(server);
		await server.activate();
		return server;
	}

	describe('Infobip HTTP forward', () => {
		it('registers nothing with anyone on activation and deactivation', async () => {
			const server = await trigger('infobip');
			await server.deactivate();
			expect(sandbox.log).toHaveLength(0);
		});

		it.each([
			['text', { text: 'Thank you for this!' }, 'text'],
			['attachment', { url: 'https://cdn.example/a.png', attachmentType: 'image' }, 'attachment'],
			// Seed 000 shows TEXT only; the sandbox sends a tap as TEXT with the payload in callbackData.
			['quick_reply', { text: 'Yes', payload: 'QR_YES' }, 'text'],
			['postback', { text: 'Start', payload: 'PB_START' }, 'text'],
		] as const)('a forwarded %s becomes one item', async (kind, extra, expected) => {
			const server = await trigger('infobip');
			sandbox.config.infobip.forwardUrl = server.url();
			const { delivery, body } = await sandbox.user({ via: 'infobip-forward', from: alice(), kind, ...extra });
			expect(delivery?.status).toBe(200);
			expect(server.runs).toHaveLength(1);
			const [item] = server.runs[0].items;
			expect(item.json).toMatchObject({ provider: 'infobip', eventType: expected, senderId: alice() });
			expect(item.json.raw).toEqual((body as { results: unknown[] }).results[0]);
			if (kind === 'attachment') expect(item.json.attachments).toMatchObject([{ type: 'image', url: 'https://cdn.example/a.png' }]);
			// A tap's payload rides in callbackData (the only seed 000 field for it), exposed as such.
			expect(item.json.callbackData).toBe('payload' in extra ? extra.payload : null);
			await server.runs[0].result;
		});

		it('turns every element of results[] into one item, in order, and every documented kind', async () => {
			const server = await trigger('infobip');
			const body = JSON.stringify(infobipBody(INFOBIP_KINDS.map((kind, n) => infobipResult(kind, n))));
			expect((await post(server.url(), body)).status).toBe(200);
			expect(server.runs[0].items.map((item) => item.json.eventType)).toEqual(INFOBIP_KINDS);
		});

		it('answers a CM.com body with 400; a GET is answered by n8n itself, since only Meta gets a GET webhook', async () => {
			const server = await trigger('infobip');
			expect(await post(server.url(), JSON.stringify(cmBody('text')))).toMatchObject({
				status: 400,
				body: 'Not a valid Infobip inbound body: missing the "results" array',
			});
			const calls = server.webhookCalls;
			const answer = await get(server.url());
			expect(answer.status).toBe(404);
			expect(answer.body).toContain('not registered for GET requests. Did you mean to make a POST request?');
			expect(server.webhookCalls).toBe(calls);
			expect(() => server.url('setup')).toThrow(/No webhook named "setup"/);
			expect(server.runs).toHaveLength(0);
		});
	});

	describe('CM.com inbound and status reports', () => {
		it.each([
			['text', { text: 'hello' }, 'text'],
			['attachment', { url: 'https://cdn.example/doc.pdf', attachmentType: 'file' }, 'attachment'],
			['quick_reply', { text: 'Yes', payload: 'QR_YES' }, 'quick_reply'],
			['postback', { text: 'Start', payload: 'PB_START' }, 'quick_reply'],
			['optin', { payload: 'OPT_IN' }, 'optin'],
		] as const)('an MO %s becomes one item', async (kind, extra, expected) => {
			const server = await trigger('cm');
			sandbox.config.cm.inboundUrl = server.url();
			const { delivery } = await sandbox.user({ via: 'cm', from: alice(), kind, ...extra });
			expect(delivery?.status).toBe(200);
			const [item] = server.runs[0].items;
			expect(item.json).toMatchObject({ provider: 'cm', eventType: expected, senderId: alice(), pageId: sandbox.config.cm.pageIds[0] });
			if (expected === 'quick_reply') expect(item.json).toMatchObject({ quickReplyPayload: extra.payload, postbackPayload: extra.payload });
			if (kind === 'attachment') {
				expect(item.json.attachments).toEqual([
					{ type: 'file', url: 'https://cdn.example/doc.pdf', mimeType: 'application/pdf', name: 'doc.pdf', stickerId: null, coordinates: null },
				]);
			}
			// An MO's reference names the page's message it answers (the sandbox's MO has a fresh one).
			if (kind !== 'optin') expect(item.json).toMatchObject({ messageId: null, inReplyTo: expect.any(String) });
			if (kind === 'optin') {
				expect(item.json.optin).toMatchObject({ type: 'OptInSubscribed', notificationToken: expect.stringMatching(/^nt-/) });
				expect(sandbox.config.cm.pageIds).toContain(item.json.pageId);
			}
		});

		it.each([
			['read', undefined, 'read', null],
			['delivery', undefined, 'delivered', null],
			['delivery', 'failed', 'failed', '5'],
		] as const)('a %s status report (%s) becomes a status_report item with status %s', async (kind, variant, status, errorCode) => {
			const server = await trigger('cm');
			sandbox.config.cm.statusUrl = server.url();
			await sandbox.user({ via: 'cm', from: alice(), kind, ...(variant ? { variant } : {}) });
			expect(server.runs[0].items[0].json).toMatchObject({ provider: 'cm', eventType: 'status_report', senderId: alice(), status, errorCode });
		});

		it.each(CM_KINDS)('reads the documented %s shape', async (kind) => {
			const server = await trigger('cm');
			expect((await post(server.url(), JSON.stringify(cmBody(kind)))).status).toBe(200);
			expect(server.runs[0].items[0].json.eventType).toBe(kind);
		});
	});

	it('answers before the workflow finishes (n8n\'s onReceived mode), so slow workflows do not cause retries', async () => {
		const slow: INodeType = {
			description: {
				displayName: 'Slow',
				name: 'slow',
				group: ['transform'],
				version: 1,
				description: 'Takes its time',
				defaults: { name: 'Slow' },
				inputs: [NodeConnectionTypes.Main],
				outputs: [NodeConnectionTypes.Main],
				properties: [],
			},
			async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
				await sleep(1500);
				return [this.getInputData()];
			},
		};
		const workflow = triggerWorkflow(
			{ provider: 'infobip', events: ALL_EVENTS },
			{
				nodes: [{ id: 'd1', name: 'Slow', type: 'test.slow', typeVersion: 1, position: [200, 0], parameters: {} }],
				connections: { 'Messenger Trigger': { main: [[{ node: 'Slow', type: 'main', index: 0 }]] } },
			},
		);
		const server = await startWebhookServer(workflow, { extraNodeTypes: { 'test.slow': slow } });
		servers.push(server);
		await server.activate();
		const started = Date.now();
		expect((await post(server.url(), JSON.stringify(infobipBody([infobipResult('text')])))).status).toBe(200);
		expect(Date.now() - started).toBeLessThan(1000);
		const run = await server.runs[0].result;
		expect(run.executionOrder).toEqual(['Messenger Trigger', 'Slow']);
	});

	describe('authentication of unsigned calls', () => {
		const body = JSON.stringify(infobipBody([infobipResult('text')]));

		it('header secret: right passes, wrong is 403, missing is 401', async () => {
			const server = await trigger('infobip', { authentication: 'headerSecret', headerName: 'X-Forward-Token', secret: SECRET });
			expect((await post(server.url(), body, { 'x-forward-token': SECRET })).status).toBe(200);
			expect((await post(server.url(), body, { 'x-forward-token': `${SECRET}x` })).status).toBe(403);
			expect((await post(server.url(), body)).status).toBe(401);
			expect(server.runs).toHaveLength(1);
		});

		it('secret in path: the URL ends in :secret; right passes, wrong is 403', async () => {
			const server = await trigger('cm', { authentication: 'pathSecret', secret: SECRET });
			expect(server.url()).toMatch(/\/webhook\/:secret$/);
			const url = (secret: string) => server.url().replace(':secret', encodeURIComponent(secret));
			const mo = JSON.stringify(cmBody('text'));
			expect((await post(url(SECRET), mo)).status).toBe(200);
			expect((await post(url('guess'), mo)).status).toBe(403);
			expect((await post(server.url().replace('/:secret', ''), mo)).status).toBe(404);
			expect(server.runs).toHaveLength(1);
		});

		it('basic auth: right passes, wrong is 403, missing is 401 with a challenge', async () => {
			const server = await trigger('infobip', { authentication: 'basicAuth', basicAuthUser: 'infobip', basicAuthPassword: SECRET });
			const basic = (user: string, password: string) => ({
				authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
			});
			expect((await post(server.url(), body, basic('infobip', SECRET))).status).toBe(200);
			expect((await post(server.url(), body, basic('infobip', 'nope'))).status).toBe(403);
			expect((await post(server.url(), body, basic('someone', SECRET))).status).toBe(403);
			const missing = await post(server.url(), body);
			expect(missing.status).toBe(401);
			expect(missing.headers.get('www-authenticate')).toMatch(/^Basic/);
			expect(server.runs).toHaveLength(1);
		});

		it('a configured but empty secret does not activate (and would refuse everything: see webhook.test.ts)', async () => {
			const workflow = triggerWorkflow({ provider: 'infobip', events: ALL_EVENTS, authentication: 'headerSecret', headerName: 'X-Forward-Token', secret: '' });
			const server = await startWebhookServer(workflow);
			servers.push(server);
			await expect(server.activate()).rejects.toThrow('Authentication "Header Secret" needs a Secret');
			expect((await post(server.url(), body, { 'x-forward-token': '' })).status).toBe(404);
			expect(server.runs).toHaveLength(0);
		});

		it('never puts the secret into items or answers', async () => {
			const server = await trigger('infobip', { authentication: 'headerSecret', headerName: 'X-Forward-Token', secret: SECRET });
			const answers = [await post(server.url(), body, { 'x-forward-token': SECRET }), await post(server.url(), body, { 'x-forward-token': 'x' })];
			const run = await server.runs[0].result;
			expect(JSON.stringify([answers.map((answer) => answer.body), server.runs[0].items, run.run.data.resultData])).not.toContain(SECRET);
		});
	});
});
