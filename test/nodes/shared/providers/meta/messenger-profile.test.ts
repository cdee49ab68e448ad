import { PROFILE_LIMITS } from '../../../../../nodes/shared/providers/meta/profile-limits';
import {
	type MessengerProfile,
	buildDeleteProfile,
	buildGetProfile,
	buildSetProfile,
	checkProfileDependencies,
	covers,
	diffProfile,
	normalizeProfile,
	parseProfile,
	validateProfile,
} from '../../../../../nodes/shared/providers/meta/messenger-profile';
import { credentials, fieldOf, messageOf } from './setup-helpers';

describe('messenger_profile requests', () => {
	it('gets with fields=, sets with the profile as body, deletes with {fields}', () => {
		expect(buildGetProfile(['greeting', 'get_started'], credentials)).toMatchObject({
			method: 'GET',
			baseURL: 'https://graph.facebook.com/v25.0',
			url: '/me/messenger_profile',
			qs: { fields: 'greeting,get_started' },
		});
		const profile: MessengerProfile = { greeting: [{ locale: 'default', text: 'Hi' }] };
		expect(buildSetProfile(profile, credentials)).toMatchObject({ method: 'POST', url: '/me/messenger_profile', body: profile });
		expect(buildDeleteProfile(['greeting'], credentials)).toMatchObject({
			method: 'DELETE',
			url: '/me/messenger_profile',
			body: { fields: ['greeting'] },
		});
		expect(fieldOf(() => buildDeleteProfile([], credentials))).toBe('fields');
		expect(messageOf(() => buildGetProfile(['home_url'], credentials))).toMatch(/Unknown Messenger profile field "home_url"/);
	});

	it('reads a profile, empty or set', () => {
		expect(parseProfile({ data: [] })).toEqual({});
		expect(parseProfile({ data: [{ get_started: { payload: 'GO' }, other: 1 }] })).toEqual({ get_started: { payload: 'GO' } });
	});
});

