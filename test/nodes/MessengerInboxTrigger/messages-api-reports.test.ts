// The Inbox Trigger version 2 pulling delivery reports (Pull: Delivery Reports) from the sandbox's
// GET /messenger/1/reports, through n8n-core over real HTTP: each report of a message the page sent
// becomes one status report item, once; the choice is offered only for an inbox that has reports.
import { runPoll } from '../../harness/run-poll';
import { messengerApiAdmin } from '../../support/infobip-messenger';
import { useSandbox } from '../../support/sandbox';
import { inboxCredentials, inboxWorkflow, NODE } from './helpers';

const REPORTS_ROUTE = 'infobip-messenger.reports';

describe('Messenger Inbox Trigger v2: delivery reports by pull', () => {
	const sandbox = useSandbox();
	const admin = messengerApiAdmin(sandbox);

	beforeEach(() => sandbox.reset());

	const reportsWorkflow = (parameters: Record<string, unknown> = {}) =>
		inboxWorkflow({ inbox: 'infobipMessenger', pull: 'reports', ...parameters }, { typeVersion: 2 });
	const poll = (parameters: Record<string, unknown> = {}) => runPoll(reportsWorkflow(parameters), NODE, { credentials: inboxCredentials(sandbox, sandbox.url) });

	it('emits one status report per message the page sent, then nothing: each report is handed out once', async () => {
		const alice = sandbox.config.users[0].psid;
		const sent: string[] = [];
		for (const text of ['one', 'two', 'three']) {
			const answer = await admin.sendText(alice, text);
			expect(answer.status).toBe(200);
			sent.push(answer.body.messages[0].messageId);
		}
		const first = await poll();
		expect(first.error).toBeUndefined();
		const items = (first.items ?? []).map((item) => item.json);
		expect(items.map((item) => item.messageId).sort()).toEqual([...sent].sort());
		for (const item of items) {
			expect(item).toMatchObject({ provider: 'infobipMessenger', eventType: 'status_report', senderId: alice, pageId: sandbox.config.infobip.messengerApi.pageIds[0] });
			expect(['accepted', 'delivered']).toContain(item.status);
		}
		const pulls = sandbox.log.filter((entry) => entry.routeId === REPORTS_ROUTE);
		expect(pulls.map((entry) => entry.query.limit)).toEqual(['1000']);

		const second = await poll();
		expect(second.items ?? []).toEqual([]);
	});

	it('drains more reports than one pull takes, each once', async () => {
		const alice = sandbox.config.users[0].psid;
		for (let i = 0; i < 7; i++) expect((await admin.sendText(alice, `m${i}`)).status).toBe(200);
		const outcome = await poll({ pullLimit: 3 });
		expect(new Set((outcome.items ?? []).map((item) => item.json.messageId)).size).toBe(7);
		expect((outcome.items ?? []).length).toBe(7);
		// No pending count in the answer: full pages are followed by one more pull.
		expect(sandbox.log.filter((entry) => entry.routeId === REPORTS_ROUTE).map((entry) => entry.query.limit)).toEqual(['3', '3', '3']);
	});

	it('a failed pull names what it was pulling', async () => {
		sandbox.addFault({ routeId: REPORTS_ROUTE, status: 500, times: 1 });
		const outcome = await poll();
		expect(outcome.error?.message).toMatch(/pulling the delivery reports failed \(HTTP 500\)/);
	});

	it('incoming messages stay the default: Pull unset pulls the Messages API inbox', async () => {
		await runPoll(inboxWorkflow({ inbox: 'infobipMessenger' }, { typeVersion: 2 }), NODE, { credentials: inboxCredentials(sandbox, sandbox.url) });
		expect(sandbox.log.map((entry) => entry.routeId)).toEqual(['infobip-messenger.inbound-pull']);
	});
});
