// Nothing sent twice after a partial failure: n8n's Retry On Fail re-runs execute() in the same
// execution (n8n-core's WorkflowExecute, `retryOnFail` / `maxTries`), so items an earlier try
// delivered must be skipped, and an item whose earlier outcome is unknown (500 or a reset after the
// request was written) must not be sent again. The error and the Continue On Fail output say what
// was delivered, with message ids.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ROUTES, send, type Provider, type SendOutcome } from './helpers';
import { useSandbox } from '../../support/sandbox';
import { PROVIDER_NAMES } from '../../../nodes/shared/providers';

const PROVIDERS: readonly Provider[] = PROVIDER_NAMES;
/** A PSID no sandbox user has: every provider refuses it, proving the message was not taken. */
const UNKNOWN = '7999999999999999';
/** Retry On Fail as a user sets it; 1 ms between tries keeps the test quick (0 means n8n's 1 s). */
const THREE_TRIES = { maxTries: 3, waitBetweenTries: 1 };

interface ErrorWithContext extends Error {
	description?: string;
	context?: { delivered?: Array<{ item: number; messageId: string | null }> };
}

describe('Messenger node: no duplicates after a partial failure', () => {
	const sandbox = useSandbox({ clearEach: true });
	let alice: string;
	let bob: string;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
		bob = sandbox.config.users[1].psid;
	});

	const byRecipient: INodeParameters = { operation: 'text', recipient: '={{ $json.to }}', text: '=Hello {{ $json.name }}' };
	const people = (...names: string[]): IDataObject[] =>
		names.map((name) => ({ to: name === 'alice' ? alice : name === 'bob' ? bob : UNKNOWN, name }));

	/** The id the node reports for a delivered message: CM.com's is the reference the node set. */
	function reportedId(provider: Provider, recipient: string): string {
		const matching = sandbox.delivered.filter((delivered) => delivered.recipient === recipient);
		expect(matching).toHaveLength(1);
		const [delivered] = matching;
		return provider === 'cm' ? (delivered.message as { reference: string }).reference : delivered.messageId;
	}
	const sendsTo = (outcome: SendOutcome, recipient: string) =>
		outcome.sent.filter((entry) => JSON.stringify(entry.body).includes(recipient)).length;

	// Infobip's Messenger API accepts an unknown user and reports it undeliverable later, so it refuses
	// nothing here to retry: its asynchronous outcome is checked in infobip-messenger.test.ts.
	describe.each(PROVIDERS.filter((name) => name !== 'infobipMessenger'))('%s', (provider) => {
		it('[alice, unknown, bob] with Retry On Fail (3 tries): alice and bob get one message each, and the error lists both with their ids', async () => {
			const outcome = await send(sandbox, provider, { ...byRecipient, options: { retryDelay: 1 } }, {
				input: people('alice', 'unknown', 'bob'),
				retryOnFail: THREE_TRIES,
			});
			// n8n really tried the node three times: the refused item went out once per try.
			expect(sendsTo(outcome, UNKNOWN)).toBe(3);
			expect(sandbox.delivered.map((delivered) => delivered.recipient).sort()).toEqual([alice, bob].sort());
			expect(sendsTo(outcome, alice)).toBe(1);
			expect(sendsTo(outcome, bob)).toBe(1);

			const error = outcome.error as ErrorWithContext;
			expect(error.context?.delivered).toEqual([
				{ item: 0, messageId: reportedId(provider, alice) },
				{ item: 2, messageId: reportedId(provider, bob) },
			]);
			expect(error.description).toContain(`item 0 (message id ${reportedId(provider, alice)})`);
			expect(error.description).toContain(`item 2 (message id ${reportedId(provider, bob)})`);
		});

		it('a 500 after the provider recorded the message is not re-sent by Retry On Fail: the item is reported as uncertain', async () => {
			sandbox.addFault({ routeId: ROUTES[provider], status: 500, afterRoute: true, times: 1 });
			const outcome = await send(sandbox, provider, { ...byRecipient, options: { retryDelay: 1 } }, {
				input: people('alice'),
				retryOnFail: THREE_TRIES,
			});
			expect(outcome.sent).toHaveLength(1);
			expect(sandbox.delivered).toHaveLength(1);
			expect(outcome.error?.message).toContain('delivery uncertain, not re-sent to avoid a duplicate');
		});
	});

	it('a reset after the request was written is not re-sent by Retry On Fail either', async () => {
		sandbox.addFault({ routeId: ROUTES.meta, reset: true, afterRoute: true, times: 1 });
		const outcome = await send(sandbox, 'meta', byRecipient, { input: people('alice'), retryOnFail: THREE_TRIES });
		expect(outcome.sent).toHaveLength(1);
		expect(sandbox.delivered).toHaveLength(1);
		expect(outcome.error?.message).toContain('delivery uncertain, not re-sent to avoid a duplicate');
	});

	it('without Retry On Fail, the error still names the delivered items and their message ids', async () => {
		const outcome = await send(sandbox, 'infobip', { ...byRecipient, options: { concurrency: 1 } }, { input: people('alice', 'unknown', 'bob') });
		const error = outcome.error as ErrorWithContext;
		// Concurrency 1: the run stops at the refusal, so bob is never sent.
		expect(sandbox.delivered.map((delivered) => delivered.recipient)).toEqual([alice]);
		expect(error.context?.delivered).toEqual([{ item: 0, messageId: reportedId('infobip', alice) }]);
		expect(error.description).toContain(`item 0 (message id ${reportedId('infobip', alice)})`);
		expect(error.description).toContain('Not sent: item 2');
	});

	it('Continue On Fail marks each item delivered, failed or uncertain', async () => {
		sandbox.addFault({ routeId: ROUTES.meta, status: 500, afterRoute: true, times: 1 });
		const outcome = await send(sandbox, 'meta', { ...byRecipient, options: { concurrency: 1 } }, {
			input: people('alice', 'unknown', 'bob'),
			continueOnFail: true,
		});
		expect(outcome.error).toBeUndefined();
		expect(outcome.items.map((item) => item.json.delivery)).toEqual(['uncertain', 'failed', 'delivered']);
		expect(outcome.items[0].json.error).toContain('delivery uncertain');
		expect(outcome.items[1].json.error).toEqual(expect.any(String));
		expect(outcome.items[2].json.messageId).toBe(reportedId('meta', bob));
	});

	it('Continue On Fail with Retry On Fail: n8n re-runs the node while the first item has an error, and nothing is sent twice', async () => {
		sandbox.addFault({ routeId: ROUTES.meta, status: 500, afterRoute: true, times: 1 });
		const outcome = await send(sandbox, 'meta', { ...byRecipient, options: { concurrency: 1 } }, {
			input: people('alice', 'unknown', 'bob'),
			continueOnFail: true,
			retryOnFail: THREE_TRIES,
		});
		expect(outcome.error).toBeUndefined();
		// n8n re-ran the node (its first output item carried `error`): the refused item went out each try.
		expect(sendsTo(outcome, UNKNOWN)).toBe(3);
		expect(sendsTo(outcome, alice)).toBe(1);
		expect(sendsTo(outcome, bob)).toBe(1);
		expect(sandbox.delivered.map((delivered) => delivered.recipient).sort()).toEqual([alice, bob].sort());
		expect(outcome.items.map((item) => item.json.delivery)).toEqual(['uncertain', 'failed', 'delivered']);
		expect(outcome.items[2].json.messageId).toBe(reportedId('meta', bob));
	});

	it('a new execution of the same workflow sends again: the ledger only covers retries within one execution', async () => {
		await send(sandbox, 'meta', byRecipient, { input: people('alice') });
		await send(sandbox, 'meta', byRecipient, { input: people('alice') });
		expect(sandbox.delivered.map((delivered) => delivered.recipient)).toEqual([alice, alice]);
	});
});
