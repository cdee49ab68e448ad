import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { everythingShown, startSilentServer, useRecorder, type LoopbackServer } from '../../support/loopback';
import { ROUTES, sandboxCredentials, secretsOf, send, type Provider } from './helpers';
import { useSandbox } from '../../support/sandbox';
import { PROVIDER_NAMES } from '../../../nodes/shared/providers';

const PROVIDERS: readonly Provider[] = PROVIDER_NAMES;

/** Every credential variant the send path authenticates with: one per auth header style. */
function credentialVariants(sandbox: Sandbox): Array<[string, Provider, ICredentialDataDecryptedObject]> {
	const { infobip } = sandbox.config;
	return [
		['Infobip API key (Authorization: App)', 'infobip', sandboxCredentials(sandbox, 'infobip')],
		[
			'Infobip Basic (Authorization: Basic)',
			'infobip',
			{ ...sandboxCredentials(sandbox, 'infobip'), authType: 'basic', username: infobip.basicUser, password: infobip.basicPassword },
		],
		['CM.com (X-CM-PRODUCTTOKEN)', 'cm', sandboxCredentials(sandbox, 'cm')],
		['Graph (Authorization: Bearer)', 'meta', sandboxCredentials(sandbox, 'meta')],
	];
}

// Transport rules of every provider call on the send path: no redirects, a timeout of our own, and
// no secret in any error whatever its source.
describe('Messenger node: transport safety', () => {
	const sandbox = useSandbox();
	const other = useRecorder();
	let alice: string;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
	});
	beforeEach(() => {
		sandbox.reset();
	});

	const text = (options: INodeParameters = {}) => ({ operation: 'text', recipient: alice, text: 'Hello', options: { retryDelay: 5, ...options } });

	describe('a provider answering with a redirect to another host', () => {
		it.each([0, 1, 2, 3])('is not followed, and the credential never reaches the other host (variant %i)', async (index) => {
			const [, provider, credentials] = credentialVariants(sandbox)[index];
			sandbox.addFault({ routeId: ROUTES[provider], redirectTo: `${other.url}/collect?token=query-secret` });
			const outcome = await send(sandbox, provider, text(), { credentials });
			expect(other.received).toEqual([]);
			expect(outcome.sent).toHaveLength(1);
			expect(sandbox.delivered).toHaveLength(0);
			expect(outcome.error?.message).toContain('HTTP 307');
			const shown = everythingShown(outcome.error);
			expect(shown).toContain(other.host);
			expect(shown).not.toContain('query-secret');
			expect(shown).not.toContain('/collect');
		});

		it.each(PROVIDERS)('%s: a 301 is refused the same way, never retried', async (provider) => {
			sandbox.addFault({ routeId: ROUTES[provider], status: 301, redirectTo: `${other.url}/moved` });
			const outcome = await send(sandbox, provider, text({ maxRetries: 3 }));
			expect(other.received).toEqual([]);
			expect(outcome.sent).toHaveLength(1);
			expect(outcome.error?.message).toContain('HTTP 301');
		});
	});

	describe('a provider that accepts the connection and never answers', () => {
		let silent: LoopbackServer;
		beforeAll(async () => {
			silent = await startSilentServer();
		});
		afterAll(() => silent.close());
		beforeEach(() => {
			silent.received.length = 0;
		});

		it.each(PROVIDERS)('%s: the Timeout option ends the call, once, saying delivery is uncertain', async (provider) => {
			const credentials = { ...sandboxCredentials(sandbox, provider), baseUrl: silent.url };
			const outcome = await send(sandbox, provider, text({ timeout: 200, maxRetries: 3 }), { credentials });
			expect(outcome.error?.message).toMatch(/did not answer within 0\.2 s/);
			expect((outcome.error as { description?: string }).description).toMatch(/may or may not have (been )?delivered/);
			expect((outcome.error as { description?: string }).description).toContain('not retried');
			expect(silent.received).toHaveLength(1);
		});

		it('a timeout under Continue On Fail is the item\'s error, the other items go on', async () => {
			const credentials = { ...sandboxCredentials(sandbox, 'cm'), baseUrl: silent.url };
			const outcome = await send(sandbox, 'cm', text({ timeout: 200 }), { credentials, continueOnFail: true, input: [{}, {}] });
			expect(outcome.items.map((item) => String(item.json.error))).toEqual([
				expect.stringMatching(/did not answer within 0\.2 s/),
				expect.stringMatching(/did not answer within 0\.2 s/),
			]);
		});
	});

	describe('a provider error that echoes the credential', () => {
		it.each([0, 1, 2, 3])('never shows the secret, masked wherever it came from (variant %i)', async (index) => {
			const [, provider, credentials] = credentialVariants(sandbox)[index];
			sandbox.addFault({ routeId: ROUTES[provider], echoAuth: true });
			const outcome = await send(sandbox, provider, text(), { credentials });
			// The sandbox did quote the header: the error exists and says so, masked.
			expect(JSON.stringify(outcome.sent[0].response)).toMatch(/authorization|x-cm-producttoken/);
			expect(outcome.error?.message).toContain('****');
			const shown = everythingShown(outcome.error);
			const basic = Buffer.from(`${sandbox.config.infobip.basicUser}:${sandbox.config.infobip.basicPassword}`).toString('base64');
			for (const secret of [...secretsOf(sandbox), basic]) expect(shown).not.toContain(secret);
		});

		it('masks the echoed credential in the item under Continue On Fail too', async () => {
			sandbox.addFault({ routeId: ROUTES.infobip, echoAuth: true });
			const outcome = await send(sandbox, 'infobip', text(), { continueOnFail: true });
			const item = JSON.stringify(outcome.items);
			expect(item).toContain('****');
			expect(item).not.toContain(sandbox.config.infobip.apiKey);
		});
	});
});
