
import { runPoll } from '../../harness/run-poll';
import { startSilentServer, useRecorder } from '../../support/loopback';
import { useSandbox } from '../../support/sandbox';
import { inboxCredentials, inboxWorkflow, NODE } from './helpers';

// The inbox pull goes through requestFullResponse: no redirects, a timeout, masked errors.
describe('Messenger Inbox Trigger: transport safety', () => {
	const sandbox = useSandbox();
	const other = useRecorder();

	beforeEach(() => {
		sandbox.reset();
	});

	const credentials = (baseUrl = sandbox.url) => inboxCredentials(sandbox, baseUrl);

	it('a redirect fails the poll and the API key never reaches the other host', async () => {
		sandbox.addFault({ routeId: 'infobip.inbox', redirectTo: `${other.url}/steal` });
		const tick = await runPoll(inboxWorkflow(), NODE, { credentials: credentials() });
		expect(other.received).toEqual([]);
		expect(tick.items).toBeNull();
		expect(tick.error?.message).toContain('HTTP 307');
		expect(tick.error?.message).toContain(other.host);
	});

	it('a pull that gets no answer ends with the request timeout, saying so and that messages may be lost', async () => {
		const silent = await startSilentServer();
		try {
			// A 0.8 s poll budget gives each request a quarter of it: 0.2 s.
			const tick = await runPoll(inboxWorkflow(), NODE, { credentials: credentials(silent.url), pollBudgetMs: 800 });
			expect(tick.items).toBeNull();
			// A timed-out pull may have been served: reported as cut off, with the timeout as the reason.
			expect(tick.error?.message).toMatch(/inbox pull was cut off after it was sent/);
			expect((tick.error as { description?: string }).description).toMatch(/did not answer within 0\.2 s/);
			expect(silent.received).toHaveLength(1);
		} finally {
			await silent.close();
		}
	});

	it('an error echoing the API key shows it masked', async () => {
		sandbox.addFault({ routeId: 'infobip.inbox', echoAuth: true });
		const tick = await runPoll(inboxWorkflow(), NODE, { credentials: credentials() });
		const shown = `${tick.error?.message} ${JSON.stringify(tick.error)} ${tick.error?.stack}`;
		expect(shown).toContain('****');
		expect(shown).not.toContain(sandbox.config.infobip.apiKey);
	});
});
