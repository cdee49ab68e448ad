// Meta delivers at least once: when an answer is slow it sends the same body again. The trigger
// remembers the events it started runs for (by message id, watermark or another stable key) and drops
// them when they come again, answering 200 so the provider stops.
import { signMetaBody } from '../../../sandbox';
import { useLogCapture } from '../../harness/log-capture';
import type { WebhookServer } from '../../harness/run-webhook';
import { startWebhookServer } from '../../harness/run-webhook';
import type { WorkflowJson } from '../../harness/run-workflow';
import { cmBody, infobipBody, infobipResult, metaBody, metaEvent } from '../shared/inbound-fixtures';
import { pageCredential, post, triggerWorkflow } from './helpers';
import { useSandbox } from '../../support/sandbox';
import { useWebhookServers } from '../../support/webhook-servers';

const SECRET = 'redelivery-secret-77ad';
const ALL = ['text', 'attachment', 'quick_reply', 'postback', 'echo', 'read', 'delivery', 'reaction', 'feed', 'status_report'];

describe('Messenger Trigger: redelivered events start no new run', () => {
	const sandbox = useSandbox();
	const logs = useLogCapture();
	const servers = useWebhookServers();

	beforeEach(() => sandbox.reset());

	async function serve(workflow: WorkflowJson) {
		const server = await startWebhookServer(workflow, { credentials: pageCredential(sandbox.url, sandbox.config.meta) });
		servers.push(server);
		await server.activate();
		return server;
	}

	const metaTrigger = (parameters: Record<string, unknown> = {}) =>
		serve(triggerWorkflow({ provider: 'meta', registerWebhook: false, events: ALL, ...parameters }, {}, 3));

	const signed = (server: WebhookServer, body: unknown) => {
		const raw = JSON.stringify(body);
		return post(server.url(), raw, { 'x-hub-signature-256': signMetaBody(raw, sandbox.config.meta.appSecret) });
	};
	const messageIds = (server: WebhookServer, run: number) => server.runs[run].items.map((item) => item.json.messageId);
	const redeliveryLines = () => logs.matching('info', 'redelivered');

	it('the same signed body twice: the second is acknowledged with 200 and starts nothing', async () => {
		const server = await metaTrigger();
		sandbox.config.meta.webhookUrl = server.url();
		const { body, delivery } = await sandbox.user({ via: 'meta', from: sandbox.config.users[0].psid, kind: 'text', text: 'once' });
		expect(delivery?.status).toBe(200);
		// Meta's retry: the same bytes, the same signature.
		expect(await signed(server, body)).toMatchObject({ status: 200, body: 'EVENT_RECEIVED' });
		expect(server.runs).toHaveLength(1);
		expect(redeliveryLines()).toHaveLength(1);
		expect(redeliveryLines()[0].metadata).toMatchObject({ dropped: 1, received: 1 });
	});

	it('a batch that repeats some events runs with the new ones only, and logs one line for the delivery', async () => {
		const server = await metaTrigger();
		expect((await signed(server, metaBody([metaEvent('text', 1), metaEvent('text', 2)]))).status).toBe(200);
		expect((await signed(server, metaBody([metaEvent('text', 2), metaEvent('text', 3)], [metaEvent('text', 1)]))).status).toBe(200);
		expect(server.runs).toHaveLength(2);
		expect(messageIds(server, 1)).toEqual(['m_3']);
		expect(redeliveryLines()).toHaveLength(1);
		expect(redeliveryLines()[0].metadata).toMatchObject({ dropped: 2, received: 3 });
	});

	it.each([
		['read', (watermark: number) => ({ sender: { id: 'u1' }, recipient: { id: 'p1' }, timestamp: watermark + 5, read: { watermark } })],
		['delivery', (watermark: number) => ({ sender: { id: 'u1' }, recipient: { id: 'p1' }, timestamp: watermark + 5, delivery: { mids: [], watermark } })],
	])('%s events are told apart by their watermark', async (_kind, event) => {
		const server = await metaTrigger();
		await signed(server, metaBody([event(1000)]));
		await signed(server, metaBody([event(1000)]));
		await signed(server, metaBody([event(2000)]));
		expect(server.runs).toHaveLength(2);
	});

	it('tells apart events that share a message id but are not the same event (a reaction to a message, a postback)', async () => {
		const server = await metaTrigger();
		const message = metaEvent('text', 7);
		const reaction = metaEvent('reaction', 7);
		const unreact = { ...reaction, timestamp: (reaction.timestamp as number) + 10, reaction: { mid: 'm_7', action: 'unreact', emoji: '\u2764' } };
		await signed(server, metaBody([message]));
		await signed(server, metaBody([reaction]));
		await signed(server, metaBody([unreact]));
		await signed(server, metaBody([reaction, unreact]));
		expect(server.runs.map((run) => run.items.map((item) => item.json.eventType))).toEqual([['text'], ['reaction'], ['reaction']]);
	});

	it('keeps triggers apart: the same event reaches two workflows once each', async () => {
		const first = await metaTrigger();
		const second = await metaTrigger();
		const body = metaBody([metaEvent('text', 1)]);
		for (const server of [first, second, first, second]) expect((await signed(server, body)).status).toBe(200);
		expect([first.runs.length, second.runs.length]).toEqual([1, 1]);
	});

	it('can be turned off', async () => {
		const server = await metaTrigger({ options: { dropRedeliveries: false } });
		const body = metaBody([metaEvent('text', 1)]);
		await signed(server, body);
		await signed(server, body);
		expect(server.runs).toHaveLength(2);
		expect(redeliveryLines()).toHaveLength(0);
	});

	it('Infobip: results with the same messageId run once', async () => {
		const server = await serve(triggerWorkflow({ provider: 'infobip', secret: SECRET, events: ALL }, {}, 3));
		const url = server.url().replace(':secret', SECRET);
		expect((await post(url, JSON.stringify(infobipBody([infobipResult('text', 1)])))).status).toBe(200);
		expect((await post(url, JSON.stringify(infobipBody([infobipResult('text', 1), infobipResult('text', 2)])))).status).toBe(200);
		expect(server.runs.map((run) => run.items.map((item) => item.json.messageId))).toEqual([['ib-1'], ['ib-2']]);
	});

	it('CM.com: a status report sent twice runs once; MO messages carry no id of their own and always run', async () => {
		const server = await serve(triggerWorkflow({ provider: 'cm', secret: SECRET, events: ALL }, {}, 3));
		const url = server.url().replace(':secret', SECRET);
		for (let n = 0; n < 2; n++) expect((await post(url, JSON.stringify(cmBody('status_report')))).status).toBe(200);
		for (let n = 0; n < 2; n++) expect((await post(url, JSON.stringify(cmBody('text')))).status).toBe(200);
		expect(server.runs.map((run) => run.items[0].json.eventType)).toEqual(['status_report', 'text', 'text']);
	});
});
