import { infobipModuleOf } from '../../../sandbox/infobip';
import { SEARCH_APPLICATIONS_METHOD, infobipApplicationLocator } from '../../../nodes/MessengerApplication/descriptions/application-locator';
import { MessengerApplication } from '../../../nodes/MessengerApplication/MessengerApplication.node';
import { runListSearch } from '../../harness/load-options';
import { NODE_CREDENTIALS, NODE_TYPE, calls, infobipCredentials, jsonOf, runNode } from './helpers';
import { useSandbox } from '../../support/sandbox';

// The resource locator the send node reuses for its Infobip sender: the user's applications, searchable.
describe('Messenger Application: listSearch over Infobip applications', () => {
	const sandbox = useSandbox();

	beforeEach(() => sandbox.reset());

	const search = (filter?: string, apiKey?: string) =>
		runListSearch(NODE_TYPE, SEARCH_APPLICATIONS_METHOD, {
			parameters: { resource: 'infobipApplication', operation: 'get' },
			nodeCredentials: { infobipMessengerApi: NODE_CREDENTIALS.infobipMessengerApi },
			credentials: { infobipMessengerApi: infobipCredentials(sandbox, apiKey ? { apiKey } : {}) },
			filter,
		});

	it('lists every application of the account by name and key, sorted, with no secrets', async () => {
		const created = jsonOf(await runNode(sandbox, { resource: 'infobipApplication', operation: 'create' }))[0];
		sandbox.clearLog();
		const { results } = await search();
		expect(calls(sandbox)).toEqual(['GET /facebook/1/applications']);
		const apps = infobipModuleOf(sandbox).applications.list();
		expect(results).toHaveLength(apps.length);
		expect(results.map((r) => r.value).sort()).toEqual(apps.map((app) => app.key).sort());
		const mine = results.find((r) => r.value === created.key);
		expect(mine?.name).toBe(`${String(created.name)} (${String(created.key)})`);
		expect(results.map((r) => r.name)).toEqual([...results.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));
		const text = JSON.stringify(results);
		for (const app of apps) {
			expect(text).not.toContain(app.accessToken);
			expect(text).not.toContain(app.secret);
		}
	});

	it('filters by name or key, case-insensitively', async () => {
		const created = jsonOf(await runNode(sandbox, { resource: 'infobipApplication', operation: 'create' }))[0];
		const byKey = await search(String(created.key).slice(0, 10).toLowerCase());
		expect(byKey.results.map((r) => r.value)).toEqual([created.key]);
		const byName = await search(String(created.name).toUpperCase());
		expect(byName.results.map((r) => r.value)).toContain(created.key);
		expect((await search('no application is called this')).results).toEqual([]);
	});

	it('fails with Infobip\'s message on a bad API key, without the key', async () => {
		const wrongKey = 'wrong-key-for-the-list-0042';
		const failure = await search(undefined, wrongKey).then(
			() => undefined,
			(error: Error & { description?: string }) => error,
		);
		expect(failure?.message).toBe('Infobip: Invalid login details');
		expect(JSON.stringify({ message: failure?.message, description: failure?.description })).not.toContain(wrongKey);
	});

	it('is what the node\'s own Application parameter lists, and a picked key works as the parameter value', async () => {
		const node = new MessengerApplication();
		expect(Object.keys(node.methods.listSearch)).toEqual([SEARCH_APPLICATIONS_METHOD]);
		const locator = node.description.properties.find((p) => p.name === 'applicationKey');
		expect(locator?.modes?.[0]).toMatchObject({ type: 'list', typeOptions: { searchListMethod: SEARCH_APPLICATIONS_METHOD } });
		expect(infobipApplicationLocator({ name: 'sender' }).modes).toEqual(locator?.modes);

		const [first] = (await search()).results;
		const [output] = jsonOf(
			await runNode(sandbox, {
				resource: 'infobipApplication',
				operation: 'get',
				applicationKey: { __rl: true, mode: 'list', value: first.value, cachedResultName: first.name },
			}),
		);
		expect(output.key).toBe(first.value);
	});
});
