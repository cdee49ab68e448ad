import { infobipClient, request, seedSingle } from './helpers';
import { useSandbox } from '../../support/sandbox';

const PENDING = { groupId: 1, groupName: 'PENDING', id: 7, name: 'PENDING_ENROUTE', description: 'Message sent to next instance' };

describe('Infobip sandbox: POST /facebook/1/single (seed 003)', () => {
	const sandbox = useSandbox();
	let client: ReturnType<typeof infobipClient>;

	beforeAll(async () => {
		client = infobipClient(sandbox);
	});
	beforeEach(() => sandbox.clearLog());

	const send = (message: unknown) => client.single(seedSingle(sandbox, message));

	async function expectBadRequest(message: unknown, textPart: RegExp) {
		const response = await send(message);
		expect(response.status).toBe(400);
		expect(response.body.requestError.serviceException.messageId).toBe('BAD_REQUEST');
		expect(response.body.requestError.serviceException.text).toMatch(textPart);
		expect(sandbox.delivered).toHaveLength(0);
	}

	it('sends seed 003 text example and answers the documented response fields', async () => {
		const body = seedSingle(sandbox, { type: 'TEXT', text: 'Hello, World!' });
		const response = await client.single(body);
		expect(response.status).toBe(200);
		expect(Object.keys(response.body).sort()).toEqual(['messageCount', 'messageId', 'status', 'to']);
		expect(response.body).toMatchObject({ to: body.to, status: PENDING, messageCount: 1 });
		expect(typeof response.body.messageId).toBe('string');
		expect(sandbox.delivered).toHaveLength(1);
		expect(sandbox.delivered[0]).toMatchObject({ provider: 'infobip', messageId: response.body.messageId, recipient: body.to, message: body });
		expect(sandbox.log.at(-1)?.routeId).toBe('infobip.single');
	});

	it('truncates TEXT longer than 640 characters to 640 (seed 003), 641 in, 640 delivered', async () => {
		const text = 'a'.repeat(639) + 'bc';
		const response = await send({ type: 'TEXT', text });
		expect(response.status).toBe(200);
		const delivered = sandbox.delivered[0].message as { message: { text: string } };
		expect(delivered.message.text).toHaveLength(640);
		expect(delivered.message.text).toBe('a'.repeat(639) + 'b');
	});

	it('delivers exactly 640 characters unchanged and counts characters, not UTF-16 units', async () => {
		await send({ type: 'TEXT', text: 'x'.repeat(640) });
		const emoji = '😀'.repeat(641);
		await send({ type: 'TEXT', text: emoji });
		const [plain, emojis] = sandbox.delivered.map((d) => (d.message as { message: { text: string } }).message.text);
		expect(plain).toBe('x'.repeat(640));
		expect(Array.from(emojis)).toHaveLength(640);
	});

	it.each(['IMAGE', 'AUDIO', 'VIDEO', 'FILE'])('sends a %s media message with a url', async (type) => {
		const response = await send({ type, url: 'https://petersapparel.com/img/shirt.png' });
		expect(response.status).toBe(200);
		expect(sandbox.delivered).toHaveLength(1);
	});

	it('accepts sender actions without delivering a message', async () => {
		for (const senderAction of ['MARK_SEEN', 'TYPING_ON', 'TYPING_OFF']) {
			const response = await send({ type: 'SENDER_ACTION', senderAction });
			expect(response.status).toBe(200);
			expect(response.body.status).toEqual(PENDING);
		}
		expect(sandbox.delivered).toHaveLength(0);
	});

	it("sends seed 003's button template example (bare-host URL included)", async () => {
		const message = {
			type: 'TEMPLATE',
			payload: {
				type: 'BUTTON',
				text: 'Test',
				buttons: [
					{ type: 'POSTBACK', title: 'title', payload: 'payload' },
					{ type: 'URL', title: 'title', url: 'www.infobip.com' },
				],
			},
		};
		const response = await send(message);
		expect(response.status).toBe(200);
		expect(sandbox.delivered[0].message).toEqual(seedSingle(sandbox, message));
	});

	const button = (i: number) => ({ type: 'POSTBACK', title: `b${i}`, payload: `p${i}` });
	const template = (payload: Record<string, unknown>) => ({ type: 'TEMPLATE', payload: { type: 'BUTTON', text: 'Pick', buttons: [button(1)], ...payload } });

	it('rejects 4 buttons and 0 buttons (1..3)', async () => {
		await expectBadRequest(template({ buttons: [1, 2, 3, 4].map(button) }), /buttons must hold 1 to 3 buttons \(got 4\)/);
		await expectBadRequest(template({ buttons: [] }), /buttons must hold 1 to 3 buttons \(got 0\)/);
	});

	it('rejects a button title of 21 characters and a payload of 1001', async () => {
		await expectBadRequest(template({ buttons: [{ type: 'POSTBACK', title: 't'.repeat(21), payload: 'p' }] }), /buttons\[0\]\.title must be at most 20/);
		await expectBadRequest(template({ buttons: [{ type: 'POSTBACK', title: 't', payload: 'p'.repeat(1001) }] }), /payload must be at most 1000/);
		expect((await send(template({ buttons: [{ type: 'POSTBACK', title: 't'.repeat(20), payload: 'p'.repeat(1000) }] }))).status).toBe(200);
	});

	it('rejects template text over 320 characters (no truncation there)', async () => {
		await expectBadRequest(template({ text: 'x'.repeat(321) }), /payload\.text must be at most 320/);
	});

	it('requires payload for POSTBACK and url for URL buttons, and no cross fields', async () => {
		await expectBadRequest(template({ buttons: [{ type: 'POSTBACK', title: 't' }] }), /buttons\[0\]\.payload is required/);
		await expectBadRequest(template({ buttons: [{ type: 'URL', title: 't' }] }), /buttons\[0\]\.url is required/);
		await expectBadRequest(template({ buttons: [{ type: 'URL', title: 't', url: 'https://x.test', payload: 'p' }] }), /payload is not a documented field/);
		await expectBadRequest(template({ buttons: [{ type: 'CALL', title: 't' }] }), /type must be one of POSTBACK, URL/);
	});

	it('rejects unknown fields at every level', async () => {
		const top = await client.single({ ...seedSingle(sandbox, { type: 'TEXT', text: 'x' }), callbackData: 'x' });
		expect(top.status).toBe(400);
		expect(top.body.requestError.serviceException.text).toMatch(/callbackData is not a documented field/);
		await expectBadRequest({ type: 'TEXT', text: 'x', url: 'https://x.test' }, /message\.url is not a documented field/);
		await expectBadRequest(template({ quick_replies: [] }), /message\.payload\.quick_replies/);
	});

	it('rejects missing or malformed required fields', async () => {
		await expectBadRequest({ type: 'TEXT' }, /message\.text is required/);
		await expectBadRequest({ type: 'TEXT', text: 42 }, /message\.text must be a string/);
		await expectBadRequest({ type: 'STICKER' }, /message\.type must be one of/);
		await expectBadRequest({ type: 'IMAGE', url: 'not a url' }, /message\.url must be an absolute http\(s\) URL/);
		await expectBadRequest({ type: 'SENDER_ACTION', senderAction: 'typing_on' }, /senderAction must be one of MARK_SEEN, TYPING_ON, TYPING_OFF/);
		const noTo = await client.single({ from: sandbox.config.infobip.applicationKeys[0], message: { type: 'TEXT', text: 'x' } });
		expect(noTo.status).toBe(400);
		expect(noTo.body.requestError.serviceException.text).toBe('to is required');
		const notJson = await request(`${sandbox.url}/facebook/1/single`, {
			method: 'POST',
			body: 'from=x',
			headers: { authorization: `App ${sandbox.config.infobip.apiKey}`, 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(notJson.status).toBe(400);
	});

	it('answers 404 for an unknown application key in `from`', async () => {
		const response = await client.single({ ...seedSingle(sandbox, { type: 'TEXT', text: 'x' }), from: '0F3C3F29829FAB88714BA205BEC6D28F' });
		expect(response.status).toBe(404);
		expect(response.body.requestError.serviceException).toMatchObject({ messageId: 'NOT_FOUND' });
		expect(sandbox.delivered).toHaveLength(0);
	});

	it('answers an unknown user key with HTTP 200 and a REJECTED status, delivering nothing', async () => {
		const response = await client.single({ ...seedSingle(sandbox, { type: 'TEXT', text: 'x' }), to: 'no-such-user-key' });
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ to: 'no-such-user-key', status: { groupId: 5, groupName: 'REJECTED', name: 'REJECTED_DESTINATION_NOT_REGISTERED' } });
		expect(sandbox.delivered).toHaveLength(0);
	});
});
