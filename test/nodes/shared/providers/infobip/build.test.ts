import { buildInfobipRequest } from '../../../../../nodes/shared/providers/infobip/build';
import { PSID, SENDER, postback, request, sampleMessage, urlButton } from '../../fixtures';

const credentials = { baseUrl: 'https://xyz.api.infobip.com/', defaultSender: 'IGNORED' };

// Every body below is seed 003's request example for that message type, field for field.
describe('buildInfobipRequest (seed 003)', () => {
	it('POSTs {from, to, message} to /facebook/1/single on the account base URL', () => {
		const options = buildInfobipRequest(request(sampleMessage('text'), { sender: '8F0792F86035A9F4290821F1EE6BC06A' }), credentials);
		expect(options).toMatchObject({ method: 'POST', baseURL: 'https://xyz.api.infobip.com', url: '/facebook/1/single', json: true });
		expect(options.body).toEqual({ from: '8F0792F86035A9F4290821F1EE6BC06A', to: PSID, message: { type: 'TEXT', text: 'Hello' } });
	});

	it.each([
		['image', 'IMAGE'],
		['audio', 'AUDIO'],
		['video', 'VIDEO'],
		['file', 'FILE'],
	] as const)('media %s → {type: %s, url}', (type, wire) => {
		const message = { type: 'media' as const, media: { type, source: { kind: 'url' as const, url: 'https://petersapparel.com/img/shirt.png' } } };
		expect(buildInfobipRequest(request(message), credentials).body).toEqual({
			from: SENDER,
			to: PSID,
			message: { type: wire, url: 'https://petersapparel.com/img/shirt.png' },
		});
	});

	it.each([
		['mark_seen', 'MARK_SEEN'],
		['typing_on', 'TYPING_ON'],
		['typing_off', 'TYPING_OFF'],
	] as const)('sender action %s → SENDER_ACTION %s', (action, wire) => {
		expect((buildInfobipRequest(request({ type: 'senderAction', action }), credentials).body as { message: unknown }).message).toEqual({
			type: 'SENDER_ACTION',
			senderAction: wire,
		});
	});

	it('button template → TEMPLATE with a BUTTON payload, POSTBACK and URL buttons', () => {
		const message = { type: 'buttonTemplate' as const, text: 'Test', buttons: [postback('title', 'payload'), urlButton('title', 'www.infobip.com')] };
		expect((buildInfobipRequest(request(message), credentials).body as { message: unknown }).message).toEqual({
			type: 'TEMPLATE',
			payload: {
				type: 'BUTTON',
				text: 'Test',
				buttons: [
					{ type: 'POSTBACK', title: 'title', payload: 'payload' },
					{ type: 'URL', title: 'title', url: 'www.infobip.com' },
				],
			},
		});
	});

	it('refuses what seed 003 cannot carry (the validator should have stopped it first)', () => {
		expect(() => buildInfobipRequest(request(sampleMessage('carousel')), credentials)).toThrow(/capability table/);
	});
});
