import { basicAuth, infobipClient, request, seedSingle } from './helpers';
import { useSandbox } from '../../support/sandbox';

const UNAUTHORIZED = { requestError: { serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' } } };

describe('Infobip sandbox: authentication (App key or Basic, providers.md)', () => {
	const sandbox = useSandbox();
	let client: ReturnType<typeof infobipClient>;

	beforeAll(async () => {
		client = infobipClient(sandbox);
	});

	const text = () => seedSingle(sandbox, { type: 'TEXT', text: 'Hello, World!' });

	it('accepts `App <apiKey>` and `Basic base64(user:pass)`', async () => {
		expect((await client.single(text())).status).toBe(200);
		const { basicUser, basicPassword } = sandbox.config.infobip;
		expect((await client.single(text(), basicAuth(basicUser, basicPassword))).status).toBe(200);
		expect((await client.single(text(), { authorization: `app ${sandbox.config.infobip.apiKey}` })).status).toBe(200);
	});

	it.each([
		['no Authorization header', {}],
		['a wrong App key', { authorization: 'App not-the-key' }],
		['an App header without a key', { authorization: 'App' }],
		['a wrong Basic password', basicAuth('sandbox', 'wrong')],
		['a wrong Basic user', basicAuth('someone', 'sandbox-password')],
		['Basic without a colon', { authorization: `Basic ${Buffer.from('sandbox').toString('base64')}` }],
		['a Bearer token', { authorization: 'Bearer sandbox-infobip-api-key' }],
	])('answers 401 UNAUTHORIZED on %s', async (_label, headers) => {
		const before = sandbox.delivered.length;
		const response = await request(`${sandbox.url}/facebook/1/single`, { method: 'POST', json: text(), headers: headers as Record<string, string> });
		expect(response.status).toBe(401);
		expect(response.body).toEqual(UNAUTHORIZED);
		expect(sandbox.delivered).toHaveLength(before);
	});

	it('guards every Infobip route, not only /single', async () => {
		const none = { accept: 'application/json' };
		expect((await client.pull('', none)).status).toBe(401);
		expect((await client.call('GET', '/facebook/1/applications', undefined, none)).body).toEqual(UNAUTHORIZED);
		const key = sandbox.config.infobip.applicationKeys[0];
		expect((await client.call('DELETE', `/facebook/1/applications/${key}`, undefined, basicAuth('sandbox', 'nope'))).status).toBe(401);
		// the application survived the refused delete
		expect((await client.call('GET', `/facebook/1/applications/${key}`)).status).toBe(200);
	});
});
