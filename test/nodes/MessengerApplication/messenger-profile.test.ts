import type { NodeApiError } from 'n8n-workflow';

import { calls, jsonOf, providerCalls, runNode } from './helpers';
import { useSandbox } from '../../support/sandbox';

// `/me/messenger_profile` with the page token: get, set (only what differs), delete (only what is set).
describe('Messenger Application: Messenger profile', () => {
	const sandbox = useSandbox();

	beforeEach(() => sandbox.reset());

	const PATH = '/v25.0/me/messenger_profile';
	const set = (profile: Record<string, unknown>) => ({ resource: 'messengerProfile', operation: 'set', inputMode: 'fields', profile });
	const setJson = (json: unknown) => ({
		resource: 'messengerProfile',
		operation: 'set',
		inputMode: 'json',
		profileJson: JSON.stringify(json),
	});
	const fullProfile = {
		getStartedPayload: 'GET_STARTED',
		greetings: { greeting: [{ locale: 'default', text: 'Hello {{user_first_name}}!' }, { locale: 'fr_FR', text: 'Bonjour !' }] },
		persistentMenu: {
			item: [
				{ locale: 'default', type: 'postback', title: 'Talk to us', payload: 'HUMAN' },
				{ locale: 'default', type: 'web_url', title: 'Shop', url: 'https://shop.example.com', webviewHeightRatio: 'tall' },
			],
		},
		composerInputDisabled: false,
		iceBreakers: { iceBreaker: [{ locale: 'default', question: 'Where is my order?', payload: 'ORDER' }] },
		whitelistedDomains: { domain: [{ url: 'https://shop.example.com' }] },
	};
	const expectedBody = {
		get_started: { payload: 'GET_STARTED' },
		greeting: [
			{ locale: 'default', text: 'Hello {{user_first_name}}!' },
			{ locale: 'fr_FR', text: 'Bonjour !' },
		],
		persistent_menu: [
			{
				locale: 'default',
				composer_input_disabled: false,
				call_to_actions: [
					{ type: 'postback', title: 'Talk to us', payload: 'HUMAN' },
					{ type: 'web_url', title: 'Shop', url: 'https://shop.example.com', webview_height_ratio: 'tall' },
				],
			},
		],
		ice_breakers: [{ locale: 'default', call_to_actions: [{ question: 'Where is my order?', payload: 'ORDER' }] }],
		whitelisted_domains: ['https://shop.example.com'],
	};
	const allFields = 'get_started,greeting,persistent_menu,ice_breakers,whitelisted_domains';

	it('sets every field from the node\'s parameters in one POST, after reading what the page has', async () => {
		const result = await runNode(sandbox, set(fullProfile));
		expect(calls(sandbox)).toEqual([`GET ${PATH}`, `POST ${PATH}`]);
		const [get, post] = providerCalls(sandbox);
		expect(get.query.fields).toBe(allFields);
		expect(post.body).toEqual(expectedBody);
		expect(post.response).toEqual({ result: 'success' });
		expect(jsonOf(result)[0]).toMatchObject({
			pageId: sandbox.config.meta.pageId,
			change: 'updated',
			changed: ['get_started', 'greeting', 'persistent_menu', 'ice_breakers', 'whitelisted_domains'],
			unchanged: [],
			profile: expectedBody,
		});
		expect(result.output('Node')[0].pairedItem).toEqual({ item: 0 });
	});

	it('is idempotent: the same profile again sends no POST; a changed greeting sends only the greeting', async () => {
		await runNode(sandbox, set(fullProfile));
		sandbox.clearLog();
		const [same] = jsonOf(await runNode(sandbox, set(fullProfile)));
		expect(calls(sandbox)).toEqual([`GET ${PATH}`]);
		expect(same).toMatchObject({ change: 'unchanged', changed: [] });

		sandbox.clearLog();
		const changedGreeting = { ...fullProfile, greetings: { greeting: [{ locale: 'default', text: 'Hi there' }] } };
		const [changed] = jsonOf(await runNode(sandbox, set(changedGreeting)));
		expect(providerCalls(sandbox)[1].body).toEqual({ greeting: [{ locale: 'default', text: 'Hi there' }] });
		expect(changed).toMatchObject({
			change: 'updated',
			changed: ['greeting'],
			unchanged: ['get_started', 'persistent_menu', 'ice_breakers', 'whitelisted_domains'],
		});
	});

	it('sets a profile written as JSON, with the short forms for greeting and ice breakers', async () => {
		const [output] = jsonOf(
			await runNode(sandbox, setJson({ greeting: 'Welcome!', ice_breakers: [{ question: 'Prices?', payload: 'PRICES' }] })),
		);
		expect(providerCalls(sandbox)[1].body).toEqual({
			greeting: [{ locale: 'default', text: 'Welcome!' }],
			ice_breakers: [{ locale: 'default', call_to_actions: [{ question: 'Prices?', payload: 'PRICES' }] }],
		});
		expect(output).toMatchObject({ change: 'updated', changed: ['greeting', 'ice_breakers'] });
	});

	it('refuses a 161-character greeting before any request, naming field, length and limit', async () => {
		const result = await runNode(sandbox, set({ greetings: { greeting: [{ locale: 'default', text: 'g'.repeat(161) }] } }));
		const error = result.nodeError('Node');
		expect(error?.message).toBe('greeting[default].text is 161 characters long; the limit is 160');
		expect((error as { description?: string }).description).toBe('Field: greeting[default].text');
		expect(calls(sandbox)).toEqual([]);
	});

	it('accepts a greeting of exactly 160 characters', async () => {
		const [output] = jsonOf(await runNode(sandbox, set({ greetings: { greeting: [{ locale: 'default', text: 'g'.repeat(160) }] } })));
		expect(output.change).toBe('updated');
	});

	it.each([
		[
			'five ice breakers',
			{ iceBreakers: { iceBreaker: Array(5).fill({ locale: 'default', question: 'Q', payload: 'P' }) } },
			'ice_breakers[default].call_to_actions has 5 entries; the limit is 4',
		],
		[
			'a menu item title of 31 characters',
			{ getStartedPayload: 'GO', persistentMenu: { item: [{ locale: 'default', type: 'postback', title: 't'.repeat(31), payload: 'P' }] } },
			'persistent_menu[default].call_to_actions[0].title is 31 characters long; the limit is 30',
		],
		[
			'a menu without a default locale',
			{ getStartedPayload: 'GO', persistentMenu: { item: [{ locale: 'en_US', type: 'postback', title: 'Help', payload: 'P' }] } },
			'persistent_menu needs an entry for locale "default" (Meta shows it to every user whose locale has none)',
		],
		[
			'an http whitelisted domain',
			{ whitelistedDomains: { domain: [{ url: 'http://shop.example.com' }] } },
			'whitelisted_domains[0] must be a https URL: "http://shop.example.com"',
		],
	])('refuses %s before any request', async (_name, profile, message) => {
		const result = await runNode(sandbox, set(profile));
		expect(result.nodeError('Node')?.message).toBe(message);
		expect(calls(sandbox)).toEqual([]);
	});

	it('refuses a persistent menu on a page without a Get Started button, before the POST', async () => {
		const menuOnly = { persistentMenu: { item: [{ locale: 'default', type: 'postback', title: 'Help', payload: 'HELP' }] } };
		const result = await runNode(sandbox, set(menuOnly));
		expect(result.nodeError('Node')?.message).toMatch(/needs a Get Started button/);
		expect(calls(sandbox)).toEqual([`GET ${PATH}`]);
		expect(providerCalls(sandbox)[0].query.fields).toBe('persistent_menu,get_started');

		await runNode(sandbox, set({ getStartedPayload: 'GO' }));
		const [output] = jsonOf(await runNode(sandbox, set(menuOnly)));
		expect(output).toMatchObject({ change: 'updated', changed: ['persistent_menu'] });
	});

	it('gets the profile, listing the fields that are not set', async () => {
		await runNode(sandbox, set({ getStartedPayload: 'GO', greetings: { greeting: [{ locale: 'default', text: 'Hi' }] } }));
		sandbox.clearLog();
		const [output] = jsonOf(await runNode(sandbox, { resource: 'messengerProfile', operation: 'get' }));
		expect(providerCalls(sandbox)[0].query.fields).toBe(allFields);
		expect(output).toEqual({
			pageId: sandbox.config.meta.pageId,
			get_started: { payload: 'GO' },
			greeting: [{ locale: 'default', text: 'Hi' }],
			notSet: ['persistent_menu', 'ice_breakers', 'whitelisted_domains'],
		});
	});

	it('deletes only the fields that are set, and a second delete sends nothing', async () => {
		await runNode(sandbox, set({ getStartedPayload: 'GO', greetings: { greeting: [{ locale: 'default', text: 'Hi' }] } }));
		const remove = { resource: 'messengerProfile', operation: 'delete', profileFields: ['greeting', 'ice_breakers'] };
		sandbox.clearLog();
		const [first] = jsonOf(await runNode(sandbox, remove));
		expect(calls(sandbox)).toEqual([`GET ${PATH}`, `DELETE ${PATH}`]);
		expect(providerCalls(sandbox)[1].body).toEqual({ fields: ['greeting'] });
		expect(first).toMatchObject({ change: 'deleted', deleted: ['greeting'], notSet: ['ice_breakers'] });

		sandbox.clearLog();
		const [second] = jsonOf(await runNode(sandbox, remove));
		expect(calls(sandbox)).toEqual([`GET ${PATH}`]);
		expect(second).toMatchObject({ change: 'unchanged', deleted: [], notSet: ['greeting', 'ice_breakers'] });
	});

	it('reports a Graph error on the profile with Graph\'s message', async () => {
		sandbox.addFault({ routeId: 'meta.messenger_profile', status: 500, graphCode: 1200, times: 1 });
		const result = await runNode(sandbox, { resource: 'messengerProfile', operation: 'get' });
		const error = result.nodeError('Node') as NodeApiError;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(/^Meta Graph API: /);
		expect(error.httpCode).toBe('500');
	});
});

