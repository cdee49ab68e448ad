// What the sandbox POSTs to the bot: incoming messages of every Messenger API type, delivery reports
// (per-message URL, account URL, forced outcomes) and seen reports (from = user, to = page).
import { startReceiver, type Receiver } from '../../support/receiver';
import { useSandbox } from '../../support/sandbox';
import { ALICE, messengerClient, oneMessage, PAGE, receivedJson } from './helpers';

const INFOBIP_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

describe('Messenger API webhooks', () => {
	const sb = useSandbox();
	const client = messengerClient(sb);
	let receiver: Receiver;
	beforeEach(async () => {
		sb.reset();
		receiver = await startReceiver();
	});
	afterEach(() => receiver.close());

	const INBOUND: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
		['TEXT', { text: 'Hello' }, { type: 'TEXT', mid: expect.stringMatching(/^m_/), text: 'Hello', quickReply: {}, replyTo: {} }],
		['TEXT', { text: 'Yes', quickReplyPayload: 'YES', replyToMid: 'm_prev' }, { type: 'TEXT', mid: expect.any(String), text: 'Yes', quickReply: { payload: 'YES' }, replyTo: { mid: 'm_prev' } }],
		['URL', { url: 'https://e.com/page' }, { type: 'URL', url: 'https://e.com/page' }],
		['AUDIO', { url: 'https://e.com/a.mp3' }, { type: 'AUDIO', url: 'https://e.com/a.mp3' }],
		['VIDEO', { url: 'https://e.com/v.mp4' }, { type: 'VIDEO', url: 'https://e.com/v.mp4' }],
		['FILE', { url: 'https://e.com/f.pdf' }, { type: 'FILE', url: 'https://e.com/f.pdf' }],
		['IMAGE', { url: 'https://e.com/i.png' }, { type: 'IMAGE', url: 'https://e.com/i.png', stickerId: '' }],
		['IMAGE', { url: 'https://e.com/s.png', stickerId: '369239263222822' }, { type: 'IMAGE', url: 'https://e.com/s.png', stickerId: '369239263222822' }],
		['FALLBACK', { url: 'https://e.com/shared', title: 'Shared link' }, { type: 'FALLBACK', url: 'https://e.com/shared', title: 'Shared link' }],
		['LOCATION', { latitude: 45.81, longitude: 15.98 }, { type: 'LOCATION', latitude: 45.81, longitude: 15.98 }],
		['LOCATION_URL', { url: 'https://maps.example/x' }, { type: 'LOCATION_URL', url: 'https://maps.example/x' }],
		['POSTBACK', { payload: 'GET_STARTED', title: 'Get started' }, { type: 'POSTBACK', payload: 'GET_STARTED', title: 'Get started' }],
		['UNKNOWN', { raw: { reaction: 'love' } }, { type: 'UNKNOWN', raw: { reaction: 'love' } }],
	];

	it.each(INBOUND)('POSTs an incoming %s message in the FacebookInboundRequest shape', async (type, fields, message) => {
		const res = await client.admin('POST', '/incoming', { type, ...fields, webhookUrl: receiver.url });
		expect(res.status).toBe(200);
		expect(res.body.delivery).toMatchObject({ url: receiver.url, status: 200, responseBody: 'ok' });
		const [body] = await receivedJson(receiver, 1);
		expect(receiver.requests[0].headers['content-type']).toBe('application/json');
		expect(body).toEqual({
			results: [
				{
					sender: ALICE,
					to: PAGE,
					integrationType: 'MESSENGER',
					receivedAt: expect.stringMatching(INFOBIP_TIME),
					messageId: expect.any(String),
					message,
					price: { pricePerMessage: 0, currency: 'EUR' },
				},
			],
			messageCount: 1,
			pendingMessageCount: 0,
		});
		expect(res.body.body).toEqual(body);
	});

	it('sends the lean shape of the OpenAPI example on request, and the configured inbound URL by default', async () => {
		await client.patchConfig({ inboundUrl: receiver.url });
		await client.admin('POST', '/incoming', { text: 'Hello', exampleShape: true });
		const [body] = await receivedJson(receiver, 1);
		expect(body.results[0]).toEqual({ sender: ALICE, to: PAGE, receivedAt: expect.stringMatching(INFOBIP_TIME), message: expect.objectContaining({ type: 'TEXT', text: 'Hello' }) });
	});

	it('delivers a user message (chat page) to config inboundUrl for via infobip-messenger', async () => {
		await client.patchConfig({ inboundUrl: receiver.url });
		const result = await sb.user({ via: 'infobip-messenger', from: ALICE, kind: 'postback', text: 'Menu', payload: 'MENU' });
		expect(result.delivery).toEqual({ url: receiver.url, status: 200, responseBody: 'ok' });
		const [body] = await receivedJson(receiver, 1);
		expect(body.results[0]).toMatchObject({ sender: ALICE, to: PAGE, message: { type: 'POSTBACK', payload: 'MENU', title: 'Menu' } });
	});

	it('refuses a user message when no inbound URL is configured, and kinds the API has no shape for', async () => {
		await expect(sb.user({ via: 'infobip-messenger', from: ALICE, kind: 'text', text: 'hi' })).rejects.toThrow(/inboundUrl/);
		await client.patchConfig({ inboundUrl: receiver.url });
		await expect(sb.user({ via: 'infobip-messenger', from: ALICE, kind: 'reaction' })).rejects.toThrow(/no shape/);
		expect((await client.admin('POST', '/incoming', { type: 'STICKER' })).status).toBe(400);
		expect(receiver.requests).toHaveLength(0);
	});

	it('answers 502 with the failure when the receiver cannot be reached', async () => {
		const url = receiver.url;
		await receiver.close();
		const res = await client.admin('POST', '/incoming', { text: 'x', webhookUrl: url });
		expect(res.status).toBe(502);
		expect(res.body.error).toMatch(/failed/);
	});

	it('POSTs the delivery report of a sent message to webhooks.delivery.url, with callbackData and platform', async () => {
		const sent = await client.send(
			oneMessage({ type: 'TEXT', text: 'Hi' }, {
				webhooks: { delivery: { url: receiver.url }, callbackData: 'order-7' },
				options: { platform: { applicationId: 'app-1' }, campaignReferenceId: 'camp' },
			}),
		);
		const [body] = await receivedJson(receiver, 1);
		expect(body).toEqual({
			results: [
				{
					bulkId: sent.body.bulkId,
					price: { pricePerMessage: 0, currency: 'EUR' },
					status: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET', description: 'Message delivered to handset' },
					error: { groupId: 0, groupName: 'OK', id: 0, name: 'NO_ERROR', description: 'No Error', permanent: false },
					messageId: sent.body.messages[0].messageId,
					to: ALICE,
					sender: PAGE,
					sentAt: expect.stringMatching(INFOBIP_TIME),
					doneAt: expect.stringMatching(INFOBIP_TIME),
					messageCount: 1,
					callbackData: 'order-7',
					platform: { applicationId: 'app-1' },
					campaignReferenceId: 'camp',
				},
			],
		});
		// Pushed, so not also waiting to be pulled.
		expect((await client.get('/messenger/1/reports')).body).toEqual({ results: [] });
	});

	it('uses config deliveryReportUrl when the message names none, and sends nothing with notify false', async () => {
		await client.patchConfig({ deliveryReportUrl: receiver.url });
		await client.send(oneMessage({ type: 'TEXT', text: 'quiet' }, { webhooks: { delivery: { notify: false } } }));
		await client.send(oneMessage({ type: 'TEXT', text: 'loud' }));
		const bodies = await receivedJson(receiver, 1);
		expect(bodies).toHaveLength(1);
		expect((await client.get('/messenger/1/reports')).body.results).toHaveLength(1);
	});

	it('reports a rejected sender in its delivery report', async () => {
		await client.send({ messages: [{ sender: 'not-my-page', destinations: [{ to: ALICE }], content: { type: 'TEXT', text: 'x' }, webhooks: { delivery: { url: receiver.url } } }] });
		const [body] = await receivedJson(receiver, 1);
		expect(body.results[0].status).toMatchObject({ groupName: 'REJECTED', name: 'REJECTED_SENDER' });
	});

	it('sends a forced delivery report on request, and 404 for an unknown message', async () => {
		const sent = await client.send(oneMessage({ type: 'TEXT', text: 'Hi' }));
		const messageId = sent.body.messages[0].messageId;
		const res = await client.admin('POST', '/delivery-report', { messageId, status: 'EXPIRED', webhookUrl: receiver.url });
		expect(res.status).toBe(200);
		const [body] = await receivedJson(receiver, 1);
		expect(body.results[0]).toMatchObject({ messageId, status: { groupName: 'EXPIRED', name: 'EXPIRED_EXPIRED' } });
		expect((await client.get(`/messenger/1/logs?messageId=${messageId}`)).body.results[0].status.groupName).toBe('EXPIRED');
		expect((await client.admin('POST', '/delivery-report', { messageId: 'nope', webhookUrl: receiver.url })).status).toBe(404);
		expect((await client.admin('POST', '/delivery-report', { messageId, status: 'LOST', webhookUrl: receiver.url })).status).toBe(400);
	});

	it('sends a seen report with from = user and to = page (admin, and the user reading in the chat)', async () => {
		const sent = await client.send(oneMessage({ type: 'TEXT', text: 'Hi' }, { webhooks: { seen: { url: receiver.url } } }));
		const messageId = sent.body.messages[0].messageId;
		const res = await client.admin('POST', '/seen-report', { messageId });
		expect(res.status).toBe(200);
		await sb.user({ via: 'infobip-messenger', from: ALICE, kind: 'read' });
		const bodies = await receivedJson(receiver, 2);
		for (const body of bodies) {
			expect(body).toEqual({
				results: [{ messageId, from: ALICE, to: PAGE, sentAt: expect.stringMatching(INFOBIP_TIME), seenAt: expect.stringMatching(INFOBIP_TIME) }],
			});
		}
	});

	it('uses config seenReportUrl, and refuses a seen report with no URL or no message', async () => {
		const sent = await client.send(oneMessage({ type: 'TEXT', text: 'Hi' }, { options: { platform: { entityId: 'ent' } } }));
		const messageId = sent.body.messages[0].messageId;
		expect((await client.admin('POST', '/seen-report', { messageId })).status).toBe(400);
		expect((await client.admin('POST', '/seen-report', { from: 'nobody' })).status).toBe(404);
		await client.patchConfig({ seenReportUrl: receiver.url });
		await client.admin('POST', '/seen-report', { from: ALICE });
		const [body] = await receivedJson(receiver, 1);
		expect(body.results[0]).toMatchObject({ messageId, from: ALICE, to: PAGE, entityId: 'ent' });
	});

	it('keeps every webhook attempt for GET /__sandbox/infobip-messenger/webhooks', async () => {
		await client.admin('POST', '/incoming', { text: 'a', webhookUrl: receiver.url });
		const res = await client.admin('GET', '/webhooks');
		expect(res.body.attempts).toEqual([expect.objectContaining({ kind: 'incoming-message', url: receiver.url, status: 200 })]);
	});
});
