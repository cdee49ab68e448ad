// GET /messenger/1/reports (pending delivery reports, once each), GET /messenger/1/logs (filters, limit,
// cursor), GET /messenger/1/pages/{pageId}/subscriptions, and fault rules on the new routes.
import { useSandbox } from '../../support/sandbox';
import { ALICE, messengerClient, oneMessage, PAGE } from './helpers';

describe('GET /messenger/1/reports', () => {
	const sb = useSandbox();
	const client = messengerClient(sb);
	beforeEach(() => sb.reset());

	it('hands out each pending delivery report once, oldest first, in the DeliveryReport shape', async () => {
		const a = await client.send(oneMessage({ type: 'TEXT', text: 'a' }));
		const b = await client.send(oneMessage({ type: 'TEXT', text: 'b' }));
		const first = await client.get('/messenger/1/reports');
		expect(first.status).toBe(200);
		expect(first.body.results.map((r: { messageId: string }) => r.messageId)).toEqual([a.body.messages[0].messageId, b.body.messages[0].messageId]);
		expect(first.body.results[0]).toEqual({
			bulkId: a.body.bulkId,
			price: { pricePerMessage: 0, currency: 'EUR' },
			status: expect.objectContaining({ groupName: 'DELIVERED' }),
			error: expect.objectContaining({ name: 'NO_ERROR' }),
			messageId: a.body.messages[0].messageId,
			to: ALICE,
			sender: PAGE,
			sentAt: expect.any(String),
			doneAt: expect.any(String),
			messageCount: 1,
		});
		expect((await client.get('/messenger/1/reports')).body).toEqual({ results: [] });
	});

	it('honours limit and the bulkId / messageId filters, leaving the rest pending', async () => {
		const sent = await client.send({ messages: [{ sender: PAGE, destinations: [{ to: ALICE }, { to: ALICE }, { to: ALICE }], content: { type: 'TEXT', text: 'x' } }] });
		const other = await client.send(oneMessage({ type: 'TEXT', text: 'y' }));
		expect((await client.get('/messenger/1/reports?limit=2')).body.results).toHaveLength(2);
		const byId = await client.get(`/messenger/1/reports?messageId=${other.body.messages[0].messageId}`);
		expect(byId.body.results).toHaveLength(1);
		const byBulk = await client.get(`/messenger/1/reports?bulkId=${sent.body.bulkId}`);
		expect(byBulk.body.results).toHaveLength(1);
	});

	it.each(['1001', '0', 'x'])('refuses limit=%s', async (limit) => {
		const res = await client.get(`/messenger/1/reports?limit=${limit}`);
		expect(res.status).toBe(400);
		expect(res.body).toMatchObject({ errorCode: 'E400', violations: [{ property: 'limit' }] });
	});
});

