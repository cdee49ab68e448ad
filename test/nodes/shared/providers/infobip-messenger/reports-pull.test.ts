import { InboundFormatError } from '../../../../../nodes/shared/model/event';
import { MESSENGER_API_REPORTS_PULL, parseReportsPage } from '../../../../../nodes/shared/providers/infobip-messenger/reports-pull';

// The spec's own example of GET /messenger/1/reports (messenger-api-openapi.json, "Delivery reports").
const EXAMPLE = {
	results: [
		{
			bulkId: '1688025180464000013',
			price: { pricePerMessage: 0.15, currency: 'EUR' },
			status: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET', description: 'Message delivered to handset' },
			error: { groupId: 0, groupName: 'OK', id: 0, name: 'NO_ERROR', description: 'No Error', permanent: false },
			messageId: '1688025180464000014',
			doneAt: '2023-06-29T09:53:01.012+0000',
			messageCount: 1,
			sentAt: '2023-06-29T09:53:00.000+0000',
			to: '66855538125',
			sender: '44113496000',
		},
	],
};

describe('Messenger API delivery reports by pull', () => {
	it('reads the spec example as one delivered status report, with no pending count', () => {
		const page = parseReportsPage(EXAMPLE);
		expect(page).toMatchObject({ ok: true, pendingMessageCount: null, messageCount: null });
		if (!page.ok) return;
		expect(page.events).toHaveLength(1);
		expect(page.events[0]).toMatchObject({ eventType: 'status_report', status: 'delivered', messageId: '1688025180464000014', senderId: '66855538125', pageId: '44113496000' });
	});

	it.each([
		['not an object', 'nope'],
		['no results', {}],
		['a result that is not an object', { results: [EXAMPLE.results[0], 7] }],
	])('refuses %s as a page, whole', (_name, body) => {
		const page = parseReportsPage(body);
		expect(page.ok).toBe(false);
		if (!page.ok) expect(page.error).toBeInstanceOf(InboundFormatError);
	});

	it('asks GET /messenger/1/reports with the limit, on the credential base URL', () => {
		expect(MESSENGER_API_REPORTS_PULL.buildPullRequest({ baseUrl: 'https://x.api.infobip.com/' }, 250, 5000)).toEqual({
			method: 'GET',
			url: 'https://x.api.infobip.com/messenger/1/reports',
			qs: { limit: 250 },
			json: true,
			timeout: 5000,
		});
	});
});
