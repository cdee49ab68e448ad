// The Messages API pull (Inbox Trigger v2) when the outcome of a pull is uncertain or odd, as
// pull-outcomes.test.ts checks for the v1 inbox: a pull cut off after Infobip served it, n8n's poll
// budget running out mid-drain, a 200 that is no inbox page. Through n8n-core over real HTTP.
import { runPoll, type PollLogLine } from '../../harness/run-poll';
import { messengerApiAdmin } from '../../support/infobip-messenger';
import { useSandbox } from '../../support/sandbox';
import { inboxCredentials, inboxWorkflow, NODE } from './helpers';

const PULL_ROUTE = 'infobip-messenger.inbound-pull';

describe('Messenger Inbox Trigger v2: Messages API pulls whose outcome is uncertain or odd', () => {
	const sandbox = useSandbox();
	const admin = messengerApiAdmin(sandbox);

	beforeEach(() => sandbox.reset());

	const credentials = () => inboxCredentials(sandbox);
	const v2 = (parameters: Record<string, unknown> = {}) => inboxWorkflow({ inbox: 'infobipMessenger', ...parameters }, { typeVersion: 2, staticData: true });
	const errorLines = (logs: PollLogLine[]) => logs.filter((line) => line.level === 'error');

	async function enqueue(count: number): Promise<string[]> {
		expect((await admin.enqueuePull({ count, from: sandbox.config.users[0].psid })).status).toBe(200);
		return Array.from({ length: count }, (_, n) => `message ${n + 1}`);
	}

	it('a pull reset after Infobip served it says the page may be lost and logs how many; the next poll finds those gone', async () => {
		await enqueue(5);
		sandbox.addFault({ routeId: PULL_ROUTE, reset: true, afterRoute: true, times: 1 });
		const logs: PollLogLine[] = [];
		const tick = await runPoll(v2({ pullLimit: 200 }), NODE, { credentials: credentials(), logs });
		expect(tick.items).toBeNull();
		expect(tick.error?.message).toMatch(/inbox pull was cut off after it was sent/);
		expect((tick.error as Error & { description?: string }).description).toMatch(/up to 200 messages/);
		expect(errorLines(logs)).toEqual([expect.objectContaining({ message: expect.stringMatching(/up to 200 messages may be lost/) })]);
		expect(await admin.pending()).toBe(0);
		expect((await runPoll(v2(), NODE, { credentials: credentials() })).items).toBeNull();
	});

	it('stops pulling before n8n\'s poll budget runs out, keeping everything it pulled; the next poll takes the rest, each message once', async () => {
		const texts = await enqueue(300);
		sandbox.addFault({ routeId: PULL_ROUTE, latencyMs: 150 });
		const first = await runPoll(v2({ pullLimit: 10 }), NODE, { credentials: credentials(), pollBudgetMs: 2000 });
		expect(first.error).toBeUndefined();
		const got = first.items?.length ?? 0;
		expect(got).toBeGreaterThan(0);
		expect(got).toBeLessThan(300);
		expect(await admin.pending()).toBe(300 - got);
		sandbox.clearFaults();
		const rest = await runPoll(v2(), NODE, { credentials: credentials() });
		expect([...(first.items ?? []), ...(rest.items ?? [])].map((item) => item.json.text)).toEqual(texts);
	}, 30_000);

	it('a 200 that is no inbox page is no item: the poll fails and the answer is logged at error level', async () => {
		const texts = await enqueue(3);
		sandbox.addFault({ routeId: PULL_ROUTE, malformed: true, times: 1 });
		const logs: PollLogLine[] = [];
		const tick = await runPoll(v2(), NODE, { credentials: credentials(), logs });
		expect(tick.items).toBeNull();
		expect(tick.error?.message).toMatch(/not an inbox page/);
		expect(errorLines(logs)).toHaveLength(1);
		expect(JSON.stringify([logs, tick.error])).not.toContain(sandbox.config.infobip.apiKey);
		// This sandbox answer replaced the route, so the messages still wait.
		expect((await runPoll(v2(), NODE, { credentials: credentials() })).items?.map((item) => item.json.text)).toEqual(texts);
	});
});
