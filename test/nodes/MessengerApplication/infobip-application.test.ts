import type { NodeApiError } from 'n8n-workflow';

import { infobipModuleOf } from '../../../sandbox/infobip';
import { calls, infobipCredentials, jsonOf, pageCredentials, providerCalls, runNode } from './helpers';
import { useSandbox } from '../../support/sandbox';

// Seed 001 through the node: create (from a Facebook Page credential or typed in), list, get, update
// (page token rotation), delete, against the sandbox's Infobip emulation over real HTTP.
describe('Messenger Application: Infobip application', () => {
	const sandbox = useSandbox();

	beforeEach(() => sandbox.reset());

	const create = (extra: Record<string, unknown> = {}) => ({ resource: 'infobipApplication', operation: 'create', ...extra });
	const byKey = (key: string) => ({ __rl: true, mode: 'id', value: key });
	const secretsOf = () => [sandbox.config.meta.pageAccessToken, sandbox.config.meta.appSecret, sandbox.config.infobip.apiKey];
	const expectNoSecrets = (value: unknown, extra: string[] = []) => {
		const text = JSON.stringify(value);
		for (const secret of [...secretsOf(), ...extra]) expect(text).not.toContain(secret);
	};

	it('creates an application from the Facebook Page credential with seed 001\'s request, secrets masked in the output', async () => {
		const result = await runNode(sandbox, create());
		const [output] = jsonOf(result);
		const { meta, infobip } = sandbox.config;

		expect(calls(sandbox)).toEqual(['GET /facebook/1/applications', 'POST /facebook/1/applications']);
		const post = providerCalls(sandbox)[1];
		expect(post.headers.authorization).toBe(`App ${infobip.apiKey}`);
		expect(post.body).toEqual({
			facebook: { page: { accessToken: meta.pageAccessToken }, application: { id: Number(meta.appId), secret: meta.appSecret } },
		});
		expect(post.status).toBe(200);

		const key = String(output.key);
		expect(key).toMatch(/^[0-9A-F]{32}$/);
		expect(output).toEqual({
			key,
			name: expect.any(String),
			imageUrl: expect.stringMatching(/^https:\/\//),
			facebookAppId: meta.appId,
			pageAccessToken: `****${meta.pageAccessToken.slice(-4)}`,
			appSecret: `****${meta.appSecret.slice(-4)}`,
			webhookUrl: infobipModuleOf(sandbox).applications.get(key)?.webhookUrl,
			change: 'created',
			changedFields: [],
			message: expect.stringContaining(`Created application ${key}`),
		});
		expect(output.webhookUrl).toBe(`${sandbox.url}/facebook/1/applications/${key}/webhook`);
		expect(result.output('Node')[0].pairedItem).toEqual({ item: 0 });
		expectNoSecrets(result.run);
	});

	it('is idempotent: a second create for the same page and app returns the same key and sends no POST', async () => {
		const first = jsonOf(await runNode(sandbox, create()))[0];
		sandbox.clearLog();
		const second = jsonOf(await runNode(sandbox, create()))[0];
		expect(calls(sandbox)).toEqual(['GET /facebook/1/applications']);
		expect(second).toMatchObject({ key: first.key, change: 'unchanged', changedFields: [] });
		expect(second.message).toMatch(/nothing was created/);
	});

	it('updates the App Secret in place when the same page and app come with a new secret', async () => {
		const first = jsonOf(await runNode(sandbox, create()))[0];
		sandbox.clearLog();
		const page = pageCredentials(sandbox, { appSecret: 'a-rotated-app-secret-0001' });
		const second = jsonOf(await runNode(sandbox, create(), { page }))[0];
		expect(calls(sandbox)).toEqual(['GET /facebook/1/applications', `PUT /facebook/1/applications/${String(first.key)}`]);
		expect(second).toMatchObject({ key: first.key, change: 'updated', changedFields: ['appSecret'], appSecret: '****0001' });
		expect(infobipModuleOf(sandbox).applications.get(String(first.key))?.secret).toBe('a-rotated-app-secret-0001');
	});

	it('creates another application when asked to', async () => {
		const first = jsonOf(await runNode(sandbox, create()))[0];
		const second = jsonOf(await runNode(sandbox, create({ ifExists: 'create' })))[0];
		expect(second.change).toBe('created');
		expect(second.key).not.toBe(first.key);
	});

	it('creates from details typed into the node, without a Facebook Page credential', async () => {
		const typedToken = 'EAAtypedPageAccessToken9876';
		const typedSecret = 'typed-app-secret-5555';
		const result = await runNode(
			sandbox,
			create({ facebookPage: 'manual', pageAccessToken: typedToken, facebookAppId: '1654219114885622', facebookAppSecret: typedSecret }),
			{ page: {} },
		);
		const [output] = jsonOf(result);
		expect(providerCalls(sandbox).at(-1)?.body).toEqual({
			facebook: { page: { accessToken: typedToken }, application: { id: 1654219114885622, secret: typedSecret } },
		});
		expect(output).toMatchObject({ change: 'created', facebookAppId: '1654219114885622', pageAccessToken: '****9876', appSecret: '****5555' });
		expectNoSecrets(result.run, [typedToken, typedSecret]);
	});

	it('names the missing App ID of the Facebook Page credential before any request', async () => {
		const result = await runNode(sandbox, create(), { page: pageCredentials(sandbox, { appId: '' }) });
		expect(result.nodeError('Node')?.message).toMatch(/Facebook Page credential has no App ID/);
		expect(calls(sandbox)).toEqual([]);
	});

	it('gets one application by key, masked', async () => {
		const key = sandbox.config.infobip.applicationKeys[0];
		const result = await runNode(sandbox, { resource: 'infobipApplication', operation: 'get', applicationKey: byKey(key) });
		expect(calls(sandbox)).toEqual([`GET /facebook/1/applications/${key}`]);
		const [output] = jsonOf(result);
		const stored = infobipModuleOf(sandbox).applications.get(key);
		expect(output).toMatchObject({ key, name: stored?.name, facebookAppId: String(stored?.appId), webhookUrl: stored?.webhookUrl });
		expectNoSecrets(result.run, [String(stored?.accessToken), String(stored?.secret)]);
	});

	it('lists the applications, one item each, up to the limit', async () => {
		await runNode(sandbox, create());
		const all = jsonOf(await runNode(sandbox, { resource: 'infobipApplication', operation: 'getAll', returnAll: true }));
		expect(all.map((app) => app.key)).toEqual(infobipModuleOf(sandbox).applications.list().map((app) => app.key));
		expect(all).toHaveLength(2);
		const limited = await runNode(sandbox, { resource: 'infobipApplication', operation: 'getAll', returnAll: false, limit: 1 });
		expect(jsonOf(limited)).toHaveLength(1);
		expectNoSecrets(limited.run);
	});

	it('rotates the page token with update, and a second identical update sends nothing', async () => {
		const key = String(jsonOf(await runNode(sandbox, create()))[0].key);
		const rotated = 'EAArotatedPageAccessToken4321';
		const update = {
			resource: 'infobipApplication',
			operation: 'update',
			applicationKey: byKey(key),
			facebookPage: 'manual',
			pageAccessToken: rotated,
			facebookAppId: sandbox.config.meta.appId,
			facebookAppSecret: sandbox.config.meta.appSecret,
		};
		sandbox.clearLog();
		const first = await runNode(sandbox, update);
		expect(calls(sandbox)).toEqual([`GET /facebook/1/applications/${key}`, `PUT /facebook/1/applications/${key}`]);
		expect(providerCalls(sandbox)[1].body).toEqual({
			facebook: { page: { accessToken: rotated }, application: { id: Number(sandbox.config.meta.appId), secret: sandbox.config.meta.appSecret } },
		});
		expect(jsonOf(first)[0]).toMatchObject({ key, change: 'updated', changedFields: ['pageAccessToken'], pageAccessToken: '****4321' });
		expect(infobipModuleOf(sandbox).applications.get(key)?.accessToken).toBe(rotated);
		expectNoSecrets(first.run, [rotated]);

		sandbox.clearLog();
		const again = jsonOf(await runNode(sandbox, update))[0];
		expect(calls(sandbox)).toEqual([`GET /facebook/1/applications/${key}`]);
		expect(again).toMatchObject({ key, change: 'unchanged', changedFields: [] });
	});

	it('deletes an application, and deleting it again reports that nothing changed', async () => {
		const key = String(jsonOf(await runNode(sandbox, create()))[0].key);
		const remove = { resource: 'infobipApplication', operation: 'delete', applicationKey: byKey(key) };
		sandbox.clearLog();
		expect(jsonOf(await runNode(sandbox, remove))[0]).toEqual({
			key,
			deleted: true,
			change: 'deleted',
			message: `Deleted application ${key}`,
		});
		expect(providerCalls(sandbox).map((entry) => [entry.method, entry.path, entry.status])).toEqual([
			['DELETE', `/facebook/1/applications/${key}`, 204],
		]);
		expect(infobipModuleOf(sandbox).applications.has(key)).toBe(false);
		expect(jsonOf(await runNode(sandbox, remove))[0]).toMatchObject({ key, deleted: false, change: 'unchanged' });
	});

	it('fails get on an unknown key with Infobip\'s message', async () => {
		const result = await runNode(sandbox, { resource: 'infobipApplication', operation: 'get', applicationKey: byKey('00000000000000000000000000000000') });
		const error = result.nodeError('Node') as NodeApiError;
		expect(error.message).toBe('Infobip: Application with key "00000000000000000000000000000000" not found');
		expect(error.httpCode).toBe('404');
	});

	it('authenticates with Basic (username and password) as well as with an API key', async () => {
		const { basicUser, basicPassword } = sandbox.config.infobip;
		const infobip = infobipCredentials(sandbox, { authType: 'basic', username: basicUser, password: basicPassword, apiKey: '' });
		const items = jsonOf(await runNode(sandbox, { resource: 'infobipApplication', operation: 'getAll', returnAll: true }, { infobip }));
		expect(items.map((item) => item.key)).toEqual(sandbox.config.infobip.applicationKeys);
		expect(providerCalls(sandbox)[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`${basicUser}:${basicPassword}`).toString('base64')}`,
		);
	});

	it('turns a 401 into a NodeApiError with Infobip\'s message, without the key it was given', async () => {
		const wrongKey = 'wrong-infobip-key-77aa';
		const result = await runNode(sandbox, { resource: 'infobipApplication', operation: 'getAll', returnAll: true }, {
			infobip: infobipCredentials(sandbox, { apiKey: wrongKey }),
		});
		const error = result.nodeError('Node') as NodeApiError;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Infobip: Invalid login details');
		expect(error.httpCode).toBe('401');
		expect(error.description).toMatch(/UNAUTHORIZED/);
		expect(providerCalls(sandbox).at(-1)?.status).toBe(401);
		expect(JSON.stringify(result.run)).not.toContain(wrongKey);
	});

	it('turns a 400 into a NodeApiError with Infobip\'s body text, secrets scrubbed', async () => {
		// An App ID beyond 2^53 is sent digit for digit; the sandbox (like JavaScript) cannot hold it exactly.
		const typedSecret = 'typed-app-secret-4242';
		const result = await runNode(sandbox, create({
			facebookPage: 'manual',
			pageAccessToken: 'EAAtypedToken1111',
			facebookAppId: '98765432109876543210',
			facebookAppSecret: typedSecret,
		}));
		const error = result.nodeError('Node') as NodeApiError;
		const logged = providerCalls(sandbox).at(-1);
		expect(logged?.status).toBe(400);
		const text = (logged?.response as { requestError: { serviceException: { text: string } } }).requestError.serviceException.text;
		expect(error.message).toBe(`Infobip: ${text}`);
		expect(error.httpCode).toBe('400');
		expect(error.description).toMatch(/check the page access token, the Facebook App ID and the App Secret/);
		// n8n keeps a node's typed parameters with its error (they are part of the workflow); the error's
		// own text must not repeat them.
		expect(JSON.stringify({ message: error.message, description: error.description, messages: error.messages })).not.toContain(typedSecret);
	});

	it('continues on fail: the failed item carries the error, the others still run, each paired', async () => {
		const known = sandbox.config.infobip.applicationKeys[0];
		const result = await runNode(
			sandbox,
			{ resource: 'infobipApplication', operation: 'get', applicationKey: { __rl: true, mode: 'id', value: '={{ $json.key }}' } },
			{ input: [{ key: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' }, { key: known }], continueOnFail: true },
		);
		const items = result.output('Node');
		expect(items).toHaveLength(2);
		expect(items[0]).toEqual({ json: { error: expect.stringMatching(/^Infobip: .*not found/) }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({ json: { key: known }, pairedItem: { item: 1 } });
	});
});