describe('Messenger Application: user profile', () => {
	const sandbox = useSandbox();

	beforeEach(() => sandbox.reset());

	it('gets the name and profile picture of a PSID, one output item per input item', async () => {
		const [alice, bob] = sandbox.config.users;
		const result = await runNode(
			sandbox,
			{ resource: 'userProfile', operation: 'get', psid: '={{ $json.psid }}' },
			{ input: [{ psid: alice.psid }, { psid: bob.psid }] },
		);
		expect(calls(sandbox)).toEqual([`GET /v25.0/${alice.psid}`, `GET /v25.0/${bob.psid}`]);
		expect(providerCalls(sandbox)[0].query.fields).toBe('first_name,last_name,profile_pic');
		const items = result.output('Node');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toEqual({
			psid: alice.psid,
			id: alice.psid,
			first_name: alice.firstName,
			last_name: alice.lastName,
			profile_pic: expect.stringMatching(/^http/),
		});
	});

	it('names Graph\'s "no matching user" with a hint, and continues on fail for the other items', async () => {
		const result = await runNode(
			sandbox,
			{ resource: 'userProfile', operation: 'get', psid: '={{ $json.psid }}' },
			{ input: [{ psid: '7999999999999999' }, { psid: sandbox.config.users[0].psid }], continueOnFail: true },
		);
		const items = result.output('Node');
		expect(items[0]).toEqual({ json: { error: 'Meta Graph API: (#100) No matching user found' }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({ json: { first_name: sandbox.config.users[0].firstName }, pairedItem: { item: 1 } });
	});

	it('refuses a PSID that is not digits before any request', async () => {
		const result = await runNode(sandbox, { resource: 'userProfile', operation: 'get', psid: 'alice' });
		expect(result.nodeError('Node')?.message).toBe('A PSID is digits only; got "alice"');
		expect(calls(sandbox)).toEqual([]);
	});
});