describe('Messenger profile limits, checked before any request', () => {
	const greeting = (text: string, locale = 'default') => ({ greeting: [{ locale, text }] });

	it(`accepts a greeting of ${PROFILE_LIMITS.greeting.text} characters and refuses one more, naming field, length and limit`, () => {
		expect(() => validateProfile(greeting('a'.repeat(160)))).not.toThrow();
		expect(messageOf(() => validateProfile(greeting('a'.repeat(161))))).toBe(
			'greeting[default].text is 161 characters long; the limit is 160',
		);
	});

	it('counts characters, not UTF-16 units', () => {
		expect(() => validateProfile(greeting('😀'.repeat(160)))).not.toThrow();
	});

	it('needs a default locale, once', () => {
		expect(messageOf(() => validateProfile(greeting('Hi', 'en_US')))).toMatch(/needs an entry for locale "default"/);
		expect(
			messageOf(() =>
				validateProfile({
					greeting: [
						{ locale: 'default', text: 'a' },
						{ locale: 'default', text: 'b' },
					],
				}),
			),
		).toMatch(/appears twice/);
		expect(messageOf(() => validateProfile(greeting('Hi', 'english')))).toMatch(/locale "english" is not "default" or a Facebook locale/);
	});

	it('checks the persistent menu structure', () => {
		const item = { type: 'postback' as const, title: 'Help', payload: 'HELP' };
		const menu = (items: unknown[]) => ({ persistent_menu: [{ locale: 'default', call_to_actions: items }] }) as MessengerProfile;
		expect(() => validateProfile(menu(Array(20).fill(item)))).not.toThrow();
		expect(messageOf(() => validateProfile(menu(Array(21).fill(item))))).toBe(
			'persistent_menu[default].call_to_actions has 21 entries; the limit is 20',
		);
		expect(fieldOf(() => validateProfile(menu([])))).toBe('persistent_menu[default].call_to_actions');
		expect(messageOf(() => validateProfile(menu([{ ...item, title: 'x'.repeat(31) }])))).toBe(
			'persistent_menu[default].call_to_actions[0].title is 31 characters long; the limit is 30',
		);
		expect(fieldOf(() => validateProfile(menu([{ ...item, payload: 'p'.repeat(1001) }])))).toBe(
			'persistent_menu[default].call_to_actions[0].payload',
		);
		expect(fieldOf(() => validateProfile(menu([{ type: 'nested', title: 'x' }])))).toBe(
			'persistent_menu[default].call_to_actions[0].type',
		);
		expect(fieldOf(() => validateProfile(menu([{ type: 'web_url', title: 'Shop', url: 'not a url' }])))).toBe(
			'persistent_menu[default].call_to_actions[0].url',
		);
		expect(
			fieldOf(() => validateProfile(menu([{ type: 'web_url', title: 'Shop', url: 'https://x.y', webview_height_ratio: 'huge' }]))),
		).toBe('persistent_menu[default].call_to_actions[0].webview_height_ratio');
	});

	it('needs a Get Started button for a persistent menu, set now or already', () => {
		const profile: MessengerProfile = {
			persistent_menu: [{ locale: 'default', call_to_actions: [{ type: 'postback', title: 'Help', payload: 'H' }] }],
		};
		expect(messageOf(() => checkProfileDependencies(profile, {}))).toMatch(/needs a Get Started button/);
		expect(() => checkProfileDependencies(profile, { get_started: { payload: 'GO' } })).not.toThrow();
		expect(() => checkProfileDependencies({ ...profile, get_started: { payload: 'GO' } }, {})).not.toThrow();
	});

	it(`allows ${PROFILE_LIMITS.iceBreakers.max} ice breakers per locale and checks each question`, () => {
		const question = { question: 'Where are you?', payload: 'WHERE' };
		const ice = (items: unknown[]) => ({ ice_breakers: [{ locale: 'default', call_to_actions: items }] }) as MessengerProfile;
		expect(() => validateProfile(ice(Array(4).fill(question)))).not.toThrow();
		expect(messageOf(() => validateProfile(ice(Array(5).fill(question))))).toBe(
			'ice_breakers[default].call_to_actions has 5 entries; the limit is 4',
		);
		expect(messageOf(() => validateProfile(ice([{ ...question, question: 'q'.repeat(81) }])))).toBe(
			'ice_breakers[default].call_to_actions[0].question is 81 characters long; the limit is 80',
		);
		expect(fieldOf(() => validateProfile(ice([{ question: 'q', payload: '' }])))).toBe('ice_breakers[default].call_to_actions[0].payload');
	});

	it('checks get_started and whitelisted domains', () => {
		expect(fieldOf(() => validateProfile({ get_started: { payload: '' } }))).toBe('get_started.payload');
		expect(messageOf(() => validateProfile({ get_started: { payload: 'x'.repeat(1001) } }))).toBe(
			'get_started.payload is 1001 characters long; the limit is 1000',
		);
		expect(() => validateProfile({ whitelisted_domains: ['https://shop.example.com'] })).not.toThrow();
		expect(messageOf(() => validateProfile({ whitelisted_domains: ['http://shop.example.com'] }))).toMatch(/must be a https URL/);
		expect(messageOf(() => validateProfile({ whitelisted_domains: Array(51).fill('https://a.b') }))).toBe(
			'whitelisted_domains has 51 entries; the limit is 50',
		);
	});

	it('refuses an empty profile and unknown fields', () => {
		expect(fieldOf(() => validateProfile({}))).toBe('profile');
		expect(fieldOf(() => validateProfile({ home_url: 'x' } as MessengerProfile))).toBe('fields');
	});
});

describe('profile JSON and diff', () => {
	it('accepts the conveniences of the JSON mode', () => {
		expect(
			normalizeProfile({
				get_started: 'GO',
				greeting: 'Hello',
				ice_breakers: [{ question: 'Q', payload: 'P' }],
				whitelisted_domains: 'https://a.b, https://c.d',
			}),
		).toEqual({
			get_started: { payload: 'GO' },
			greeting: [{ locale: 'default', text: 'Hello' }],
			ice_breakers: [{ locale: 'default', call_to_actions: [{ question: 'Q', payload: 'P' }] }],
			whitelisted_domains: ['https://a.b', 'https://c.d'],
		});
		expect(fieldOf(() => normalizeProfile([]))).toBe('profile');
	});

	it('compares what is wanted with what Graph holds, tolerating defaults Graph adds', () => {
		expect(covers({ a: 1, b: 2 }, { a: 1 })).toBe(true);
		expect(covers([{ a: 1, extra: true }], [{ a: 1 }])).toBe(true);
		expect(covers([{ a: 1 }, { a: 2 }], [{ a: 1 }])).toBe(false);
		expect(covers(undefined, { a: 1 })).toBe(false);
		expect(
			diffProfile(
				{ get_started: { payload: 'GO' }, greeting: [{ locale: 'default', text: 'Old' }] },
				{ get_started: { payload: 'GO' }, greeting: [{ locale: 'default', text: 'New' }], whitelisted_domains: ['https://a.b'] },
			),
		).toEqual({ changed: ['greeting', 'whitelisted_domains'], unchanged: ['get_started'] });
	});
});
