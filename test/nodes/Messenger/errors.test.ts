import { CREDENTIAL_TYPES, NODE_TYPE, sandboxCredentials, secretsOf, send, type Provider } from './helpers';
import { singleNodeWorkflow } from '../../harness/workflows';
import { useSandbox } from '../../support/sandbox';
import { PROVIDER_NAMES } from '../../../nodes/shared/providers';

const DAY = 24 * 60 * 60 * 1000;

describe('Messenger node: unsupported combinations, errors, Continue On Fail and secrets', () => {
	const sandbox = useSandbox({ clearEach: true });
	let alice: string;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
	});

	describe('an operation the capability table hides, reached anyway (expression, import, AI agent)', () => {
		it.each([
			['infobip', 'quickReplies', 'Send Quick Replies'],
			['infobip', 'genericTemplate', 'Send Generic Template'],
			['infobip', 'carousel', 'Send Carousel'],
			['infobip', 'mediaTemplate', 'Send Media Template'],
			['infobip', 'productTemplate', 'Send Product Template'],
			['infobip', 'optInRequest', 'Send Opt-In Request'],
			['cm', 'senderAction', 'Send Sender Action'],
		] as const)('%s + %s fails naming both, and sends nothing', async (provider, operation, label) => {
			const outcome = await send(sandbox, provider, {
				operation,
				recipient: alice,
				inputMode: 'json',
				messageJson: '{"text":"x","title":"x","payload":"x","card":{"title":"x","subtitle":"y"},"cards":[{"title":"x","subtitle":"y"}],"productIds":["p"],"quickReplies":[{"title":"a","payload":"b"}],"media":{"type":"image","url":"https://www.facebook.com/a.png"}}',
				senderAction: 'typing_on',
			});
			const providerLabel = provider === 'cm' ? 'CM.com' : 'Infobip';
			expect(outcome.error?.message).toMatch(new RegExp(`^${providerLabel.replace('.', '\\.')} does not support the operation "${label}"; it supports: Send Text, `));
			expect(sandbox.log).toHaveLength(0);
		});

		it.each([
			['infobip', { operation: 'text', recipient: 'p', inputMode: 'json', messageJson: '{"text":"x","quickReplies":[{"title":"a","payload":"b"}]}' }, 'Infobip does not support quick replies with "Send Text"'],
			['infobip', { resource: 'template', operation: 'buttonTemplate', recipient: 'p', text: 'x', buttons: { button: [{ type: 'call', title: 'Call', phoneNumber: '+1' }] } }, 'Infobip does not support "call" buttons'],
			['cm', { operation: 'media', recipient: 'p', inputMode: 'json', messageJson: '{"media":{"type":"image","attachmentId":"1"}}' }, 'CM.com does not support media from an attachment ID'],
			['cm', { resource: 'template', operation: 'genericTemplate', recipient: 'p', inputMode: 'json', messageJson: '{"card":{"title":"x","subtitle":"y","defaultActionUrl":"https://example.com"}}' }, 'CM.com does not support a default action on cards'],
		] as const)('%s refuses %j', async (provider, parameters, message) => {
			const outcome = await send(sandbox, provider as Provider, parameters as never);
			expect(outcome.error?.message).toBe(message);
			expect(sandbox.log).toHaveLength(0);
		});

		it('hidden parameters (a user_ref or a tag on Infobip) are dropped by n8n itself and never reach a provider', async () => {
			const outcome = await send(sandbox, 'infobip', { operation: 'text', recipientType: 'userRef', recipient: alice, text: 'x', options: { tag: 'HUMAN_AGENT', messagingType: 'UPDATE' } });
			expect(outcome.error).toBeUndefined();
			expect(outcome.sent[0].body).toEqual({ from: sandbox.config.infobip.applicationKeys[0], to: alice, message: { type: 'TEXT', text: 'x' } });
		});
	});

	describe('provider errors become NodeApiError with the provider\'s message and a hint', () => {
		it('Graph 190: invalid or expired token', async () => {
			const credentials = { ...sandboxCredentials(sandbox, 'meta'), accessToken: 'EAAexpiredToken' };
			const outcome = await send(sandbox, 'meta', { operation: 'text', recipient: alice, text: 'x' }, { credentials });
			expect(outcome.error?.name).toBe('NodeApiError');
			expect(outcome.error?.message).toMatch(/^Meta Graph API: .*access token/i);
			expect((outcome.error as { description?: string }).description).toContain('expired: with a Page Access Token credential, generate a new page token');
			expect((outcome.error as { description?: string }).description).toContain('error code: 190');
		});

		it('Graph 10/2018278: outside the 24-hour window', async () => {
			sandbox.config.users.push({ psid: '7000000000000099', firstName: 'Old', lastName: 'Friend', lastInboundAt: Date.now() - 2 * DAY });
			const outcome = await send(sandbox, 'meta', { operation: 'text', recipient: '7000000000000099', text: 'x' });
			expect((outcome.error as { description?: string }).description).toMatch(/error code: 10\/2018278/);
			expect((outcome.error as { description?: string }).description).toContain('24 hours');
			expect((outcome.error as { description?: string }).description).not.toContain('notification token');
			// The same user with a tag is inside the rules.
			sandbox.clearLog();
			const tagged = await send(sandbox, 'meta', { operation: 'text', recipient: '7000000000000099', text: 'x', options: { tag: 'HUMAN_AGENT' } });
			expect(tagged.error).toBeUndefined();
		});

		it('Graph 100/2018001: no such user', async () => {
			const outcome = await send(sandbox, 'meta', { operation: 'text', recipient: '7999999999999999', text: 'x' });
			expect((outcome.error as { description?: string }).description).toMatch(/PSIDs are page-scoped.*error code: 100\/2018001/);
		});

		it('CM.com 102: out of credits, although HTTP 200', async () => {
			sandbox.config.cm.outOfCredits = true;
			try {
				const outcome = await send(sandbox, 'cm', { operation: 'text', recipient: alice, text: 'x' });
				expect(outcome.sent[0].status).toBe(200);
				expect(outcome.error?.message).toMatch(/^CM\.com: /);
				expect((outcome.error as { description?: string }).description).toMatch(/out of credits.*error code: 102/);
				expect(sandbox.delivered).toHaveLength(0);
			} finally {
				sandbox.config.cm.outOfCredits = false;
			}
		});

		it('CM.com 103 and Infobip UNAUTHORIZED: bad credentials', async () => {
			const cm = await send(sandbox, 'cm', { operation: 'text', recipient: alice, text: 'x' }, { credentials: { ...sandboxCredentials(sandbox, 'cm'), productToken: 'wrong-token' } });
			expect((cm.error as { description?: string }).description).toMatch(/product token.*error code: 103/);
			const infobip = await send(sandbox, 'infobip', { operation: 'text', recipient: alice, text: 'x' }, { credentials: { ...sandboxCredentials(sandbox, 'infobip'), apiKey: 'wrong-key' } });
			expect(infobip.error?.message).toMatch(/^Infobip: /);
			expect((infobip.error as { httpCode?: string }).httpCode).toBe('401');
			expect((infobip.error as { description?: string }).description).toMatch(/API key.*error code: UNAUTHORIZED/);
		});

		it('a missing sender names the credential field', async () => {
			const outcome = await send(sandbox, 'infobip', { operation: 'text', recipient: alice, text: 'x' }, { credentials: { ...sandboxCredentials(sandbox, 'infobip'), defaultSender: '' } });
			expect(outcome.error?.message).toBe("No sender is set: set the Infobip application key (credential field Default Sender, or the node's Sender option)");
		});
	});

	describe('Continue On Fail', () => {
		// Infobip's Messenger API takes any destination and reports an unknown user later, in an UNDELIVERABLE
		// delivery report, so its send of the unknown user below succeeds: it is checked in infobip-messenger.test.ts.
		it.each(PROVIDER_NAMES.filter((name) => name !== 'infobipMessenger'))('%s: failed items carry the error, the others still send, in order, paired', async (provider) => {
			const limit = provider === 'infobip' ? 320 : 640;
			const outcome = await send(
				sandbox,
				provider,
				{ resource: 'template', operation: 'buttonTemplate', recipient: '={{ $json.to }}', text: '={{ $json.text }}', buttons: { button: [{ type: 'postback', title: 'OK', payload: 'OK' }] } },
				{
					continueOnFail: true,
					input: [
						{ to: alice, text: 'first' },
						{ to: alice, text: 'x'.repeat(limit + 1) },
						{ to: '7999999999999999', text: 'unknown user' },
						{ to: alice, text: 'last' },
					],
				},
			);
			expect(outcome.error).toBeUndefined();
			expect(outcome.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
			const [first, tooLong, unknown, last] = outcome.items.map((item) => item.json);
			expect(first).toMatchObject({ provider, status: expect.any(String), delivery: 'delivered' });
			expect(last).toMatchObject({ provider, status: expect.any(String) });
			expect(tooLong).toEqual({
				error: `text is ${limit + 1} characters long; the limit on ${provider === 'cm' ? 'CM.com' : provider === 'meta' ? 'Meta Graph API' : 'Infobip'} is ${limit}`,
				description: 'Field: text',
				field: 'text',
				delivery: 'failed',
			});
			expect(unknown.error).toEqual(expect.any(String));
			expect(unknown.code).toEqual(expect.any(String));
			expect(unknown.delivery).toBe('failed');
			expect(sandbox.delivered).toHaveLength(2);
			expect(outcome.sent).toHaveLength(3);
		});

		it('without it, an invalid item stops the node before any item is sent, naming the item', async () => {
			const outcome = await send(sandbox, 'meta', { operation: 'text', recipient: alice, text: '={{ $json.text }}', options: { concurrency: 1 } }, {
				input: [{ text: 'ok' }, { text: '' }, { text: 'never sent' }],
			});
			expect(outcome.error?.message).toBe('text is empty');
			expect((outcome.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
			expect(outcome.sent).toHaveLength(0);
			expect(sandbox.delivered).toHaveLength(0);
		});

		it('without it, a provider refusal stops the node with that item\'s error; items before it were sent', async () => {
			const outcome = await send(sandbox, 'meta', { operation: 'text', recipient: '={{ $json.to }}', text: 'hi', options: { concurrency: 1 } }, {
				input: [{ to: alice }, { to: '7999999999999999' }, { to: alice }],
			});
			expect(outcome.error?.message).toMatch(/^Meta Graph API: /);
			expect((outcome.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
			expect(sandbox.delivered).toHaveLength(1);
		});
	});

	describe('secrets never appear in errors or output', () => {
		const WRONG = { infobip: 'wrong-secret-api-key-123', infobipMessenger: 'wrong-secret-api-key-456', cm: 'wrong-secret-product-token-123', meta: 'EAAwrongSecretToken123' };
		const field = { infobip: 'apiKey', infobipMessenger: 'apiKey', cm: 'productToken', meta: 'accessToken' } as const;

		it.each(PROVIDER_NAMES)('%s: a run with successes, provider errors, bad credentials and a connection failure', async (provider) => {
			const runs = [];
			const parameters = { operation: 'text', recipient: '={{ $json.to }}', text: 'Hi', options: { retryDelay: 5 } };
			const input = [{ to: alice }, { to: '7999999999999999' }];
			runs.push(await send(sandbox, provider, parameters, { input, continueOnFail: true }));
			runs.push(await send(sandbox, provider, parameters, { input, credentials: { ...sandboxCredentials(sandbox, provider), [field[provider]]: WRONG[provider] } }));
			runs.push(await send(sandbox, provider, parameters, { input, credentials: { ...sandboxCredentials(sandbox, provider), baseUrl: 'http://127.0.0.1:9' } }));
			const secrets = [...secretsOf(sandbox), WRONG[provider], Buffer.from(`${sandbox.config.infobip.basicUser}:${sandbox.config.infobip.basicPassword}`).toString('base64')];
			for (const run of runs) {
				const serialized = JSON.stringify(run.result.run) + JSON.stringify(run.items) + String(run.error?.stack) + JSON.stringify(run.error);
				for (const secret of secrets) expect(serialized).not.toContain(secret);
			}
			expect(runs[1].error).toBeDefined();
			expect(runs[2].error?.message).toMatch(/could not be reached$/);
		});
	});

	it('the workflow JSON a user exports carries credential ids only', () => {
		const workflow = singleNodeWorkflow(NODE_TYPE, { provider: 'meta' }, { [CREDENTIAL_TYPES.meta]: { id: '1', name: 'Page' } });
		expect(JSON.stringify(workflow)).not.toContain(sandbox.config.meta.pageAccessToken);
	});
});
