import { enqueueInfobipInbound, infobipModuleOf } from '../../../sandbox/infobip';
import { infobipClient, startInfobipSandbox } from './helpers';
import { useSandbox } from '../../support/sandbox';

// Seed 001's request example.
const seedCreate = {
	facebook: {
		page: { accessToken: 'EAAXggzrE7uYBAM38UXko5vWxi98mZCgH2klIHSwd...' },
		application: { id: 1654219114885622, secret: 'cf074b2e96390b3600031c751d9bf590' },
	},
};

describe('Infobip sandbox: applications (seed 001 + documented assumptions)', () => {
	const sandbox = useSandbox();
	let client: ReturnType<typeof infobipClient>;

	beforeAll(async () => {
		client = infobipClient(sandbox);
	});

	async function create(body: unknown = seedCreate) {
		return client.call('POST', '/facebook/1/applications', body);
	}

	it("creates an application with seed 001's request and answers seed 001's response shape", async () => {
		const response = await create();
		expect(response.status).toBe(200);
		expect(Object.keys(response.body).sort()).toEqual(['facebook', 'key']);
		expect(response.body.key).toMatch(/^[0-9A-F]{32}$/);
		expect(response.body.facebook).toEqual({
			page: { accessToken: seedCreate.facebook.page.accessToken },
			application: {
				id: 1654219114885622,
				secret: 'cf074b2e96390b3600031c751d9bf590',
				name: expect.any(String),
				imageUrl: expect.stringMatching(/^https:\/\//),
			},
		});
		const stored = infobipModuleOf(sandbox).applications.get(response.body.key);
		expect(stored?.webhookUrl).toBe(`${sandbox.url}/facebook/1/applications/${response.body.key}/webhook`);
	});

	it('makes the created key usable as `from` in /single, and a deleted one not', async () => {
		const { key } = (await create()).body;
		const to = sandbox.config.users[0].psid;
		const sent = await client.single({ from: key, to, message: { type: 'TEXT', text: 'from the new app' } });
		expect(sent.status).toBe(200);
		const deleted = await client.call('DELETE', `/facebook/1/applications/${key}`);
		expect(deleted.status).toBe(204);
		expect(deleted.text).toBe('');
		const after = await client.single({ from: key, to, message: { type: 'TEXT', text: 'x' } });
		expect(after.status).toBe(404);
		expect((await client.call('GET', `/facebook/1/applications/${key}`)).status).toBe(404);
	});

	it('lists presets and created applications under `applications`, and gets one by key', async () => {
		const { key } = (await create()).body;
		const list = await client.call('GET', '/facebook/1/applications');
		expect(list.status).toBe(200);
		const keys = list.body.applications.map((app: { key: string }) => app.key);
		expect(keys[0]).toBe(sandbox.config.infobip.applicationKeys[0]);
		expect(keys).toContain(key);
		const one = await client.call('GET', `/facebook/1/applications/${key}`);
		expect(one.status).toBe(200);
		expect(one.body).toEqual(list.body.applications.find((app: { key: string }) => app.key === key));
	});

	it('rotates the page token with PUT (same body as create), keeping the key', async () => {
		const { key } = (await create()).body;
		const rotated = { facebook: { ...seedCreate.facebook, page: { accessToken: 'EAARotatedToken' } } };
		const response = await client.call('PUT', `/facebook/1/applications/${key}`, rotated);
		expect(response.status).toBe(200);
		expect(response.body.key).toBe(key);
		expect(response.body.facebook.page.accessToken).toBe('EAARotatedToken');
		expect((await client.call('GET', `/facebook/1/applications/${key}`)).body.facebook.page.accessToken).toBe('EAARotatedToken');
	});

	it('answers 404 NOT_FOUND for an unknown key on get, put and delete', async () => {
		for (const [method, body] of [['GET'], ['PUT', seedCreate], ['DELETE']] as const) {
			const response = await client.call(method, '/facebook/1/applications/00000000000000000000000000000000', body);
			expect(response.status).toBe(404);
			expect(response.body.requestError.serviceException.messageId).toBe('NOT_FOUND');
		}
	});

	it.each([
		['an id given as a string', { facebook: { ...seedCreate.facebook, application: { id: '1654219114885622', secret: 's' } } }, /application\.id must be a positive integer/],
		['a missing secret', { facebook: { ...seedCreate.facebook, application: { id: 1 } } }, /facebook\.application\.secret is required/],
		['a missing access token', { facebook: { ...seedCreate.facebook, page: {} } }, /facebook\.page\.accessToken is required/],
		['an unknown field', { facebook: { ...seedCreate.facebook, webhookUrl: 'https://x.test' } }, /facebook\.webhookUrl is not a documented field/],
		['an application name (response-only field)', { facebook: { ...seedCreate.facebook, application: { ...seedCreate.facebook.application, name: 'x' } } }, /application\.name is not a documented field/],
	])('rejects a create with %s', async (_label, body, textPart) => {
		const before = infobipModuleOf(sandbox).applications.list().length;
		const response = await create(body);
		expect(response.status).toBe(400);
		expect(response.body.requestError.serviceException.text).toMatch(textPart);
		expect(infobipModuleOf(sandbox).applications.list()).toHaveLength(before);
	});
});

describe('Infobip sandbox: Sandbox.reset()', () => {
	it('forgets created and deleted applications and empties the inbox', async () => {
		const sandbox = await startInfobipSandbox();
		try {
			const client = infobipClient(sandbox);
			const preset = sandbox.config.infobip.applicationKeys[0];
			const { key } = (await client.call('POST', '/facebook/1/applications', seedCreate)).body;
			expect((await client.call('DELETE', `/facebook/1/applications/${preset}`)).status).toBe(204);
			enqueueInfobipInbound(sandbox, 5, { from: sandbox.config.users[0].psid });
			sandbox.reset();
			const keys = (await client.call('GET', '/facebook/1/applications')).body.applications.map((app: { key: string }) => app.key);
			expect(keys).toEqual([preset]);
			expect(keys).not.toContain(key);
			expect((await client.pull()).body.messageCount).toBe(0);
		} finally {
			await sandbox.close();
		}
	});
});
