// The module's admin endpoints as other processes use them: recorded sends, unknown paths, bad input,
// and Sandbox.reset() forgetting the module's state.
import { infobipMessengerModuleOf } from '../../../sandbox';
import { useSandbox } from '../../support/sandbox';
import { ALICE, messengerClient, oneMessage, PAGE, request } from './helpers';

describe('/__sandbox/infobip-messenger admin endpoints', () => {
	const sb = useSandbox();
	const client = messengerClient(sb);
	beforeEach(() => sb.reset());

	it('lists every recorded send with its outcome', async () => {
		const res = await client.send(oneMessage({ type: 'TEXT', text: 'a' }, { webhooks: { callbackData: 'cb' } }));
		const sent = await client.admin('GET', '/sent');
		expect(sent.status).toBe(200);
		expect(sent.body.sent).toEqual([
			expect.objectContaining({
				bulkId: res.body.bulkId,
				messageId: res.body.messages[0].messageId,
				sender: PAGE,
				destination: ALICE,
				content: { type: 'TEXT', text: 'a' },
				webhooks: { callbackData: 'cb' },
				status: expect.objectContaining({ name: 'DELIVERED_TO_HANDSET' }),
				reachedUser: true,
			}),
		]);
	});

	it('answers 404 for an unknown path and 400 for a body that is not JSON or has unknown fields', async () => {
		expect((await client.admin('GET', '/nothing-here')).status).toBe(404);
		expect((await client.admin('POST', '/incoming', { text: 'x', colour: 'red' })).body.error).toMatch(/unknown field "colour"/);
		const bad = await request(`${sb.url}/__sandbox/infobip-messenger/pull`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
		expect(bad.status).toBe(400);
	});

	it('adds subscriptions only for its own inputs', async () => {
		expect((await client.admin('POST', '/subscriptions', { reoptin: 'MAYBE' })).status).toBe(400);
	});

	it('forgets sends, reports, waiting pulls, subscriptions and webhook attempts on reset, but keeps the config', async () => {
		await client.send(oneMessage({ type: 'TEXT', text: 'a' }));
		await client.admin('POST', '/pull', { count: 3 });
		await client.admin('POST', '/subscriptions', {});
		await client.patchConfig({ pullPendingCount: true });
		const module = infobipMessengerModuleOf(sb);
		expect(module.store.all()).toHaveLength(1);
		sb.reset();
		expect(module.store.all()).toHaveLength(0);
		expect((await client.admin('GET', '/pull')).body).toEqual({ pending: 0 });
		expect((await client.get('/messenger/1/reports')).body).toEqual({ results: [] });
		expect((await client.get(`/messenger/1/pages/${PAGE}/subscriptions`)).status).toBe(404);
		expect(sb.config.infobip.messengerApi).toEqual({ pageIds: [PAGE] });
	});

	it('keeps logs and reports for 48 h only', async () => {
		await client.send(oneMessage({ type: 'TEXT', text: 'a' }));
		const module = infobipMessengerModuleOf(sb);
		expect(module.store.recent(Date.now() + 47 * 3_600_000)).toHaveLength(1);
		// Reading the store as if 49 h had passed drops the record for good.
		expect(module.store.recent(Date.now() + 49 * 3_600_000)).toHaveLength(0);
		expect((await client.get('/messenger/1/logs')).body.results).toEqual([]);
		expect((await client.get('/messenger/1/reports')).body.results).toEqual([]);
	});

	it('sends from any page listed in the config', async () => {
		await client.patchConfig({ pageIds: [PAGE, '200'] });
		const res = await client.send({ messages: [{ sender: '200', destinations: [{ to: ALICE }], content: { type: 'TEXT', text: 'a' } }] });
		expect(res.body.messages[0].status.name).toBe('PENDING_ACCEPTED');
	});

	it('leaves the v1 Facebook API as it was: its own error shape and routes', async () => {
		const res = await request(`${sb.url}/facebook/1/single`, { method: 'POST', json: {}, headers: { authorization: 'App nope' } });
		expect(res.body).toEqual({ requestError: { serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' } } });
	});
});