describe('GET /messenger/1/logs', () => {
	const sb = useSandbox();
	const client = messengerClient(sb);
	beforeEach(() => sb.reset());

	it('lists sends newest first with their content, as often as asked', async () => {
		await client.send(oneMessage({ type: 'TEXT', text: 'first' }));
		const second = await client.send(oneMessage({ type: 'IMAGE', url: 'https://e.com/i.png' }, { options: { platform: { entityId: 'e' }, campaignReferenceId: 'c1' } }));
		for (let i = 0; i < 2; i++) {
			const res = await client.get('/messenger/1/logs');
			expect(res.status).toBe(200);
			expect(res.body.results).toHaveLength(2);
			expect(res.body.results[0]).toEqual({
				sender: PAGE,
				destination: ALICE,
				bulkId: second.body.bulkId,
				messageId: second.body.messages[0].messageId,
				sentAt: expect.any(String),
				doneAt: expect.any(String),
				messageCount: 1,
				price: { pricePerMessage: 0, currency: 'EUR' },
				status: expect.objectContaining({ groupName: 'DELIVERED' }),
				error: expect.objectContaining({ name: 'NO_ERROR' }),
				platform: { entityId: 'e' },
				content: { type: 'IMAGE', url: 'https://e.com/i.png' },
				campaignReferenceId: 'c1',
			});
			expect(res.body.results[1].content).toEqual({ type: 'TEXT', text: 'first' });
			expect(res.body.cursor).toBeUndefined();
		}
	});

	it('filters by destination, sender, messageId list, generalStatus and time', async () => {
		const a = await client.send(oneMessage({ type: 'TEXT', text: 'a' }));
		const b = await client.send({ messages: [{ sender: PAGE, destinations: [{ to: 'nobody' }], content: { type: 'TEXT', text: 'b' } }] });
		const ids = (q: string) => client.get(`/messenger/1/logs${q}`).then((r) => r.body.results.map((x: { messageId: string }) => x.messageId));
		const aId = a.body.messages[0].messageId;
		const bId = b.body.messages[0].messageId;
		expect(await ids('?destination=nobody')).toEqual([bId]);
		expect(await ids(`?sender=${PAGE}`)).toEqual([bId, aId]);
		expect(await ids(`?messageId=${aId},${bId}`)).toEqual([bId, aId]);
		expect(await ids('?generalStatus=UNDELIVERABLE')).toEqual([bId]);
		expect(await ids(`?sentSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
		expect(await ids(`?sentUntil=${encodeURIComponent('2099-01-01T00:00:00.000+0000')}`)).toEqual([bId, aId]);
	});

	it('pages with useCursor until every log was seen once', async () => {
		await client.send({ messages: [{ sender: PAGE, destinations: Array.from({ length: 5 }, () => ({ to: ALICE })), content: { type: 'TEXT', text: 'x' } }] });
		const seen: string[] = [];
		let query = '?useCursor=true&limit=2';
		for (let page = 0; page < 10; page++) {
			const res = await client.get(`/messenger/1/logs${query}`);
			seen.push(...res.body.results.map((r: { messageId: string }) => r.messageId));
			expect(res.body.cursor.limit).toBe(2);
			if (!res.body.cursor.nextCursor) break;
			query = `?useCursor=true&limit=2&cursor=${res.body.cursor.nextCursor}`;
		}
		expect(seen).toHaveLength(5);
		expect(new Set(seen).size).toBe(5);
	});

	it.each([
		['limit=1001', 'limit'],
		['generalStatus=SENT', 'generalStatus'],
		['sentSince=yesterday', 'sentSince'],
		['useCursor=yes', 'useCursor'],
		['cursor=bogus', 'cursor'],
		[`messageId=${'x'.repeat(2049)}`, 'messageId'],
	])('refuses %s', async (query, property) => {
		const res = await client.get(`/messenger/1/logs?${query}`);
		expect(res.status).toBe(400);
		expect(res.body.violations).toEqual([{ property, violation: expect.any(String) }]);
	});
});

describe('GET /messenger/1/pages/{pageId}/subscriptions', () => {
	const sb = useSandbox();
	const client = messengerClient(sb);
	beforeEach(() => sb.reset());

	it('answers the page\'s latest subscription in the PageMarketingSubscriptionResponse shape', async () => {
		expect((await client.get(`/messenger/1/pages/${PAGE}/subscriptions`)).status).toBe(404);
		const added = await client.admin('POST', '/subscriptions', { title: 'Deals' });
		expect(added.status).toBe(201);
		const res = await client.get(`/messenger/1/pages/${PAGE}/subscriptions`);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			notificationMessagesToken: expect.any(String),
			recipientId: PAGE,
			notificationMessagesReoptin: 'ENABLED',
			creationDatetime: expect.any(String),
			tokenExpiry: expect.any(String),
			userTokenStatus: 'NOT_REFRESHED',
			title: 'Deals',
			notificationMessagesTimezone: 'UTC',
			nextEligibleDatetime: expect.any(String),
		});
	});

	it('answers 404 with no body for a page the account does not own', async () => {
		await client.admin('POST', '/subscriptions', { pageId: '555' });
		const res = await client.get('/messenger/1/pages/555/subscriptions');
		expect(res.status).toBe(404);
		expect(res.text).toBe('');
	});
});

describe('fault rules on the Messenger API routes', () => {
	const sb = useSandbox();
	const client = messengerClient(sb);
	beforeEach(() => sb.reset());

	it('applies a rule by route id, answering in the ApiError shape, and records nothing', async () => {
		sb.addFault({ routeId: 'infobip-messenger.send', status: 429, times: 1 });
		const faulted = await client.send(oneMessage({ type: 'TEXT', text: 'a' }));
		expect(faulted.status).toBe(429);
		expect(faulted.body).toMatchObject({ errorCode: 'E429', description: 'Too many requests sent.' });
		expect(sb.delivered).toEqual([]);
		expect((await client.send(oneMessage({ type: 'TEXT', text: 'a' }))).status).toBe(200);
		expect(sb.log.map((e) => [e.routeId, e.status, e.fault])).toEqual([
			['infobip-messenger.send', 429, 'status:429'],
			['infobip-messenger.send', 200, undefined],
		]);
	});

	it('matches every route of the module with `infobip-messenger.*`, and not the v1 routes', async () => {
		sb.addFault({ routeId: 'infobip-messenger.*', status: 503 });
		expect((await client.get('/messages-api/1/inbound?channel=MESSENGER')).status).toBe(503);
		expect((await client.get('/messenger/1/logs')).status).toBe(503);
		const v1 = await client.get('/facebook/1/inbox/reports');
		expect(v1.status).toBe(200);
	});

	it('lets an afterRoute fault keep the route\'s effect: the pull hands the messages out and the answer is lost', async () => {
		await client.admin('POST', '/pull', { count: 2 });
		sb.addFault({ routeId: 'infobip-messenger.inbound-pull', status: 500, afterRoute: true, times: 1 });
		expect((await client.get('/messages-api/1/inbound?channel=MESSENGER')).status).toBe(500);
		expect((await client.get('/messages-api/1/inbound?channel=MESSENGER')).body).toEqual({ results: [] });
	});
});
