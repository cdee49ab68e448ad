// Limits on what one delivery may carry, checked before anything runs: the number of events (Meta
// batches at most 1000, Infobip pages at most 1000) and the nesting depth of the JSON.
import fc from 'fast-check';

import { jsonDepthExceeds } from '../../../nodes/MessengerTrigger/delivery-limits';
import { signMetaBody } from '../../../sandbox';
import type { WebhookServer } from '../../harness/run-webhook';
import { startWebhookServer } from '../../harness/run-webhook';
import { cmBody, infobipBody, infobipResult, metaBody, metaEvent } from '../shared/inbound-fixtures';
import { pageCredential, post, triggerWorkflow } from './helpers';
import { useWebhookServers } from '../../support/webhook-servers';

const APP_SECRET = 'limits-app-secret';
const SECRET = 'limits-path-secret-5d1c';
const META = { pageId: '104857600000001', pageAccessToken: 'token', appId: '1', appSecret: APP_SECRET } as Parameters<typeof pageCredential>[1];

describe('Messenger Trigger: events and nesting per delivery', () => {
	const servers = useWebhookServers();

	async function trigger(parameters: Record<string, unknown>) {
		const workflow = triggerWorkflow({ events: ['text', 'status_report'], registerWebhook: false, ...parameters }, {}, 3);
		const server = await startWebhookServer(workflow, { credentials: pageCredential('http://127.0.0.1:9', META) });
		servers.push(server);
		await server.activate();
		return server;
	}

	const forward = (server: WebhookServer, body: unknown) => post(server.url().replace(':secret', SECRET), JSON.stringify(body));
	const signedPost = (server: WebhookServer, body: unknown) => {
		const raw = JSON.stringify(body);
		return post(server.url(), raw, { 'x-hub-signature-256': signMetaBody(raw, APP_SECRET) });
	};

	it('Infobip: 1000 results start one run of 1000 items; 1001 are refused with 413 and start nothing', async () => {
		const server = await trigger({ provider: 'infobip', secret: SECRET });
		const results = (count: number) => Array.from({ length: count }, (_, n) => infobipResult('text', n));
		expect((await forward(server, infobipBody(results(1000)))).status).toBe(200);
		const refused = await forward(server, infobipBody(results(1001)));
		expect(refused).toMatchObject({ status: 413, body: 'Too many events in one delivery: 1001 (at most 1000)' });
		expect(server.runs).toHaveLength(1);
		expect(server.runs[0].items).toHaveLength(1000);
	});

	it('Meta: counts the events of every entry, and refuses a batch above the cap even when the events are not selected', async () => {
		const server = await trigger({ provider: 'meta' });
		const events = (from: number, count: number) => Array.from({ length: count }, (_, n) => metaEvent('read', from + n));
		expect((await signedPost(server, metaBody(events(0, 600), events(600, 401)))).status).toBe(413);
		expect((await signedPost(server, metaBody(events(0, 600), events(600, 400)))).status).toBe(200);
		expect(server.runs).toHaveLength(0);
	});

	it('CM.com: a status report body with more reports than the cap is refused', async () => {
		const server = await trigger({ provider: 'cm', secret: SECRET });
		const report = (cmBody('status_report') as { messages: { msg: unknown } }).messages.msg;
		expect((await forward(server, { messages: { msg: Array.from({ length: 1001 }, () => report) } })).status).toBe(413);
		expect(server.runs).toHaveLength(0);
	});

	it('takes a lower cap from the options', async () => {
		const server = await trigger({ provider: 'infobip', secret: SECRET, options: { maxEvents: 2 } });
		const refused = await forward(server, infobipBody([0, 1, 2].map((n) => infobipResult('text', n))));
		expect(refused).toMatchObject({ status: 413, body: 'Too many events in one delivery: 3 (at most 2)' });
		expect(server.runs).toHaveLength(0);
	});

	it('refuses JSON nested deeper than the limit with 400 before parsing it into events', async () => {
		const server = await trigger({ provider: 'meta' });
		// Built as text: JSON.stringify itself recurses, and gives up long before JSON.parse does.
		const deepBody = (depth: number) => {
			const event = { ...metaEvent('text', 1), message: { mid: `m_deep_${depth}`, text: 'deep', metadata: 'DEEP' } };
			return JSON.stringify(metaBody([event])).replace('"DEEP"', `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`);
		};
		const signedRaw = (raw: string) => post(server.url(), raw, { 'x-hub-signature-256': signMetaBody(raw, APP_SECRET) });
		const refused = await signedRaw(deepBody(5000));
		expect(refused).toMatchObject({ status: 400, body: 'JSON nested too deeply (at most 64 levels)' });
		expect(server.runs).toHaveLength(0);
		// A body Meta could send (a handful of levels, plus some room) passes.
		expect((await signedRaw(deepBody(50))).status).toBe(200);
		expect(server.runs).toHaveLength(1);
	});
});

describe('jsonDepthExceeds', () => {
	const exceeds = (text: string, max: number) => jsonDepthExceeds(Buffer.from(text), max);

	it('counts object and array levels', () => {
		expect(exceeds('{"a":[{"b":[]}]}', 4)).toBe(false);
		expect(exceeds('{"a":[{"b":[]}]}', 3)).toBe(true);
		expect(exceeds('[[[]],[[]]]', 3)).toBe(false);
	});

	it('ignores brackets inside strings, escaped quotes included', () => {
		expect(exceeds('{"a":"[[[[{{{{"}', 1)).toBe(false);
		expect(exceeds('{"a":"x\\"[[[[","b":"\\\\"}', 1)).toBe(false);
		expect(exceeds('{"a":"\\\\",  "b":[[1]]}', 2)).toBe(true);
	});

	it('agrees with the real depth of parsed JSON (property)', () => {
		const depthOf = (value: unknown): number =>
			value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, max) => {
				const text = JSON.stringify(value);
				return exceeds(text, max) === depthOf(JSON.parse(text)) > max;
			}),
			{ numRuns: 300 },
		);
	});
});
