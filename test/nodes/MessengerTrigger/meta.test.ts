import { appsecretProof, signMetaBody } from '../../../sandbox';
import type { WebhookServer } from '../../harness/run-webhook';
import { startWebhookServer } from '../../harness/run-webhook';
import { metaBody, metaEvent } from '../shared/inbound-fixtures';
import { get, pageCredential, post, TRIGGER, triggerWorkflow, VERIFY_TOKEN } from './helpers';
import { useSandbox } from '../../support/sandbox';
import { useWebhookServers } from '../../support/webhook-servers';

const ALL_EVENTS = ['text', 'attachment', 'quick_reply', 'postback', 'echo', 'read', 'delivery', 'optin', 'referral', 'reaction', 'feed'];

describe('Messenger Trigger with Meta, through n8n-core and the sandbox', () => {
	const sandbox = useSandbox();
	const servers = useWebhookServers();

	beforeEach(() => sandbox.reset());

	const alice = () => sandbox.config.users[0].psid;

	async function trigger(parameters: Record<string, unknown> = {}, credentialOverrides: Record<string, string> = {}, typeVersion = 2) {
		const workflow = triggerWorkflow({ provider: 'meta', events: ALL_EVENTS, ...parameters }, {}, typeVersion);
		const server = await startWebhookServer(workflow, {
			credentials: pageCredential(sandbox.url, sandbox.config.meta, credentialOverrides),
		});
		servers.push(server);
		return server;
	}

	/** Signs like Meta, for requests the test forges itself. */
	const signed = (body: string, secret = sandbox.config.meta.appSecret) => ({ 'x-hub-signature-256': signMetaBody(body, secret) });

	describe('activation (webhookMethods)', () => {
		it('subscribes the app to the URL (answering Meta\'s verification GET) and the page to the app', async () => {
			const server = await trigger({ events: ['text', 'postback', 'read'] });
			await server.activate();

			const calls = sandbox.log.filter((entry) => entry.routeId.startsWith('meta.'));
			expect(calls.map((entry) => `${entry.method} ${entry.routeId} ${entry.status}`)).toEqual([
				'GET meta.app_subscriptions 200',
				'POST meta.app_subscriptions 200',
				'POST meta.subscribed_apps 200',
			]);
			expect(calls[1].body).toMatchObject({
				object: 'page',
				callback_url: server.url(),
				verify_token: VERIFY_TOKEN,
				fields: 'message_reads,messages,messaging_postbacks',
			});
			expect(calls[2].query.subscribed_fields).toBe('message_reads,messages,messaging_postbacks');
			// The app token travels in a header, never in a URL.
			expect(calls[1].headers.authorization).toBe(`Bearer ${sandbox.config.meta.appId}|${sandbox.config.meta.appSecret}`);
			expect(calls.every((entry) => !JSON.stringify(entry.query).includes(sandbox.config.meta.appSecret))).toBe(true);
			expect(sandbox.config.meta.webhookUrl).toBe(server.url());
			// Meta's verification GET reached the node and started nothing.
			expect(server.webhookCalls).toBe(1);
			expect(server.runs).toHaveLength(0);
		});

		it('activating twice registers once: checkExists finds the subscription', async () => {
			const server = await trigger();
			await server.activate();
			await server.activate();
			const posts = sandbox.log.filter((entry) => entry.method === 'POST' && entry.routeId.startsWith('meta.'));
			expect(posts).toHaveLength(2);
		});

		it('re-creates what was removed by hand since the last activation', async () => {
			const server = await trigger();
			await server.activate();
			const { pageId, pageAccessToken, appSecret } = sandbox.config.meta;
			const removed = await fetch(
				`${sandbox.url}/v25.0/${pageId}/subscribed_apps?appsecret_proof=${appsecretProof(pageAccessToken, appSecret)}`,
				{ method: 'DELETE', headers: { authorization: `Bearer ${pageAccessToken}` } },
			);
			expect(removed.status).toBe(200);
			sandbox.clearLog();
			await server.activate();
			expect(sandbox.log.filter((entry) => entry.method === 'POST').map((entry) => entry.routeId)).toEqual([
				'meta.app_subscriptions',
				'meta.subscribed_apps',
			]);
		});

		it('deactivating removes both subscriptions, and deactivating again (remote already gone) succeeds', async () => {
			const server = await trigger();
			await server.activate();
			await server.deactivate();
			expect(sandbox.config.meta.webhookUrl).toBeUndefined();
			const list = await fetch(`${sandbox.url}/v25.0/${sandbox.config.meta.appId}/subscriptions`, {
				headers: { authorization: `Bearer ${sandbox.config.meta.appId}|${sandbox.config.meta.appSecret}` },
			});
			expect(await list.json()).toEqual({ data: [] });
			await expect(server.deactivate()).resolves.toBeUndefined();
		});

		it('deactivates cleanly when Meta lost both subscriptions meanwhile', async () => {
			const server = await trigger();
			await server.activate();
			sandbox.reset();
			await expect(server.deactivate()).resolves.toBeUndefined();
			expect(sandbox.log.filter((entry) => entry.status >= 400)).toHaveLength(0);
		});

		it('leaves a subscription that another URL took over in place', async () => {
			const server = await trigger();
			await server.activate();
			// A second trigger on another path (another workflow) takes the app's single callback over,
			// which it does only when told to (./lifecycle.test.ts).
			const otherWorkflow = triggerWorkflow({ provider: 'meta', events: ['text'], takeOverCallback: true });
			otherWorkflow.nodes[0].webhookId = '0a7d6c55-9d5e-4a51-8f1e-2c9b6e6f0a11';
			const second = await startWebhookServer(otherWorkflow, { credentials: pageCredential(sandbox.url, sandbox.config.meta) });
			servers.push(second);
			await second.activate();
			sandbox.clearLog();
			await server.deactivate();
			expect(sandbox.log.filter((entry) => entry.method === 'DELETE')).toHaveLength(0);
			expect(sandbox.config.meta.webhookUrl).toBe(second.url());
		});

		it('fails activation with a clear message when the credential cannot register', async () => {
			const server = await trigger({}, { verifyToken: '' });
			await expect(server.activate()).rejects.toThrow(/no Webhook Verify Token/);
			const noAppSecret = await trigger({}, { appSecret: '' });
			await expect(noAppSecret.activate()).rejects.toThrow(/no App Secret/);
		});

		it('fails activation without leaking the app secret when Graph cannot be reached', async () => {
			const server = await trigger({}, { baseUrl: 'http://127.0.0.1:9' });
			const failure = await server.activate().then(
				() => undefined,
				(error: Error) => error,
			);
			// n8n turns ECONNREFUSED into its own wording; the URL that failed stays in the cause.
			expect(JSON.stringify(failure)).toContain('Meta: could not reach');
			expect(JSON.stringify(failure) + String(failure?.message) + String(failure?.stack)).not.toContain(sandbox.config.meta.appSecret);
		});

		it('registers nothing when registration is turned off', async () => {
			const server = await trigger({ registerWebhook: false });
			await server.activate();
			await server.deactivate();
			expect(sandbox.log.filter((entry) => entry.routeId.startsWith('meta.'))).toHaveLength(0);
		});
	});

	describe('the verification handshake (GET)', () => {
		const handshake = (server: WebhookServer, query: Record<string, string>) =>
			get(`${server.url('setup')}?${new URLSearchParams(query).toString()}`);

		it('echoes the challenge as text/plain for the right verify token, starting nothing', async () => {
			const server = await trigger();
			await server.activate();
			const answer = await handshake(server, { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' });
			expect(answer).toMatchObject({ status: 200, body: '1158201444' });
			expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
			expect(server.runs).toHaveLength(0);
		});

		it.each([
			['a wrong token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' }],
			['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
			['another mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }],
		])('answers 403 to %s and never echoes the challenge', async (_name, query) => {
			const server = await trigger();
			await server.activate();
			const answer = await handshake(server, query);
			expect(answer.status).toBe(403);
			expect(answer.body).not.toContain(query['hub.challenge']);
			expect(server.runs).toHaveLength(0);
		});

		it('never accepts a token when the credential has none', async () => {
			const server = await trigger({ registerWebhook: false }, { verifyToken: '' });
			await server.activate();
			expect((await handshake(server, { 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '5' })).status).toBe(403);
		});
	});

	describe('deliveries from the simulated user', () => {
		const kinds = ['text', 'quick_reply', 'postback', 'attachment', 'read', 'delivery', 'reaction', 'optin', 'referral', 'echo'] as const;

		it.each(kinds)('a signed %s becomes one normalized item', async (kind) => {
			const server = await trigger();
			await server.activate();
			const { delivery } = await sandbox.user({ via: 'meta', from: alice(), kind, text: 'hi there', payload: 'PAYLOAD_1', url: 'https://cdn.example/a.png' });
			expect(delivery?.status).toBe(200);
			expect(server.runs).toHaveLength(1);
			const [item] = server.runs[0].items;
			const { meta } = sandbox.config;
			expect(item.json).toMatchObject({ provider: 'meta', eventType: kind, pageId: meta.pageId, isEcho: kind === 'echo' });
			// The sandbox's opt-in is the checkbox plugin's: no sender, the person is the user_ref.
			expect(item.json.senderId).toBe(kind === 'echo' ? meta.pageId : kind === 'optin' ? null : alice());
			if (kind === 'optin') expect(item.json.userRef).toBe(alice());
			if (kind === 'text') expect(item.json.text).toBe('hi there');
			if (kind === 'quick_reply') expect(item.json.quickReplyPayload).toBe('PAYLOAD_1');
			if (kind === 'postback') expect(item.json.postbackPayload).toBe('PAYLOAD_1');
			if (kind === 'attachment') {
				expect(item.json.attachments).toEqual([
					{ type: 'image', url: 'https://cdn.example/a.png', mimeType: null, name: null, stickerId: null, coordinates: null },
				]);
			}
			const run = await server.runs[0].result;
			expect(run.output(TRIGGER).map((item) => item.json)).toEqual(server.runs[0].items.map((item) => item.json));
		});

		// Quick replies page: a tap on a user_phone_number or user_email quick reply is a message whose
		// quick_reply.payload is the number or address the user sent (its text shows the same).
		it.each([
			['a phone-number', '+1 (555) 857-6309', '+15558576309'],
			['an e-mail', 'alice@example.com', 'alice@example.com'],
		])('a tap on %s quick reply: the item carries it as quickReplyPayload', async (_kind, text, payload) => {
			const server = await trigger();
			await server.activate();
			await sandbox.user({ via: 'meta', from: alice(), kind: 'quick_reply', text, payload });
			expect(server.runs).toHaveLength(1);
			expect(server.runs[0].items.map((item) => item.json)).toEqual([
				expect.objectContaining({ eventType: 'quick_reply', senderId: alice(), text, quickReplyPayload: payload }),
			]);
		});

		it.each(['messaging', 'entry'] as const)('a batch of 5 (as %s) is one run with 5 items in order', async (batchAs) => {
			const server = await trigger();
			await server.activate();
			const { body } = await sandbox.user({ via: 'meta', from: alice(), kind: 'text', text: 'x', batch: 5, batchAs });
			expect(server.runs).toHaveLength(1);
			const sent = (body as { entry: Array<{ messaging: Array<{ message: { mid: string } }> }> }).entry.flatMap((entry) =>
				entry.messaging.map((event) => event.message.mid),
			);
			expect(server.runs[0].items.map((item) => item.json.messageId)).toEqual(sent);
		});

		it('drops the kinds not selected, answering 200 so Meta does not retry', async () => {
			const server = await trigger({ events: ['text'] });
			await server.activate();
			const { delivery } = await sandbox.user({ via: 'meta', from: alice(), kind: 'read' });
			expect(delivery).toMatchObject({ status: 200, responseBody: 'EVENT_RECEIVED' });
			expect(server.runs).toHaveLength(0);
		});
	});

	describe('requests that must start nothing', () => {
		const body = JSON.stringify(metaBody([metaEvent('text', 1)]));

		it('accepts a correct signature over the raw bytes', async () => {
			const server = await trigger({ registerWebhook: false });
			await server.activate();
			expect(await post(server.url(), body, signed(body))).toMatchObject({ status: 200, body: 'EVENT_RECEIVED' });
			expect(server.runs).toHaveLength(1);
		});

		// Version 2 gets no body from n8n for content types it doesn't parse and reads the raw bytes itself.
		it.each([
			[1, 'application/json'],
			[1, 'application/octet-stream'],
			[2, 'application/json'],
			[2, 'application/octet-stream'],
			[2, 'application/json; charset=utf-8'],
		])('version %i checks the signature over the raw bytes of a %s delivery', async (typeVersion, contentType) => {
			const server = await trigger({ registerWebhook: false }, {}, typeVersion);
			await server.activate();
			expect(await post(server.url(), body, { 'content-type': contentType, ...signed(body) })).toMatchObject({ status: 200 });
			expect((await post(server.url(), body, { 'content-type': contentType, ...signed(`${body} `) })).status).toBe(403);
			expect(server.runs).toHaveLength(1);
			expect(server.runs[0].items[0].json).toMatchObject({ eventType: 'text', text: expect.any(String) });
		});

		it.each([
			['missing', {}, 401],
			['made with another secret', { 'x-hub-signature-256': signMetaBody(body, 'not-the-secret') }, 403],
			['malformed', { 'x-hub-signature-256': 'sha256=zz' }, 403],
			['SHA-1 only', { 'x-hub-signature': 'sha1=0123' }, 401],
		])('refuses a signature that is %s', async (_name, headers, status) => {
			const server = await trigger({ registerWebhook: false });
			await server.activate();
			const answer = await post(server.url(), body, headers as Record<string, string>);
			expect(answer.status).toBe(status);
			expect(answer.body).toMatch(/^Invalid signature/);
			expect(server.runs).toHaveLength(0);
		});

		it('refuses a signature of the same JSON serialized differently', async () => {
			const server = await trigger({ registerWebhook: false });
			await server.activate();
			const pretty = JSON.stringify(JSON.parse(body), null, 2);
			expect((await post(server.url(), pretty, signed(body))).status).toBe(403);
			expect((await post(server.url(), body, signed(pretty))).status).toBe(403);
			expect(server.runs).toHaveLength(0);
		});

		it('takes unsigned deliveries when the credential has no app secret (checking is off)', async () => {
			const server = await trigger({ registerWebhook: false }, { appSecret: '' });
			await server.activate();
			expect((await post(server.url(), body)).status).toBe(200);
			expect(server.runs).toHaveLength(1);
		});

		it('answers a body that is not JSON with 400 (or n8n\'s own 422 when it claims to be JSON)', async () => {
			const server = await trigger({ registerWebhook: false });
			await server.activate();
			const broken = '{"object":"page","entry":[';
			const asText = await post(server.url(), broken, { 'content-type': 'text/plain', ...signed(broken) });
			expect(asText).toMatchObject({ status: 400, body: 'Body is not valid JSON' });
			const asJson = await post(server.url(), broken, signed(broken));
			expect(asJson.status).toBe(422);
			expect(server.runs).toHaveLength(0);
		});

		it('answers a JSON body of another format with 400 and a short reason', async () => {
			const server = await trigger({ registerWebhook: false });
			await server.activate();
			const infobip = JSON.stringify({ results: [], messageCount: 0, pendingMessageCount: 0 });
			const answer = await post(server.url(), infobip, signed(infobip));
			expect(answer).toMatchObject({ status: 400, body: 'Not a valid Meta webhook body: missing the "entry" array' });
			expect(answer.body).not.toMatch(/\bat .*\.ts:\d+/);
			expect(server.runs).toHaveLength(0);
		});

		it('answers an oversized body with 413 before checking or parsing it', async () => {
			const server = await trigger({ registerWebhook: false, options: { maxBodyKb: 64 } });
			await server.activate();
			const big = JSON.stringify(metaBody(Array.from({ length: 1000 }, (_, n) => metaEvent('text', n))));
			expect(big.length).toBeGreaterThan(64 * 1024);
			expect((await post(server.url(), big, signed(big))).status).toBe(413);
			expect(server.runs).toHaveLength(0);
		});

		it('passes unknown events through as "unknown" when selected, and acknowledges them otherwise', async () => {
			const server = await trigger({ registerWebhook: false, events: ['text', 'unknown'] });
			await server.activate();
			const unknown = JSON.stringify(metaBody([metaEvent('unknown'), metaEvent('text')]));
			expect((await post(server.url(), unknown, signed(unknown))).status).toBe(200);
			expect(server.runs[0].items.map((item) => item.json.eventType)).toEqual(['unknown', 'text']);

			const strict = await trigger({ registerWebhook: false, events: ['text'] });
			await strict.activate();
			const onlyUnknown = JSON.stringify(metaBody([metaEvent('unknown')]));
			expect(await post(strict.url(), onlyUnknown, signed(onlyUnknown))).toMatchObject({ status: 200, body: 'EVENT_RECEIVED' });
			expect(strict.runs).toHaveLength(0);
		});
	});

	it('keeps every secret out of items, runs and answers', async () => {
		const server = await trigger();
		await server.activate();
		await sandbox.user({ via: 'meta', from: alice(), kind: 'text', text: 'secret check' });
		const handshake = await get(`${server.url('setup')}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=9`);
		const run = await server.runs[0].result;
		const everything = JSON.stringify([server.runs[0].items, run.run, handshake.body, sandbox.log.map((entry) => entry.response)]);
		const { meta } = sandbox.config;
		for (const secret of [meta.appSecret, meta.pageAccessToken, VERIFY_TOKEN]) expect(everything).not.toContain(secret);
	});
});
