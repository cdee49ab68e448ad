// The simulated Messenger user via Meta: raw webhook bodies per kind, the X-Hub-Signature-256 HMAC over
// the exact bytes (recomputed here by the receiver), batching, and the window update.
import { createHmac } from 'node:crypto';
import { signMetaBody, type Sandbox } from '../../../sandbox';
import { D, type Loose, send, startReceiver, type Receiver } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

type Body = {
	object: string;
	entry: Array<{ id: string; time: number; messaging: Array<Record<string, Loose>>; standby: Array<Record<string, Loose>> }>;
};

describe('signMetaBody', () => {
	it('is sha256= + hex HMAC-SHA256(secret, body)', () => {
		// HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a published test vector.
		expect(signMetaBody('The quick brown fox jumps over the lazy dog', 'key')).toBe(
			'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
		);
	});
});

describe('Meta simulated user', () => {
	const sb = useSandbox();
	let receiver: Receiver;
	beforeAll(async () => {
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await receiver.close();
	});
	beforeEach(() => {
		sb.reset();
		sb.config.meta.webhookUrl = receiver.url;
		receiver.requests.length = 0;
	});

	async function act(kind: Parameters<Sandbox['user']>[0]['kind'], extra: Partial<Parameters<Sandbox['user']>[0]> = {}) {
		const result = await sb.user({ via: 'meta', from: D.alicePsid, kind, ...extra });
		const raw = receiver.requests.at(-1)!.raw;
		return { result, body: JSON.parse(raw.toString('utf8')) as Body, raw, headers: receiver.requests.at(-1)!.headers };
	}

	it('POSTs a signed body to the webhook URL; the receiver can verify the HMAC over the raw bytes', async () => {
		const { result, raw, headers, body } = await act('text', { text: 'Hi 👋 "quoted" ünïcode' });
		const expected = `sha256=${createHmac('sha256', D.appSecret).update(raw).digest('hex')}`;
		expect(headers['x-hub-signature-256']).toBe(expected);
		expect(headers['x-hub-signature']).toBe(`sha1=${createHmac('sha1', D.appSecret).update(raw).digest('hex')}`);
		expect(headers['content-type']).toBe('application/json');
		expect(receiver.requests.at(-1)!.method).toBe('POST');
		expect(result.delivery).toEqual({ url: receiver.url, status: 200, responseBody: 'ok' });
		expect(result.body).toEqual(body);
		// A wrong secret does not verify.
		expect(headers['x-hub-signature-256']).not.toBe(`sha256=${createHmac('sha256', 'other').update(raw).digest('hex')}`);
	});

	it('text: {object:"page", entry:[{id, time, messaging:[{sender, recipient, timestamp, message{mid,text}}]}]}', async () => {
		const { body } = await act('text', { text: 'hello' });
		expect(body.object).toBe('page');
		expect(body.entry).toHaveLength(1);
		expect(body.entry[0]).toMatchObject({ id: D.pageId, time: expect.any(Number) });
		const ev = body.entry[0].messaging[0];
		expect(ev).toEqual({
			sender: { id: D.alicePsid },
			recipient: { id: D.pageId },
			timestamp: expect.any(Number),
			message: { mid: expect.stringMatching(/^m_/), text: 'hello' },
		});
	});

	it('quick_reply, postback, attachment', async () => {
		expect((await act('quick_reply', { text: 'Yes', payload: 'YES' })).body.entry[0].messaging[0].message).toEqual({
			mid: expect.any(String),
			text: 'Yes',
			quick_reply: { payload: 'YES' },
		});
		expect((await act('postback', { text: 'Start', payload: 'GET_STARTED' })).body.entry[0].messaging[0].postback).toEqual({
			title: 'Start',
			payload: 'GET_STARTED',
			mid: expect.any(String),
		});
		const att = (await act('attachment', { attachmentType: 'file', url: 'https://example.com/f.pdf' })).body.entry[0].messaging[0].message;
		expect(att).toEqual({ mid: expect.any(String), attachments: [{ type: 'file', payload: { url: 'https://example.com/f.pdf' } }] });
		const img = (await act('attachment')).body.entry[0].messaging[0].message;
		expect(img.attachments[0]).toEqual({ type: 'image', payload: { url: `${sb.url}/__sandbox/media/sample.png` } });
	});

	it('read, delivery and reaction refer to what the page sent', async () => {
		const sent = await send(sb, { message: { text: 'from the page' } });
		const mid = sent.body.message_id;
		expect((await act('read')).body.entry[0].messaging[0].read).toEqual({ watermark: expect.any(Number) });
		expect((await act('delivery')).body.entry[0].messaging[0].delivery).toEqual({ mids: [mid], watermark: expect.any(Number) });
		expect((await act('reaction', { text: '👍' })).body.entry[0].messaging[0].reaction).toEqual({ mid, action: 'react', emoji: '👍', reaction: 'like' });
	});

	it('optin, referral and echo', async () => {
		// Checkbox plugin (the default): no sender, the person is optin.user_ref (messaging_optins page).
		const checkbox = (await act('optin', { payload: 'deals' })).body.entry[0].messaging[0];
		expect(checkbox).toEqual({ recipient: { id: D.pageId }, timestamp: expect.any(Number), optin: { ref: 'deals', user_ref: D.alicePsid } });
		const optin = (await act('optin', { payload: 'deals', variant: 'notification_messages' })).body.entry[0].messaging[0].optin;
		expect(optin).toMatchObject({ type: 'notification_messages', payload: 'deals', notification_messages_token: expect.any(String), notification_messages_frequency: 'DAILY' });
		expect((await act('referral', { payload: 'ad-42' })).body.entry[0].messaging[0].referral).toEqual({ ref: 'ad-42', source: 'SHORTLINK', type: 'OPEN_THREAD' });
		expect((await act('referral', { payload: 'spring', variant: 'ads' })).body.entry[0].messaging[0].referral).toMatchObject({
			ref: 'spring',
			source: 'ADS',
			type: 'OPEN_THREAD',
			ad_id: expect.any(String),
		});
		const started = (await act('referral', { payload: 'qr', variant: 'postback' })).body.entry[0].messaging[0].postback;
		expect(started).toMatchObject({ payload: 'GET_STARTED', referral: { ref: 'qr', source: 'SHORTLINK', type: 'OPEN_THREAD' } });
		const echo = (await act('echo', { text: 'page said' })).body.entry[0].messaging[0];
		expect(echo.sender).toEqual({ id: D.pageId });
		expect(echo.recipient).toEqual({ id: D.alicePsid });
		expect(echo.message).toEqual({ is_echo: true, app_id: Number(D.appId), mid: expect.any(String), text: 'page said' });
	});

	it('unreact, edit, standby and the attachment types Meta documents', async () => {
		const sent = await send(sb, { message: { text: 'from the page' } });
		expect((await act('reaction', { variant: 'unreact' })).body.entry[0].messaging[0].reaction).toEqual({ mid: sent.body.message_id, action: 'unreact' });
		expect((await act('edit', { text: 'fixed', payload: 'm_1' })).body.entry[0].messaging[0].message_edit).toEqual({ mid: 'm_1', text: 'fixed', num_edit: 1 });
		const standby = (await act('text', { text: 'to the agent', standby: true })).body.entry[0];
		expect(standby.messaging).toBeUndefined();
		expect(standby.standby).toHaveLength(1);
		expect(standby.standby[0].message).toMatchObject({ text: 'to the agent' });
		const sticker = (await act('attachment', { attachmentType: 'sticker' })).body.entry[0].messaging[0].message.attachments;
		expect(sticker.map((a: Loose) => [a.type, a.payload.sticker_id])).toEqual([
			['image', 369239263222822],
			['sticker', 369239263222822],
		]);
		expect((await act('attachment', { attachmentType: 'fallback' })).body.entry[0].messaging[0].message.attachments).toEqual([{ type: 'fallback' }]);
		const location = (await act('attachment', { attachmentType: 'location' })).body.entry[0].messaging[0].message.attachments[0];
		expect(location).toEqual({ type: 'location', payload: { coordinates: { lat: expect.any(Number), long: expect.any(Number) } } });
		const reel = (await act('attachment', { attachmentType: 'ig_reel', url: 'https://cdn.example/r.mp4' })).body.entry[0].messaging[0].message.attachments[0];
		expect(reel).toEqual({ type: 'ig_reel', payload: { url: 'https://cdn.example/r.mp4', title: 'Shared ig_reel' } });
		await expect(sb.user({ via: 'meta', from: D.alicePsid, kind: 'reaction', variant: 'wave' })).rejects.toThrow(/variant for kind reaction/);
		await expect(sb.user({ via: 'cm', from: D.alicePsid, kind: 'attachment', attachmentType: 'sticker' })).rejects.toThrow(/Meta's only/);
	});

	it('batch puts several events in one POST (one entry, or one entry each)', async () => {
		const { body } = await act('text', { batch: 3 });
		expect(receiver.requests).toHaveLength(1);
		expect(body.entry).toHaveLength(1);
		expect(body.entry[0].messaging).toHaveLength(3);
		expect(new Set(body.entry[0].messaging.map((e) => e.message.mid)).size).toBe(3);
		const split = await act('text', { batch: 2, batchAs: 'entry' });
		expect(split.body.entry).toHaveLength(2);
		expect(split.body.entry.every((e) => e.messaging.length === 1)).toBe(true);
	});

	it('user kinds refresh lastInboundAt; receipts and echoes do not', async () => {
		const old = Date.now() - 48 * 3600_000;
		sb.config.users[0].lastInboundAt = old;
		await act('read');
		await act('echo');
		expect(sb.config.users[0].lastInboundAt).toBe(old);
		await act('postback', { payload: 'X' });
		expect(Date.now() - sb.config.users[0].lastInboundAt).toBeLessThan(5000);
	});

	it('an unknown sender becomes a user who can be answered', async () => {
		await sb.user({ via: 'meta', from: '7000000000000042', kind: 'text' });
		const res = await send(sb, { recipient: { id: '7000000000000042' }, message: { text: 'welcome' } });
		expect(res.status).toBe(200);
	});

	it('reports the receiver’s status and body', async () => {
		const failing = await startReceiver((_r, res) => {
			res.statusCode = 403;
			res.end('bad signature');
		});
		try {
			sb.config.meta.webhookUrl = failing.url;
			const r = await sb.user({ via: 'meta', from: D.alicePsid, kind: 'text' });
			expect(r.delivery).toEqual({ url: failing.url, status: 403, responseBody: 'bad signature' });
		} finally {
			await failing.close();
		}
	});

	it('fails clearly without a webhook URL', async () => {
		delete sb.config.meta.webhookUrl;
		await expect(sb.user({ via: 'meta', from: D.alicePsid, kind: 'text' })).rejects.toThrow(/webhookUrl is not set/);
	});
});
