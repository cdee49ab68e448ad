import type { INodeParameters } from 'n8n-workflow';

import { ROUTES, send } from './helpers';
import { useSandbox } from '../../support/sandbox';

const THIRTY_DAYS_S = 30 * 24 * 3600;

// The retry and timeout options can come from expressions, which the editor's min/max do not check:
// each is checked when the node runs, and a bad value fails the node naming the option and its range.
describe('Messenger node: retry and timeout options from expressions', () => {
	const sandbox = useSandbox();
	let alice: string;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
	});
	beforeEach(() => sandbox.reset());

	const text = (options: INodeParameters) => ({ operation: 'text', recipient: alice, text: 'Hello', options });

	it('a Max Retry Wait beyond its limit fails before sending, instead of a 30-day Retry-After overflowing the timer', async () => {
		sandbox.addFault({ routeId: ROUTES.cm, status: 429, retryAfter: THIRTY_DAYS_S, times: 1 });
		const outcome = await send(sandbox, 'cm', text({ maxRetryWait: `={{ ${THIRTY_DAYS_S * 10} }}` }));
		expect(outcome.error?.message).toBe(`Max Retry Wait (Seconds) must be a number from 1 to 3600; got ${THIRTY_DAYS_S * 10}`);
		expect((outcome.error as { description?: string }).description).toBe('Field: maxRetryWait');
		expect(outcome.sent).toHaveLength(0);
		expect(sandbox.delivered).toHaveLength(0);
	});

	it('a 30-day Retry-After within the default Max Retry Wait fails the item at once, asking for no wait', async () => {
		sandbox.addFault({ routeId: ROUTES.cm, status: 429, retryAfter: THIRTY_DAYS_S });
		const outcome = await send(sandbox, 'cm', text({ retryDelay: 5 }));
		expect(outcome.sent).toHaveLength(1);
		expect((outcome.error as { description?: string }).description).toContain(`asked to wait ${THIRTY_DAYS_S} s, longer than the Max Retry Wait option`);
	});

	it.each([
		['maxRetries', '={{ 50 }}', 'Max Retries must be a whole number from 0 to 10; got 50'],
		['maxRetries', '={{ -1 }}', 'Max Retries must be a whole number from 0 to 10; got -1'],
		['maxRetries', '={{ 2.5 }}', 'Max Retries must be a whole number from 0 to 10; got 2.5'],
		['retryDelay', '={{ -5 }}', 'Retry Initial Delay (Ms) must be a number from 0 to 3600000; got -5'],
		['timeout', '={{ 0 }}', 'Timeout must be a number from 1 to 300000; got 0'],
		['timeout', '={{ "soon" }}', 'Timeout must be a number from 1 to 300000; got "soon"'],
	])('%s %s fails naming the option and its range, nothing sent', async (name, value, message) => {
		const outcome = await send(sandbox, 'infobip', text({ [name]: value }));
		expect(outcome.error?.message).toBe(message);
		expect(outcome.sent).toHaveLength(0);
	});
});
