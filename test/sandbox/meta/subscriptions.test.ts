// subscribed_apps (page level) and /{app-id}/subscriptions (app level, with Meta's verification GET).
import { APP_TOKEN, D, echoChallenge, graph, startReceiver, type Receiver } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

describe('page subscribed_apps', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	it('POST, GET, DELETE (idempotent)', async () => {
		expect((await graph(sb, 'GET', '/me/subscribed_apps')).body).toEqual({ data: [] });
		const post = await graph(sb, 'POST', `/${D.pageId}/subscribed_apps`, { query: { subscribed_fields: 'messages,messaging_postbacks,message_reads' } });
		expect(post.body).toEqual({ success: true });
		const get = await graph(sb, 'GET', '/me/subscribed_apps');
		expect(get.body.data).toEqual([expect.objectContaining({ id: D.appId, subscribed_fields: ['messages', 'messaging_postbacks', 'message_reads'] })]);
		expect(typeof get.body.data[0].name).toBe('string');
		expect(sb.log.map((e) => e.routeId)).toEqual(['meta.subscribed_apps', 'meta.subscribed_apps', 'meta.subscribed_apps']);
		expect((await graph(sb, 'DELETE', '/me/subscribed_apps')).body).toEqual({ success: true });
		expect((await graph(sb, 'DELETE', '/me/subscribed_apps')).body).toEqual({ success: true });
		expect((await graph(sb, 'GET', '/me/subscribed_apps')).body).toEqual({ data: [] });
	});

	it('subscribed_fields as a JSON array in the body', async () => {
		const post = await graph(sb, 'POST', '/me/subscribed_apps', { body: { subscribed_fields: ['messages', 'message_echoes'] } });
		expect(post.body).toEqual({ success: true });
	});

	it('an unknown field → 100 naming it', async () => {
		const res = await graph(sb, 'POST', '/me/subscribed_apps', { query: { subscribed_fields: 'messages,message_typos' } });
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe(100);
		expect(res.body.error.message).toMatch(/subscribed_fields\[1\].*message_typos/);
	});

	it('missing subscribed_fields → 100', async () => {
		const res = await graph(sb, 'POST', '/me/subscribed_apps');
		expect(res.body.error.message).toMatch(/subscribed_fields is required/);
	});

	it('the app token is refused here (210)', async () => {
		const res = await graph(sb, 'GET', '/me/subscribed_apps', { token: APP_TOKEN });
		expect(res.body.error.code).toBe(210);
	});
});

