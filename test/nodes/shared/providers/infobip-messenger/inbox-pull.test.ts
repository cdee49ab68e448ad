import { MESSAGES_API_INBOX_PULL, parseMessagesApiPage } from '../../../../../nodes/shared/providers/infobip-messenger/inbox-pull';

const result = (content: unknown[], extra: Record<string, unknown> = {}) => ({
	channel: 'MESSENGER',
	sender: '731401526720514',
	destination: '24060905360217212',
	content,
	receivedAt: '2020-02-06T14:18:29.797+0000',
	messageId: 'ABEGVUGWh3gEAgo-sLTvmQCS5kwjhsy',
	messageCount: 1,
	event: 'MO',
	...extra,
});

function events(body: unknown) {
	const page = parseMessagesApiPage(body);
	if (!page.ok) throw page.error;
	return page;
}

describe('Messages API inbound pull (GET /messages-api/1/inbound)', () => {
	it('GETs channel=MESSENGER with the limit on the account base URL', () => {
		expect(MESSAGES_API_INBOX_PULL.buildPullRequest({ baseUrl: 'https://xyz.api.infobip.com/' }, 250, 3000)).toEqual({
			method: 'GET',
			url: 'https://xyz.api.infobip.com/messages-api/1/inbound',
			qs: { channel: 'MESSENGER', limit: 250 },
			json: true,
			timeout: 3000,
		});
		expect(MESSAGES_API_INBOX_PULL.maxLimit).toBe(1000);
	});

	it("the spec's MESSENGER example (a URL, no pendingMessageCount): one attachment event, pending unknown", () => {
		const page = events({ results: [result([{ url: 'http://my.domain/media/my-url', type: 'URL' }])] });
		expect(page.pendingMessageCount).toBeNull();
		expect(page.events).toHaveLength(1);
		expect(page.events[0]).toMatchObject({
			provider: 'infobipMessenger',
			eventType: 'attachment',
			senderId: '731401526720514',
			pageId: '24060905360217212',
			messageId: 'ABEGVUGWh3gEAgo-sLTvmQCS5kwjhsy',
			timestamp: '2020-02-06T14:18:29.797Z',
			attachments: [{ type: 'url', url: 'http://my.domain/media/my-url', mimeType: null, name: null, stickerId: null, coordinates: null }],
		});
	});

	it('text, media with caption, location, button reply and reaction parts', () => {
		const page = events({
			results: [
				result([{ text: 'Hello', cleanText: 'Hello', type: 'TEXT' }]),
				result([{ url: 'http://my.domain/image.jpg', text: 'Caption', type: 'IMAGE' }]),
				result([{ url: 'http://my.domain/doc', type: 'DOCUMENT' }]),
				result([{ latitude: 16, longitude: 18, type: 'LOCATION' }]),
				result([{ text: 'Yes', payload: 'true', id: '1', type: 'BUTTON_REPLY' }]),
				result([{ emoji: '❤️', action: 'ADDED', type: 'REACTION' }]),
			],
			messageCount: 6,
			pendingMessageCount: 3,
		});
		expect(page).toMatchObject({ pendingMessageCount: 3, messageCount: 6 });
		const [text, image, doc, location, button, reaction] = page.events;
		expect(text).toMatchObject({ eventType: 'text', text: 'Hello' });
		expect(image).toMatchObject({ eventType: 'attachment', text: 'Caption', attachments: [{ type: 'image', url: 'http://my.domain/image.jpg' }] });
		expect(doc.attachments).toEqual([expect.objectContaining({ type: 'file', url: 'http://my.domain/doc' })]);
		expect(location.attachments).toEqual([expect.objectContaining({ type: 'location', coordinates: { lat: 16, long: 18 } })]);
		expect(button).toMatchObject({ eventType: 'postback', postbackPayload: 'true', text: 'Yes' });
		expect(reaction).toMatchObject({ eventType: 'reaction', reaction: { action: 'react', emoji: '❤️' } });
	});

	it('typing events, unknown parts and non-objects are still one event each (a pulled message is never dropped)', () => {
		const page = events({ results: [{ event: 'TYPING_STARTED', sender: 'u', destination: 'p', messageId: 't1' }, result([{ type: 'FLOW_RESPONSE' }]), 7] });
		expect(page.events.map((event) => event.eventType)).toEqual(['unknown', 'unknown', 'unknown']);
		expect(page.events[2].raw).toBe(7);
	});

	it('refuses a body that is not a page', () => {
		for (const body of [null, 'x', [], {}, { results: {} }]) expect(parseMessagesApiPage(body).ok).toBe(false);
	});
});
