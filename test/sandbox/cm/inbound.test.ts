import type { Sandbox } from '../../../sandbox/core/types';
import { cmSend, richItem, startCmSandbox, startReceiver, type Receiver } from './helpers';

describe('CM.com sandbox: user actions (MO webhook, status reports, opt-in tokens)', () => {
	let sandbox: Sandbox;
	let inbound: Receiver;
	let status: Receiver;

	beforeAll(async () => {
		sandbox = await startCmSandbox();
		inbound = await startReceiver();
		status = await startReceiver(204);
		sandbox.config.cm.inboundUrl = inbound.url;
	});
	afterAll(async () => {
		await sandbox.close();
		await inbound.close();
		await status.close();
	});
	beforeEach(() => {
		sandbox.clearLog();
		inbound.received.length = 0;
		status.received.length = 0;
	});

	const alice = () => sandbox.config.users[0].psid;
	const pageId = () => sandbox.config.cm.pageIds[0];
	const lastMo = () => JSON.parse(inbound.received.at(-1)?.body ?? 'null');

	it('posts a text MO in the providers.md shape to config.cm.inboundUrl', async () => {
		const result = await sandbox.user({ via: 'cm', from: alice(), kind: 'text', text: 'Hello page' });
		expect(result.delivery).toEqual({ url: inbound.url, status: 200, responseBody: 'ok' });
		expect(inbound.received).toHaveLength(1);
		expect(inbound.received[0].headers['content-type']).toMatch(/application\/json/);
		expect(lastMo()).toEqual({
			reference: expect.any(String),
			from: { number: alice() },
			to: { number: pageId() },
			message: { text: 'Hello page' },
			groupings: ['', '', ''],
			timeUtc: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			channel: 'Facebook Messenger',
		});
		expect(lastMo()).toEqual(result.body);
	});

	it('carries suggestion clicks in message.suggestionResponse.postbackdata and attachments as media', async () => {
		await sandbox.user({ via: 'cm', from: alice(), kind: 'postback', text: 'Give me more info', payload: 'INFO' });
		expect(lastMo().message).toEqual({ text: 'Give me more info', suggestionResponse: { postbackdata: 'INFO' } });
		await sandbox.user({ via: 'cm', from: alice(), kind: 'attachment', attachmentType: 'image', url: 'https://cdn.test/p/cat.png' });
		expect(lastMo().message).toEqual({ media: { mediaName: 'cat.png', mediaUri: 'https://cdn.test/p/cat.png', mimeType: 'image/png' } });
	});

	it('issues a notification token on opt-in that is then accepted only with NOTIFICATION_MESSAGE', async () => {
		const result = await sandbox.user({ via: 'cm', from: alice(), kind: 'optin', payload: 'OPT_IN' });
		// developers.cm.com/messaging/docs/facebook-messenger-1, "Example Opt-In Event (OptInSubscribed)".
		const event = (result.body as { event: { type: string; reference: string; custom: { notificationToken: string; tokenExpiry: string } } }).event;
		expect(event).toMatchObject({ type: 'OptInSubscribed', reference: 'OPT_IN' });
		const token = event.custom;
		expect(typeof token.notificationToken).toBe('string');
		expect(Number.isNaN(Date.parse(token.tokenExpiry))).toBe(false);
		const to = [{ number: token.notificationToken }];

		const tagged = await cmSend(sandbox, richItem(sandbox, { text: 'CM.com - Be part of it.', tag: 'NOTIFICATION_MESSAGE' }, { to }));
		expect(tagged.status).toBe(200);
		expect(tagged.body.messages[0]).toMatchObject({ to: token.notificationToken, status: 'Accepted' });
		expect(sandbox.delivered.map((d) => d.recipient)).toEqual([token.notificationToken]);

		const untagged = await cmSend(sandbox, richItem(sandbox, { text: 'x' }, { to }));
		expect(untagged.body.messages[0]).toMatchObject({ status: 'Rejected', messageErrorCode: 303 });
		const psid = await cmSend(sandbox, richItem(sandbox, { text: 'x', tag: 'NOTIFICATION_MESSAGE' }));
		expect(psid.body.messages[0]).toMatchObject({ status: 'Rejected', messageErrorCode: 303 });
		expect(psid.body.messages[0].messageDetails).toMatch(/needs a notification token/);
	});

	it('sends read and delivery as status reports to config.cm.statusUrl, with the last reference', async () => {
		await expect(sandbox.user({ via: 'cm', from: alice(), kind: 'read' })).rejects.toThrow(/statusUrl/);
		sandbox.config.cm.statusUrl = status.url;
		try {
			await cmSend(sandbox, richItem(sandbox, { text: 'hi' }, { reference: 'order-7' }));
			const read = await sandbox.user({ via: 'cm', from: alice(), kind: 'read' });
			expect(read.delivery?.status).toBe(204);
			await sandbox.user({ via: 'cm', from: alice(), kind: 'delivery' });
			await sandbox.user({ via: 'cm', from: alice(), kind: 'delivery', variant: 'failed' });
			expect(inbound.received).toHaveLength(0);
			const reports = status.received.map((r) => JSON.parse(r.body).messages.msg);
			expect(reports).toEqual([
				expect.objectContaining({ to: alice(), reference: 'order-7', status: { code: '4', errorCode: '', errorDescription: '' }, channel: 'Facebook Messenger' }),
				expect.objectContaining({ to: alice(), reference: 'order-7', status: { code: '2', errorCode: '', errorDescription: '' } }),
				expect.objectContaining({ to: alice(), reference: 'order-7', status: { code: '3', errorCode: '5', errorDescription: 'Recipient unreachable' } }),
			]);
		} finally {
			delete sandbox.config.cm.statusUrl;
		}
	});

	it('refuses kinds CM has no shape for, and MOs without an inboundUrl', async () => {
		await expect(sandbox.user({ via: 'cm', from: alice(), kind: 'reaction' })).rejects.toThrow(/no CM\.com inbound shape/);
		delete sandbox.config.cm.inboundUrl;
		try {
			await expect(sandbox.user({ via: 'cm', from: alice(), kind: 'text', text: 'x' })).rejects.toThrow(/inboundUrl/);
		} finally {
			sandbox.config.cm.inboundUrl = inbound.url;
		}
	});
});
