// messenger_profile: get_started, greeting, persistent_menu, ice_breakers, whitelisted_domains.
import { D, graph } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

const menu = (items: unknown[]) => [{ locale: 'default', composer_input_disabled: false, call_to_actions: items }];
const postback = (i: number) => ({ type: 'postback', title: `Item ${i}`, payload: `ITEM_${i}` });

describe('Meta messenger_profile', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	const post = (body: unknown, path = '/me/messenger_profile') => graph(sb, 'POST', path, { body });
	async function rejected(body: unknown, pattern: RegExp) {
		const res = await post(body);
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe(100);
		expect(res.body.error.message).toMatch(pattern);
	}

	it('POST all properties → {result:"success"}; GET ?fields; DELETE {fields}', async () => {
		const profile = {
			get_started: { payload: 'GET_STARTED' },
			greeting: [
				{ locale: 'default', text: 'Hello {{user_first_name}}!' },
				{ locale: 'de_DE', text: 'Hallo!' },
			],
			persistent_menu: menu([postback(1), { type: 'web_url', title: 'Website', url: 'https://example.com', webview_height_ratio: 'full' }]),
			ice_breakers: [{ locale: 'default', call_to_actions: [{ question: 'Where are you?', payload: 'WHERE' }] }],
			whitelisted_domains: ['https://example.com'],
		};
		expect((await post(profile)).body).toEqual({ result: 'success' });
		expect(sb.log[0].routeId).toBe('meta.messenger_profile');
		const got = await graph(sb, 'GET', '/me/messenger_profile', { query: { fields: 'get_started,greeting,whitelisted_domains' } });
		expect(got.body).toEqual({
			data: [{ get_started: profile.get_started, greeting: profile.greeting, whitelisted_domains: profile.whitelisted_domains }],
		});
		const del = await graph(sb, 'DELETE', `/${D.pageId}/messenger_profile`, { body: { fields: ['greeting', 'whitelisted_domains'] } });
		expect(del.body).toEqual({ result: 'success' });
		const after = await graph(sb, 'GET', '/me/messenger_profile', { query: { fields: 'greeting,whitelisted_domains' } });
		expect(after.body).toEqual({ data: [] });
	});

	it('the original ice_breakers shape (up to 4 questions)', async () => {
		const items = Array.from({ length: 4 }, (_, i) => ({ question: `Q${i}?`, payload: `Q${i}` }));
		expect((await post({ ice_breakers: items })).body).toEqual({ result: 'success' });
		await rejected({ ice_breakers: [...items, { question: 'Q5?', payload: 'Q5' }] }, /ice_breakers.*at most 4/);
	});

	it('get_started payload over 1000 / missing', async () => {
		await rejected({ get_started: { payload: 'x'.repeat(1001) } }, /get_started\[payload\].*1000/);
		await rejected({ get_started: {} }, /get_started\[payload\] is required/);
	});

	it('greeting text over 160, no default locale, a bad locale', async () => {
		await rejected({ greeting: [{ locale: 'default', text: 'x'.repeat(161) }] }, /greeting\[0\]\[text\].*160/);
		await rejected({ greeting: [{ locale: 'en_US', text: 'hi' }] }, /locale "default"/);
		await rejected({ greeting: [{ locale: 'english', text: 'hi' }, { locale: 'default', text: 'hi' }] }, /greeting\[0\]\[locale\]/);
	});

	it('persistent_menu: needs get_started, ≤ 20 items, title ≤ 30, no nested menus', async () => {
		await rejected({ persistent_menu: menu([postback(1)]) }, /Get Started button/);
		expect((await post({ get_started: { payload: 'GO' } })).status).toBe(200);
		expect((await post({ persistent_menu: menu(Array.from({ length: 20 }, (_, i) => postback(i))) })).status).toBe(200);
		await rejected({ persistent_menu: menu(Array.from({ length: 21 }, (_, i) => postback(i))) }, /call_to_actions.*at most 20/);
		await rejected({ persistent_menu: menu([{ type: 'postback', title: 'x'.repeat(31), payload: 'p' }]) }, /\[title\].*30/);
		await rejected({ persistent_menu: menu([{ type: 'nested', title: 'More', call_to_actions: [postback(1)] }]) }, /nested/);
		await rejected({ persistent_menu: menu([{ type: 'phone_number', title: 'Call', payload: '+1555000000' }]) }, /\[type\] must be one of/);
	});

	it('whitelisted_domains: https only, ≤ 50', async () => {
		await rejected({ whitelisted_domains: ['http://example.com'] }, /whitelisted_domains\[0\].*https/);
		await rejected({ whitelisted_domains: Array.from({ length: 51 }, (_, i) => `https://d${i}.example.com`) }, /at most 50/);
	});

	it('unknown properties, an empty POST, GET without fields, DELETE of an unknown field', async () => {
		await rejected({ home_url: { url: 'https://example.com' } }, /home_url is not a valid parameter/);
		await rejected({ greeting: [{ locale: 'default', text: 'hi', emoji: true }] }, /greeting\[0\]\[emoji\] is not a valid parameter/);
		await rejected({}, /Requires one of the params/);
		expect((await graph(sb, 'GET', '/me/messenger_profile')).body.error.message).toMatch(/fields is required/);
		expect((await graph(sb, 'DELETE', '/me/messenger_profile', { body: { fields: ['colour'] } })).body.error.message).toMatch(/colour/);
	});
});
