import { onlyBody, send } from './helpers';
import { useSandbox } from '../../support/sandbox';

// Every operation Infobip's v1 API (seed 003) carries, through the node and over real HTTP; the
// bodies are compared with seed 003's request examples field for field.
describe('Messenger node via Infobip', () => {
	const sandbox = useSandbox();
	let alice: string;
	let appKey: string;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
		appKey = sandbox.config.infobip.applicationKeys[0];
	});
	beforeEach(() => sandbox.clearLog());

	it('sends text with App-key auth, and outputs the uniform result', async () => {
		const outcome = await send(sandbox, 'infobip', { resource: 'message', operation: 'text', recipient: alice, text: 'Hello, World!' });
		expect(outcome.error).toBeUndefined();
		expect(onlyBody(outcome)).toEqual({ from: appKey, to: alice, message: { type: 'TEXT', text: 'Hello, World!' } });
		expect(outcome.sent[0].headers.authorization).toBe(`App ${sandbox.config.infobip.apiKey}`);
		const [item] = outcome.items;
		expect(item.json).toEqual({ provider: 'infobip', messageId: expect.any(String), recipient: alice, status: 'accepted', raw: outcome.sent[0].response });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(sandbox.delivered.map((d) => d.messageId)).toEqual([item.json.messageId]);
	});

	it('sends with Basic auth as the seed\'s examples do', async () => {
		const { infobip } = sandbox.config;
		const outcome = await send(sandbox, 'infobip', { operation: 'text', recipient: alice, text: 'Hi' }, {
			credentials: { baseUrl: sandbox.url, authType: 'basic', username: infobip.basicUser, password: infobip.basicPassword, defaultSender: appKey },
		});
		expect(outcome.error).toBeUndefined();
		expect(outcome.sent[0].headers.authorization).toBe(`Basic ${Buffer.from(`${infobip.basicUser}:${infobip.basicPassword}`).toString('base64')}`);
	});

	it('text over 640 characters is sent with a warning, as Infobip truncates it', async () => {
		const outcome = await send(sandbox, 'infobip', { operation: 'text', recipient: alice, text: 'x'.repeat(641) });
		expect(outcome.error).toBeUndefined();
		expect(outcome.items[0].json.warnings).toEqual([
			'text is 641 characters long; the limit on Infobip is 640: Infobip truncates it to 640 characters',
		]);
		expect(sandbox.delivered).toHaveLength(1);
	});

	it.each([
		['image', 'https://petersapparel.com/img/shirt.png'],
		['audio', 'https://example.com/jingle.mp3'],
		['video', 'https://example.com/clip.mp4'],
		['file', 'https://example.com/invoice.pdf'],
	])('sends %s media by URL', async (mediaType, url) => {
		const outcome = await send(sandbox, 'infobip', { resource: 'message', operation: 'media', recipient: alice, mediaType, mediaUrl: url });
		expect(outcome.error).toBeUndefined();
		expect(onlyBody(outcome)).toEqual({ from: appKey, to: alice, message: { type: mediaType.toUpperCase(), url } });
	});

	it.each(['mark_seen', 'typing_on', 'typing_off'])('sends the sender action %s', async (action) => {
		const outcome = await send(sandbox, 'infobip', { resource: 'senderAction', operation: 'senderAction', recipient: alice, senderAction: action });
		expect(outcome.error).toBeUndefined();
		expect(onlyBody(outcome)).toEqual({ from: appKey, to: alice, message: { type: 'SENDER_ACTION', senderAction: action.toUpperCase() } });
	});

	it('sends a button template with postback and URL buttons', async () => {
		const outcome = await send(sandbox, 'infobip', {
			resource: 'template',
			operation: 'buttonTemplate',
			recipient: alice,
			text: 'Test',
			buttons: {
				button: [
					{ type: 'postback', title: 'title', payload: 'payload' },
					{ type: 'url', title: 'title', url: 'www.infobip.com' },
				],
			},
		});
		expect(outcome.error).toBeUndefined();
		expect(onlyBody(outcome)).toEqual({
			from: appKey,
			to: alice,
			message: {
				type: 'TEMPLATE',
				payload: {
					type: 'BUTTON',
					text: 'Test',
					buttons: [
						{ type: 'POSTBACK', title: 'title', payload: 'payload' },
						{ type: 'URL', title: 'title', url: 'www.infobip.com' },
					],
				},
			},
		});
	});

	it('the Sender option overrides the credential\'s application key (an unknown key is Infobip\'s error)', async () => {
		const outcome = await send(sandbox, 'infobip', { operation: 'text', recipient: alice, text: 'Hi', options: { sender: 'OTHER-APP-KEY' } });
		expect(onlyBody(outcome)).toMatchObject({ from: 'OTHER-APP-KEY' });
		expect(outcome.error?.message).toMatch(/^Infobip: .*OTHER-APP-KEY/);
		expect(sandbox.delivered).toHaveLength(0);
	});
});