describe('app subscriptions with the verification GET', () => {
	const sb = useSandbox();
	let good: Receiver;
	let bad: Receiver;
	beforeAll(async () => {
		good = await startReceiver(echoChallenge);
		bad = await startReceiver((_req, res) => res.end('not the challenge'));
	});
	afterAll(async () => {
		await good.close();
		await bad.close();
	});
	beforeEach(() => {
		sb.reset();
		good.requests.length = 0;
		bad.requests.length = 0;
	});

	const subscribe = (callback_url: string, extra: Record<string, string> = {}) =>
		graph(sb, 'POST', `/${D.appId}/subscriptions`, {
			token: APP_TOKEN,
			form: { object: 'page', callback_url, verify_token: 'my-verify-token', fields: 'messages,messaging_postbacks', ...extra },
		});

	it('a receiver that echoes the challenge → {success:true}; stored, listed, config updated', async () => {
		const res = await subscribe(good.url);
		expect(res.body).toEqual({ success: true });
		expect(good.requests).toHaveLength(1);
		const v = new URL(good.requests[0].url, 'http://x');
		expect(good.requests[0].method).toBe('GET');
		expect(v.pathname).toBe('/webhook');
		expect(v.searchParams.get('hub.mode')).toBe('subscribe');
		expect(v.searchParams.get('hub.verify_token')).toBe('my-verify-token');
		expect(v.searchParams.get('hub.challenge')).toMatch(/^\d+$/);
		expect(sb.config.meta.webhookUrl).toBe(good.url);
		expect(sb.config.meta.verifyToken).toBe('my-verify-token');
		const list = await graph(sb, 'GET', `/${D.appId}/subscriptions`, { token: APP_TOKEN });
		expect(list.body).toEqual({
			data: [
				{
					object: 'page',
					callback_url: good.url,
					active: true,
					fields: [
						{ name: 'messages', version: 'v25.0' },
						{ name: 'messaging_postbacks', version: 'v25.0' },
					],
				},
			],
		});
	});

	// Meta keeps one callback URL per app for object=page (provider-updates-2026.md, Webhooks "app
	// subscriptions"; the Subscriptions Edge guide: a POST for an object already subscribed updates it):
	// a second registration takes the callback over, and the fields add up.
	it('a second registration for object=page replaces the callback (one per app) and adds its fields', async () => {
		const other = await startReceiver(echoChallenge);
		try {
			expect((await subscribe(good.url)).body).toEqual({ success: true });
			expect((await subscribe(other.url, { fields: 'message_reads' })).body).toEqual({ success: true });
			const list = await graph(sb, 'GET', `/${D.appId}/subscriptions`, { token: APP_TOKEN });
			expect(list.body.data).toHaveLength(1);
			expect(list.body.data[0]).toMatchObject({ object: 'page', callback_url: other.url, active: true });
			expect(list.body.data[0].fields.map((f: { name: string }) => f.name)).toEqual(['messages', 'messaging_postbacks', 'message_reads']);
			expect(sb.config.meta.webhookUrl).toBe(other.url);
			// A registration whose verification fails changes nothing: the callback stays where it was.
			expect((await subscribe(bad.url)).body.error.code).toBe(2200);
			expect((await graph(sb, 'GET', `/${D.appId}/subscriptions`, { token: APP_TOKEN })).body.data[0].callback_url).toBe(other.url);
		} finally {
			await other.close();
		}
	});

	it('a receiver that does not echo → 2200, nothing stored', async () => {
		const res = await subscribe(bad.url);
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe(2200);
		expect(res.body.error.message).toMatch(/Callback verification failed/);
		expect(bad.requests).toHaveLength(1);
		expect(sb.config.meta.webhookUrl).toBeUndefined();
		expect((await graph(sb, 'GET', `/${D.appId}/subscriptions`, { token: APP_TOKEN })).body).toEqual({ data: [] });
	});

	it('an unreachable callback → 2200', async () => {
		const res = await subscribe('http://127.0.0.1:1/hook');
		expect(res.body.error.code).toBe(2200);
	});

	it('a verifier answering 403 → 2200', async () => {
		const forbidding = await startReceiver((_req, res) => {
			res.statusCode = 403;
			res.end('Forbidden');
		});
		try {
			const res = await subscribe(forbidding.url);
			expect(res.body.error.code).toBe(2200);
			expect(res.body.error.message).toMatch(/403/);
		} finally {
			await forbidding.close();
		}
	});

	it('rejects unknown fields, missing verify_token, a non-URL callback, and the page token', async () => {
		expect((await subscribe(good.url, { fields: 'messages,bogus' })).body.error.message).toMatch(/bogus/);
		const noToken = await graph(sb, 'POST', `/${D.appId}/subscriptions`, { token: APP_TOKEN, form: { object: 'page', callback_url: good.url, fields: 'messages' } });
		expect(noToken.body.error.message).toMatch(/verify_token is required/);
		expect((await subscribe('ftp://x/y')).body.error.message).toMatch(/callback_url/);
		const pageToken = await graph(sb, 'POST', `/${D.appId}/subscriptions`, { form: { object: 'page', callback_url: good.url, verify_token: 't', fields: 'messages' } });
		expect(pageToken.body.error.code).toBe(15);
		expect(good.requests).toHaveLength(0);
	});

	it('a second POST adds fields; DELETE with fields removes them; DELETE object=page removes it and the webhook URL', async () => {
		await subscribe(good.url);
		await subscribe(good.url, { fields: 'message_reads' });
		let list = await graph(sb, 'GET', `/${D.appId}/subscriptions`, { token: APP_TOKEN });
		expect(list.body.data[0].fields.map((f: { name: string }) => f.name)).toEqual(['messages', 'messaging_postbacks', 'message_reads']);
		await graph(sb, 'DELETE', `/${D.appId}/subscriptions`, { token: APP_TOKEN, query: { object: 'page', fields: 'message_reads' } });
		list = await graph(sb, 'GET', `/${D.appId}/subscriptions`, { token: APP_TOKEN });
		expect(list.body.data[0].fields.map((f: { name: string }) => f.name)).toEqual(['messages', 'messaging_postbacks']);
		const del = await graph(sb, 'DELETE', `/${D.appId}/subscriptions`, { token: APP_TOKEN, query: { object: 'page' } });
		expect(del.body).toEqual({ success: true });
		expect(sb.config.meta.webhookUrl).toBeUndefined();
		expect((await graph(sb, 'GET', `/${D.appId}/subscriptions`, { token: APP_TOKEN })).body).toEqual({ data: [] });
		expect((await graph(sb, 'DELETE', `/${D.appId}/subscriptions`, { token: APP_TOKEN })).body).toEqual({ success: true });
	});

	it('another app id → 100 / 33', async () => {
		const res = await graph(sb, 'GET', '/999/subscriptions', { token: APP_TOKEN });
		expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33 });
	});
});
