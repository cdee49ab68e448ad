import type { Sandbox } from '../../../sandbox/core/types';
import { cmSend, image, reply, richItem, seedEnvelope, startCmSandbox } from './helpers';

describe('CM.com sandbox: POST /v1.0/message envelope, auth and response (seed 004, providers.md)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startCmSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.clearLog());

	const alice = () => sandbox.config.users[0].psid;

	it("accepts seed 004's text example (token in the body) with the documented response", async () => {
		const body = seedEnvelope(sandbox, { body: { type: 'auto', content: 'CM.com - Be part of it.' }, reference: 'ref-1' });
		const response = await cmSend(sandbox, body);
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			details: 'Created 1 message(s)',
			errorCode: 0,
			messages: [{ to: alice(), status: 'Accepted', reference: 'ref-1', parts: 1, messageDetails: null, messageErrorCode: 0 }],
		});
		expect(sandbox.delivered).toHaveLength(1);
		const msg = (body.messages as { msg: unknown[] }).msg[0];
		expect(sandbox.delivered[0]).toMatchObject({ provider: 'cm', recipient: alice(), message: msg });
		expect(sandbox.log.at(-1)?.routeId).toBe('cm.message');
	});

	it('takes the product token from the X-CM-PRODUCTTOKEN header too', async () => {
		const response = await cmSend(sandbox, seedEnvelope(sandbox, {}, false), { 'X-CM-PRODUCTTOKEN': sandbox.config.cm.productToken });
		expect(response.status).toBe(200);
		expect(response.body.errorCode).toBe(0);
	});

	it('answers a missing product token with errorCode 101 and a wrong one with 103, delivering nothing', async () => {
		const missing = await cmSend(sandbox, seedEnvelope(sandbox, {}, false));
		expect(missing.status).toBe(400);
		expect(missing.body).toMatchObject({ errorCode: 101, messages: [] });
		const wrong = await cmSend(sandbox, seedEnvelope(sandbox, {}, false), { 'X-CM-PRODUCTTOKEN': 'not-the-token' });
		expect(wrong.status).toBe(400);
		expect(wrong.body).toMatchObject({ errorCode: 103, details: 'Invalid product token', messages: [] });
		expect(sandbox.delivered).toHaveLength(0);
	});

	it('answers a malformed envelope with 202 and no messages with 203 (HTTP 400)', async () => {
		const token = { 'X-CM-PRODUCTTOKEN': sandbox.config.cm.productToken };
		const extra = await cmSend(sandbox, { messages: { msg: [], batch: true } }, token);
		expect([extra.status, extra.body.errorCode]).toEqual([400, 202]);
		const notObject = await cmSend(sandbox, { messages: 'x' }, token);
		expect([notObject.status, notObject.body.errorCode]).toEqual([400, 202]);
		const empty = await cmSend(sandbox, { messages: { msg: [] } }, token);
		expect([empty.status, empty.body.errorCode]).toEqual([400, 203]);
		const none = await cmSend(sandbox, { messages: {} }, token);
		expect([none.status, none.body.errorCode]).toEqual([400, 203]);
	});

	it('answers out of credits with HTTP 200 and errorCode 102, delivering nothing', async () => {
		sandbox.config.cm.outOfCredits = true;
		try {
			const response = await cmSend(sandbox, seedEnvelope(sandbox));
			expect(response.status).toBe(200);
			expect(response.body).toEqual({ details: 'Insufficient balance', errorCode: 102, messages: [] });
			expect(sandbox.delivered).toHaveLength(0);
		} finally {
			sandbox.config.cm.outOfCredits = false;
		}
	});

	it('rejects per message: HTTP 400 + errorCode 201 when all are rejected, HTTP 200 + 201 when some pass', async () => {
		const bad = seedEnvelope(sandbox, { from: '999' });
		const all = await cmSend(sandbox, bad);
		expect(all.status).toBe(400);
		expect(all.body.errorCode).toBe(201);
		expect(all.body.messages[0]).toMatchObject({ to: alice(), status: 'Rejected', parts: 0, messageErrorCode: 301 });
		const good = (seedEnvelope(sandbox) as { messages: { msg: unknown[] } }).messages.msg[0];
		const mixed = await cmSend(sandbox, { messages: { authentication: { producttoken: sandbox.config.cm.productToken }, msg: [good, (bad as { messages: { msg: unknown[] } }).messages.msg[0]] } });
		expect(mixed.status).toBe(200);
		expect(mixed.body.errorCode).toBe(201);
		expect(mixed.body.details).toBe('Created 1 message(s)');
		expect(mixed.body.messages.map((m: { status: string }) => m.status)).toEqual(['Accepted', 'Rejected']);
		expect(sandbox.delivered).toHaveLength(1);
	});

	it('answers one entry per recipient, rejecting only the unknown PSID (303)', async () => {
		const response = await cmSend(sandbox, seedEnvelope(sandbox, { to: [{ number: alice() }, { number: '123' }] }));
		expect(response.status).toBe(200);
		expect(response.body.messages).toEqual([
			expect.objectContaining({ to: alice(), status: 'Accepted' }),
			expect.objectContaining({ to: '123', status: 'Rejected', messageErrorCode: 303 }),
		]);
		expect(sandbox.delivered.map((d) => d.recipient)).toEqual([alice()]);
	});

	it.each([
		['from that is not a page of the token', { from: '42' }, 301],
		['a missing to', { to: [] }, 302],
		['to entries without number', { to: [{ psid: '1' }] }, 302],
		['no allowedChannels', { allowedChannels: undefined }, 305],
		['allowedChannels without Messenger', { allowedChannels: ['SMS'] }, 305],
		['an unknown msg field', { validity: '1h' }, 305],
		['a missing body', { body: undefined }, 304],
		['empty content and no richContent', { body: { content: '' } }, 304],
		['text over 2000 characters', { body: { content: 'x'.repeat(2001) } }, 304],
		['an unknown body type', { body: { content: 'x', type: 'html' } }, 305],
	])('rejects %s', async (_label, msg, code) => {
		const response = await cmSend(sandbox, seedEnvelope(sandbox, msg));
		expect(response.body.errorCode).toBe(201);
		expect(response.body.messages[0]).toMatchObject({ status: 'Rejected', messageErrorCode: code, messageDetails: expect.any(String) });
		expect(sandbox.delivered).toHaveLength(0);
	});

	it('accepts text of exactly 2000 characters in the body and in the conversation', async () => {
		expect((await cmSend(sandbox, seedEnvelope(sandbox, { body: { content: 'x'.repeat(2000) } }))).body.errorCode).toBe(0);
		expect((await cmSend(sandbox, richItem(sandbox, { text: 'y'.repeat(2000) }))).body.errorCode).toBe(0);
		const over = await cmSend(sandbox, richItem(sandbox, { text: 'y'.repeat(2001) }));
		expect(over.body.messages[0].messageErrorCode).toBe(304);
	});

	it('rejects a media item next to the text of seed 004 when the MIME type is not in the media table', async () => {
		const webp = await cmSend(sandbox, richItem(sandbox, { text: 'x', media: { ...image, mediaName: 'a.webp', mimeType: 'image/webp' } }));
		expect(webp.body.messages[0]).toMatchObject({ status: 'Rejected', messageErrorCode: 304 });
		expect(webp.body.messages[0].messageDetails).toMatch(/image\/webp/);
		const name = await cmSend(sandbox, richItem(sandbox, { media: { ...image, mediaName: 'cm.pdf' } }));
		expect(name.body.messages[0].messageDetails).toMatch(/mediaName "cm\.pdf" must end in one of the image file extensions/);
		expect((await cmSend(sandbox, richItem(sandbox, { media: image, suggestions: [reply(1)] }))).body.errorCode).toBe(0);
	});
});
