// Infobip's Messenger API webhooks (incoming messages, delivery reports, seen reports) into a version 3
// Messenger Trigger, through n8n-core behind a real loopback webhook server: the sandbox POSTs each
// body as the OpenAPI's `webhooks` describe them, and every one becomes the neutral item or is refused.
import { startWebhookServer, type WebhookServer } from '../../harness/run-webhook';
import { CREDENTIAL_TYPES, sandboxCredentials } from '../../support/credentials';
import { messengerApiAdmin } from '../../support/infobip-messenger';
import { startReceiver } from '../../support/receiver';
import { useSandbox } from '../../support/sandbox';
import { useWebhookServers } from '../../support/webhook-servers';
import { post, replyAfterTrigger, TRIGGER, triggerWorkflow } from './helpers';

const SECRET = 'ib-messenger-path-secret-5b8e21';
const EVERY_CHOICE = ['text', 'attachment', 'quick_reply', 'postback', 'status_report', 'read', 'unknown'];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** What the sandbox answered for one webhook POST it made (admin endpoints). */
interface Delivered {
	body: { results: Array<Record<string, unknown>> };
	delivery: { url: string; status?: number; error?: string };
}

describe('Messenger Trigger with Infobip\'s Messenger API, through n8n-core and the sandbox', () => {
	const sandbox = useSandbox();
	const servers = useWebhookServers();
	const admin = messengerApiAdmin(sandbox);

	beforeEach(() => sandbox.reset());

	const alice = () => sandbox.config.users[0].psid;
	const page = () => sandbox.config.infobip.messengerApi.pageIds[0];

	/** A published version 3 trigger with Secret in Path; `events` as Trigger On (the default when omitted). */
	async function trigger(events?: string[], more: Parameters<typeof triggerWorkflow>[1] = {}, credentials = {}): Promise<WebhookServer> {
		const parameters = { provider: 'infobipMessenger', authentication: 'pathSecret', secret: SECRET, ...(events ? { events } : {}) };
		const server = await startWebhookServer(triggerWorkflow(parameters, more, 3), { credentials });
		servers.push(server);
		await server.activate();
		return server;
	}

	/** The URL Infobip is given: the trigger's Production URL with the secret in it. */
	const hookUrl = (server: WebhookServer, secret = SECRET) => server.url().replace(':secret', encodeURIComponent(secret));

	async function incoming(server: WebhookServer, fields: Record<string, unknown>): Promise<Delivered> {
		const answer = await admin.incoming({ ...fields, webhookUrl: hookUrl(server) });
		expect(answer.status).toBe(200);
		return answer.body as Delivered;
	}

	/** A message the page sent to Alice through the Messenger API: what a report is about. */
	async function sentToAlice(text = 'Your order shipped'): Promise<string> {
		const answer = await admin.sendText(alice(), text);
		expect(answer.status).toBe(200);
		return answer.body.messages[0].messageId as string;
	}

	describe('incoming messages: every FacebookInboundContent type', () => {
		const image = (fields: Record<string, unknown>) => ({ type: 'image', url: null, mimeType: null, name: null, stickerId: null, coordinates: null, ...fields });
		const CASES: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
			['TEXT', { text: 'Hello there' }, { eventType: 'text', text: 'Hello there', quickReplyPayload: null, inReplyTo: null, attachments: [] }],
			['TEXT', { text: 'Yes', quickReplyPayload: 'QR_YES' }, { eventType: 'quick_reply', text: 'Yes', quickReplyPayload: 'QR_YES', inReplyTo: null }],
			['TEXT', { text: 'About that', replyToMid: 'm_earlier' }, { eventType: 'text', text: 'About that', quickReplyPayload: null, inReplyTo: 'm_earlier' }],
			['URL', { url: 'https://example.com/page' }, { eventType: 'attachment', attachments: [image({ type: 'url', url: 'https://example.com/page' })] }],
			['AUDIO', { url: 'https://cdn.example/a.mp3' }, { eventType: 'attachment', attachments: [image({ type: 'audio', url: 'https://cdn.example/a.mp3' })] }],
			['VIDEO', { url: 'https://cdn.example/v.mp4' }, { eventType: 'attachment', attachments: [image({ type: 'video', url: 'https://cdn.example/v.mp4' })] }],
			['FILE', { url: 'https://cdn.example/f.pdf' }, { eventType: 'attachment', attachments: [image({ type: 'file', url: 'https://cdn.example/f.pdf' })] }],
			['IMAGE', { url: 'https://cdn.example/i.png' }, { eventType: 'attachment', text: null, attachments: [image({ url: 'https://cdn.example/i.png' })] }],
			[
				'IMAGE',
				{ url: 'https://cdn.example/s.png', stickerId: '369239263222822' },
				{ eventType: 'attachment', attachments: [image({ type: 'sticker', url: 'https://cdn.example/s.png', stickerId: '369239263222822' })] },
			],
			[
				'FALLBACK',
				{ url: 'https://example.com/shared', title: 'A shared link' },
				{ eventType: 'attachment', attachments: [image({ type: 'fallback', url: 'https://example.com/shared', name: 'A shared link' })] },
			],
			[
				'LOCATION',
				{ latitude: 45.815, longitude: 15.982 },
				{ eventType: 'attachment', attachments: [image({ type: 'location', coordinates: { lat: 45.815, long: 15.982 } })] },
			],
			['LOCATION_URL', { url: 'https://maps.example/p/1' }, { eventType: 'attachment', attachments: [image({ type: 'location', url: 'https://maps.example/p/1' })] }],
			['POSTBACK', { payload: 'GET_STARTED', title: 'Get started' }, { eventType: 'postback', postbackPayload: 'GET_STARTED', text: 'Get started' }],
			['UNKNOWN', { raw: { reaction: 'love' } }, { eventType: 'unknown', text: null, attachments: [] }],
		];

		it.each(CASES)('%s %j becomes one item', async (type, fields, expected) => {
			const server = await trigger(EVERY_CHOICE);
			const { body, delivery } = await incoming(server, { type, ...fields });
			expect(delivery.status).toBe(200);
			expect(server.runs).toHaveLength(1);
			const [result] = body.results;
			expect(server.runs[0].items).toHaveLength(1);
			expect(server.runs[0].items[0].json).toEqual(
				expect.objectContaining({
					provider: 'infobipMessenger',
					senderId: alice(),
					recipientId: page(),
					pageId: page(),
					messageId: result.messageId,
					timestamp: new Date(String(result.receivedAt).replace('+0000', 'Z')).toISOString(),
					status: null,
					callbackData: null,
					raw: result,
					...expected,
				}),
			);
			const run = await server.runs[0].result;
			expect(run.executionOrder).toEqual([TRIGGER]);
		});

		it('Trigger On left at its default takes messages, taps and attachments, and acknowledges UNKNOWN and both reports without a run', async () => {
			const server = await trigger();
			const messageId = await sentToAlice();
			for (const fields of [{ type: 'TEXT', text: 'hi' }, { type: 'TEXT', text: 'Yes', quickReplyPayload: 'Y' }, { type: 'POSTBACK', payload: 'P' }, { type: 'IMAGE', url: 'https://cdn.example/i.png' }]) {
				expect((await incoming(server, fields)).delivery.status).toBe(200);
			}
			expect(server.runs.map((run) => run.items[0].json.eventType)).toEqual(['text', 'quick_reply', 'postback', 'attachment']);

			const ignored = [
				await admin.incoming({ type: 'UNKNOWN', webhookUrl: hookUrl(server) }),
				await admin.deliveryReport({ messageId, webhookUrl: hookUrl(server) }),
				await admin.seenReport({ messageId, webhookUrl: hookUrl(server) }),
			];
			expect(ignored.map((answer) => answer.body.delivery.status)).toEqual([200, 200, 200]);
			expect(server.runs).toHaveLength(4);
		});

		it('Trigger On with Text only: a postback, an attachment and a quick-reply tap start nothing', async () => {
			const server = await trigger(['text']);
			await incoming(server, { type: 'POSTBACK', payload: 'P' });
			await incoming(server, { type: 'FILE', url: 'https://cdn.example/f.pdf' });
			await incoming(server, { type: 'TEXT', text: 'Yes', quickReplyPayload: 'Y' });
			expect(server.runs).toHaveLength(0);
			await incoming(server, { type: 'TEXT', text: 'plain' });
			expect(server.runs.map((run) => run.items[0].json.text)).toEqual(['plain']);
		});

		it('accepts the lean shape of the OpenAPI\'s own example (sender, to, receivedAt, message), the mid standing in for messageId', async () => {
			const server = await trigger();
			const { body, delivery } = await incoming(server, { type: 'TEXT', text: 'lean', exampleShape: true });
			expect(Object.keys(body.results[0]).sort()).toEqual(['message', 'receivedAt', 'sender', 'to']);
			expect(delivery.status).toBe(200);
			const mid = (body.results[0].message as { mid: string }).mid;
			expect(server.runs[0].items[0].json).toMatchObject({ eventType: 'text', text: 'lean', senderId: alice(), pageId: page(), messageId: mid, callbackData: null });
		});

		it('callbackData is passed on, and pairedMessageId (the page\'s message Infobip paired it with) is inReplyTo, as the Messages API pull reads it', async () => {
			const server = await trigger(EVERY_CHOICE);
			const sent = await sentToAlice('Which size?');
			await incoming(server, { type: 'TEXT', text: 'Large', pairedMessageId: sent, callbackData: 'order-17' });
			await incoming(server, { type: 'IMAGE', url: 'https://cdn.example/i.png', pairedMessageId: sent });
			// An explicit reply names the replied message by Meta's mid, and that stays first.
			await incoming(server, { type: 'TEXT', text: 'this one', replyToMid: 'm_replied', pairedMessageId: sent });
			expect(server.runs.map((run) => [run.items[0].json.inReplyTo, run.items[0].json.callbackData])).toEqual([
				[sent, 'order-17'],
				[sent, null],
				['m_replied', null],
			]);
		});

		it('the account\'s inbound URL (config inboundUrl) is used when the call names none, as the chat page\'s user does', async () => {
			const server = await trigger();
			sandbox.config.infobip.messengerApi.inboundUrl = hookUrl(server);
			const { delivery } = await sandbox.user({ via: 'infobip-messenger', from: alice(), kind: 'attachment', url: 'https://cdn.example/v.mp4', attachmentType: 'video' });
			expect(delivery?.status).toBe(200);
			expect(server.runs[0].items[0].json).toMatchObject({ eventType: 'attachment', senderId: alice(), attachments: [{ type: 'video', url: 'https://cdn.example/v.mp4' }] });
		});
	});

	describe('delivery and seen reports', () => {
		it.each([
			[undefined, 'delivered', null],
			['DELIVERED', 'delivered', null],
			['UNDELIVERABLE', 'failed', 'EC_UNKNOWN_SUBSCRIBER'],
			['EXPIRED', 'failed', null],
			['REJECTED', 'failed', null],
		] as const)('a delivery report (%s) becomes a status_report item with status %s', async (outcome, status, errorCode) => {
			const server = await trigger(['status_report']);
			const messageId = await sentToAlice();
			const answer = await admin.deliveryReport({ messageId, webhookUrl: hookUrl(server), ...(outcome ? { status: outcome } : {}) });
			expect(answer.body.delivery.status).toBe(200);
			const [report] = (answer.body as Delivered).body.results;
			expect(server.runs[0].items.map((item) => item.json)).toEqual([
				expect.objectContaining({
					provider: 'infobipMessenger',
					eventType: 'status_report',
					senderId: alice(),
					recipientId: page(),
					pageId: page(),
					messageId,
					status,
					errorCode,
					timestamp: expect.stringMatching(ISO),
					raw: report,
				}),
			]);
		});

		it('a seen report (from the user, to the page) becomes a read item about the page\'s message', async () => {
			const server = await trigger(['read']);
			const messageId = await sentToAlice();
			const answer = await admin.seenReport({ from: alice(), webhookUrl: hookUrl(server) });
			expect(answer.body.delivery.status).toBe(200);
			expect(server.runs[0].items.map((item) => item.json)).toEqual([
				expect.objectContaining({
					provider: 'infobipMessenger',
					eventType: 'read',
					senderId: alice(),
					recipientId: page(),
					pageId: page(),
					messageId,
					status: 'read',
					timestamp: expect.stringMatching(ISO),
				}),
			]);
		});

		it('one URL takes all three webhooks: the account\'s delivery-report URL gets a send\'s report by itself, the seen-report URL the user\'s read', async () => {
			const server = await trigger(EVERY_CHOICE);
			const url = hookUrl(server);
			Object.assign(sandbox.config.infobip.messengerApi, { inboundUrl: url, deliveryReportUrl: url, seenReportUrl: url });
			await sandbox.user({ via: 'infobip-messenger', from: alice(), kind: 'text', text: 'hi' });
			const messageId = await sentToAlice('hello back');
			// The sandbox pushes the delivery report after answering the send: wait for it, boundedly.
			for (let polls = 0; polls < 200 && server.runs.length < 2; polls++) await new Promise((resolve) => setTimeout(resolve, 10));
			await sandbox.user({ via: 'infobip-messenger', from: alice(), kind: 'read' });
			expect(server.runs.map((run) => [run.items[0].json.eventType, run.items[0].json.messageId === messageId])).toEqual([
				['text', false],
				['status_report', true],
				['read', true],
			]);
		});
	});

	it('a body carrying several results (messageCount > 1) becomes one item each, in order, of all three kinds; Trigger On still filters', async () => {
		// The sandbox posts one result per call: collect its bodies elsewhere, then deliver them as one.
		const elsewhere = await startReceiver();
		try {
			const messageId = await sentToAlice();
			const results = [
				...(await admin.incoming({ type: 'TEXT', text: 'first', webhookUrl: elsewhere.url })).body.body.results,
				...(await admin.deliveryReport({ messageId, webhookUrl: elsewhere.url })).body.body.results,
				...(await admin.incoming({ type: 'UNKNOWN', webhookUrl: elsewhere.url })).body.body.results,
				...(await admin.seenReport({ messageId, webhookUrl: elsewhere.url })).body.body.results,
				...(await admin.incoming({ type: 'LOCATION', latitude: 1.5, longitude: 2.5, webhookUrl: elsewhere.url })).body.body.results,
			];
			const server = await trigger(['text', 'attachment', 'status_report', 'read']);
			const answer = await post(hookUrl(server), JSON.stringify({ results, messageCount: results.length, pendingMessageCount: 0 }));
			expect(answer.status).toBe(200);
			expect(server.runs).toHaveLength(1);
			expect(server.runs[0].items.map((item) => item.json.eventType)).toEqual(['text', 'status_report', 'read', 'attachment']);
			expect(server.runs[0].items.map((item) => item.json.raw)).toEqual([results[0], results[1], results[3], results[4]]);
		} finally {
			await elsewhere.close();
		}
	});

	describe('redeliveries', () => {
		it('a body Infobip sends again (same messageId) is acknowledged and dropped; another message still runs', async () => {
			const server = await trigger();
			const { body } = await incoming(server, { type: 'TEXT', text: 'once' });
			const again = await post(hookUrl(server), JSON.stringify(body));
			expect(again.status).toBe(200);
			expect(server.runs).toHaveLength(1);
			await incoming(server, { type: 'TEXT', text: 'once' });
			expect(server.runs).toHaveLength(2);
		});

		it('a report sent again is dropped, while the delivery and the seen report of one message both run', async () => {
			const server = await trigger(['status_report', 'read']);
			const messageId = await sentToAlice();
			const delivered = await admin.deliveryReport({ messageId, webhookUrl: hookUrl(server) });
			expect((await post(hookUrl(server), JSON.stringify(delivered.body.body))).status).toBe(200);
			await admin.seenReport({ messageId, webhookUrl: hookUrl(server) });
			expect(server.runs.map((run) => run.items[0].json.eventType)).toEqual(['status_report', 'read']);
		});

		it('a later delivery report of the same message with another status is news, and runs', async () => {
			const server = await trigger(['status_report']);
			const messageId = await sentToAlice();
			await admin.deliveryReport({ messageId, status: 'DELIVERED', webhookUrl: hookUrl(server) });
			await admin.deliveryReport({ messageId, status: 'EXPIRED', webhookUrl: hookUrl(server) });
			await admin.deliveryReport({ messageId, status: 'EXPIRED', webhookUrl: hookUrl(server) });
			expect(server.runs.map((run) => (run.items[0].json.raw as { status: { name: string } }).status.name)).toEqual(['DELIVERED_TO_HANDSET', 'EXPIRED_EXPIRED']);
		});
	});

	describe('Secret in Path', () => {
		it('activation and deactivation call nobody (the Messenger API has no call to register a URL)', async () => {
			const server = await trigger();
			await server.deactivate();
			expect(sandbox.log).toHaveLength(0);
		});

		it('a version 3 trigger without a secret does not activate, and its URL takes nothing', async () => {
			const server = await startWebhookServer(triggerWorkflow({ provider: 'infobipMessenger' }, {}, 3));
			servers.push(server);
			await expect(server.activate()).rejects.toThrow('Authentication "Secret in Path" needs a Secret');
			const answer = await admin.incoming({ type: 'TEXT', text: 'anyone?', webhookUrl: server.url().replace(':secret', 'x') });
			expect(answer.body.delivery.status).toBe(404);
			expect(server.runs).toHaveLength(0);
		});

		it('a wrong secret is refused with 403 and a missing one finds no webhook; neither starts a run', async () => {
			const server = await trigger();
			expect(server.url()).toMatch(/\/webhook\/:secret$/);
			const wrong = await admin.incoming({ type: 'TEXT', text: 'let me in', webhookUrl: hookUrl(server, 'guess') });
			expect(wrong.body.delivery).toMatchObject({ status: 403 });
			const missing = await admin.incoming({ type: 'TEXT', text: 'let me in', webhookUrl: server.url().replace('/:secret', '') });
			expect(missing.body.delivery).toMatchObject({ status: 404 });
			expect(server.runs).toHaveLength(0);
			expect(JSON.stringify([wrong.body, missing.body])).not.toContain(SECRET);
		});

		it('a v1 forward body sent to this trigger is refused (400), naming what it expected', async () => {
			const server = await trigger();
			const v1 = { results: [{ from: alice(), to: page(), message: { text: 'hi' }, messageId: 'x' }] };
			const answer = await post(hookUrl(server), JSON.stringify(v1));
			expect(answer.status).toBe(400);
			expect(answer.body).toMatch(/Infobip Messenger API webhook body: results\[0\] is not an incoming message/);
			expect(server.runs).toHaveLength(0);
		});
	});

	it('round trip: an incoming TEXT → Messenger node (infobipMessenger, {{ $json.senderId }}) answers through POST /messenger/1/messages', async () => {
		const credentials = { [CREDENTIAL_TYPES.infobipMessenger]: sandboxCredentials(sandbox, 'infobipMessenger') };
		const server = await trigger(
			undefined,
			replyAfterTrigger({ provider: 'infobipMessenger', operation: 'text', recipient: '={{ $json.senderId }}', text: '=You said: {{ $json.text }}' }),
			credentials,
		);
		sandbox.config.infobip.messengerApi.inboundUrl = hookUrl(server);
		await sandbox.user({ via: 'infobip-messenger', from: alice(), kind: 'text', text: 'ping' });

		expect(server.runs).toHaveLength(1);
		const run = await server.runs[0].result;
		expect(run.nodeError('Reply')).toBeUndefined();
		expect(run.executionOrder).toEqual([TRIGGER, 'Reply']);
		const sends = sandbox.log.filter((entry) => entry.routeId === 'infobip-messenger.send');
		expect(sends).toHaveLength(1);
		expect(sends[0].headers.authorization).toBe(`App ${sandbox.config.infobip.apiKey}`);
		const sent = await admin.sent();
		expect(sent).toEqual([
			expect.objectContaining({ sender: page(), destination: alice(), content: { type: 'TEXT', text: 'You said: ping' }, reachedUser: true }),
		]);
		expect(run.output('Reply')[0].json).toMatchObject({ provider: 'infobipMessenger', recipient: alice(), messageId: sent[0].messageId, status: 'accepted' });
	});
});
