// One Meta app, many pages, one trigger (Meta delivers every page of an app to its one callback URL,
// entry[].id naming the page): through n8n-core against the sandbox. The trigger's Pages option keeps
// only the listed pages' events (the others are acknowledged and start nothing); a system-user
// credential subscribes the listed pages on activation, each with its own token; and one workflow,
// Trigger → Messenger answering {{ $json.senderId }} from {{ $json.pageId }}, replies from the right page.
import type { INodeParameters } from 'n8n-workflow';

import { senderTokenCache } from '../../../nodes/shared/sender-auth';
import { handleDelivery, type TriggerSettings } from '../../../nodes/MessengerTrigger/webhook';
import { useLogCapture } from '../../harness/log-capture';
import { startWebhookServer, type WebhookServer } from '../../harness/run-webhook';
import { CREDENTIAL_TYPES, systemUserCredentials } from '../../support/credentials';
import { pageStates, revokePage } from '../../support/meta-pages';
import { useSandbox } from '../../support/sandbox';
import { useWebhookServers } from '../../support/webhook-servers';
import { replyAfterTrigger, triggerWorkflow, VERIFY_TOKEN } from './helpers';

describe('Messenger Trigger: one Meta app, many pages', () => {
	const sandbox = useSandbox();
	const servers = useWebhookServers();
	const logs = useLogCapture();
	let first: string;
	let shop: string;
	let alice: string;

	beforeAll(() => {
		first = sandbox.config.meta.pageId;
		shop = sandbox.config.meta.additionalPages?.[0]?.id ?? '';
		alice = sandbox.config.users[0].psid;
	});
	beforeEach(() => {
		sandbox.reset();
		senderTokenCache.clear();
	});

	/** Trigger (system-user credential) → Reply from {{ $json.pageId }} to {{ $json.senderId }}. */
	async function serve(triggerOptions: INodeParameters = {}): Promise<WebhookServer> {
		const workflow = triggerWorkflow(
			{ provider: 'meta', events: ['text'], options: triggerOptions },
			replyAfterTrigger({
				provider: 'meta',
				operation: 'text',
				recipient: '={{ $json.senderId }}',
				text: '=You wrote to {{ $json.pageId }}: {{ $json.text }}',
				options: { sender: '={{ $json.pageId }}' },
			}),
			3,
		);
		const server = await startWebhookServer(workflow, {
			credentials: { [CREDENTIAL_TYPES.meta]: systemUserCredentials(sandbox, { verifyToken: VERIFY_TOKEN }) },
		});
		servers.push(server);
		await server.activate();
		return server;
	}

	async function subscribedFields(): Promise<Record<string, string[] | null>> {
		return Object.fromEntries((await pageStates(sandbox)).map((page) => [page.id, page.subscribedFields]));
	}

	it('one workflow answers each page from that page, with that page\'s token', async () => {
		const trigger = await serve({ pageIds: `${first},${shop}` });
		const fields = await subscribedFields();
		expect(fields[first]).toContain('messages');
		expect(fields[shop]).toContain('messages');

		await sandbox.user({ via: 'meta', from: alice, kind: 'text', text: 'hello shop', page: shop });
		await sandbox.user({ via: 'meta', from: alice, kind: 'text', text: 'hello page', page: first });
		expect(trigger.runs).toHaveLength(2);
		expect(trigger.runs.map((run) => run.items[0].json.pageId)).toEqual([shop, first]);
		for (const run of trigger.runs) expect((await run.result).nodeError('Reply')).toBeUndefined();

		expect(sandbox.delivered.map((message) => [message.pageId, message.recipient, JSON.stringify(message.message)])).toEqual([
			[shop, alice, JSON.stringify({ text: `You wrote to ${shop}: hello shop` })],
			[first, alice, JSON.stringify({ text: `You wrote to ${first}: hello page` })],
		]);
		const tokens: Record<string, string> = { [first]: sandbox.config.meta.pageAccessToken, [shop]: sandbox.config.meta.additionalPages?.[0]?.accessToken ?? '' };
		const sends = sandbox.log.filter((entry) => entry.routeId === 'meta.messages');
		expect(sends.map((entry) => [entry.path, entry.headers.authorization])).toEqual([
			[`/v25.0/${shop}/messages`, `Bearer ${tokens[shop]}`],
			[`/v25.0/${first}/messages`, `Bearer ${tokens[first]}`],
		]);
		const logged = JSON.stringify(logs.lines);
		for (const token of Object.values(tokens)) expect(logged).not.toContain(token);
	});

	it('Pages keeps only the listed pages\' events: another page\'s event is acknowledged (200) and starts nothing', async () => {
		const trigger = await serve({ pageIds: shop });
		const ignored = await sandbox.user({ via: 'meta', from: alice, kind: 'text', text: 'to the first page', page: first });
		expect(ignored.delivery?.status).toBe(200);
		expect(trigger.runs).toHaveLength(0);
		await sandbox.user({ via: 'meta', from: alice, kind: 'text', text: 'to the shop', page: shop });
		expect(trigger.runs).toHaveLength(1);
		expect(trigger.runs[0].items[0].json).toMatchObject({ pageId: shop, text: 'to the shop' });
	});

	it('with a system-user credential and no Pages, only the credential\'s page is subscribed on activation, and every page\'s events run', async () => {
		const trigger = await serve();
		const fields = await subscribedFields();
		expect(fields[first]).toContain('messages');
		expect(fields[shop]).toBeNull();
		await sandbox.user({ via: 'meta', from: alice, kind: 'text', text: 'shop', page: shop });
		expect(trigger.runs).toHaveLength(1);
	});

	it('deactivation unsubscribes the listed pages', async () => {
		const trigger = await serve({ pageIds: `${first},${shop}` });
		await trigger.deactivate();
		const fields = await subscribedFields();
		expect(fields[first]).toBeNull();
		expect(fields[shop]).toBeNull();
	});

	async function callbackUrls(): Promise<string[]> {
		const { appId, appSecret } = sandbox.config.meta;
		const answer = await fetch(`${sandbox.url}/v25.0/${appId}/subscriptions`, { headers: { authorization: `Bearer ${appId}|${appSecret}` } });
		const { data } = (await answer.json()) as { data: Array<{ callback_url: string }> };
		return data.map((subscription) => subscription.callback_url);
	}

	async function revoke(pageId: string): Promise<void> {
		expect(await revokePage(sandbox, pageId)).toBe(200);
	}

	// A page the system user lost cannot be unsubscribed any more; once the app's callback is gone it
	// receives nothing anyway. Throwing would stop n8n's clean-up and leave the callback and the other pages.
	it('deactivation goes on past a page it can no longer act for: the other pages and the callback are removed, the page named in a warning', async () => {
		const trigger = await serve({ pageIds: `${shop},${first}` });
		expect(await callbackUrls()).toEqual([trigger.url()]);
		await revoke(shop);
		await expect(trigger.deactivate()).resolves.toBeUndefined();
		const fields = await subscribedFields();
		expect(fields[first]).toBeNull();
		expect(await callbackUrls()).toEqual([]);
		const warnings = logs.matching('warn', `page ${shop}`);
		expect(warnings).toHaveLength(1);
		const logged = JSON.stringify(logs.lines);
		for (const token of [sandbox.config.meta.systemUser?.accessToken ?? '', sandbox.config.meta.additionalPages?.[0]?.accessToken ?? '']) {
			expect(logged).not.toContain(token);
		}
	});

	it('an activation that fails on one page cleans up after itself: no page left subscribed, no callback left', async () => {
		await revoke(shop);
		await expect(serve({ pageIds: `${first},${shop}` })).rejects.toThrow(`page ${shop}`);
		const server = servers[servers.length - 1];
		expect(server.cleanupErrors).toEqual([]);
		expect((await subscribedFields())[first]).toBeNull();
		expect(await callbackUrls()).toEqual([]);
	});

	it('a Pages entry that is not a page ID fails activation naming the option', async () => {
		await expect(serve({ pageIds: `${first}, shop` })).rejects.toThrow('Options > Pages must be a Facebook ID, digits only; got "shop"');
	});

	// Without the check each of Meta's deliveries would be answered 500, retried, and in the end the
	// app's webhook disabled by Meta.
	it('a Pages entry that is not a page ID fails activation also when the trigger does not register itself', async () => {
		const workflow = triggerWorkflow({ provider: 'meta', registerWebhook: false, events: ['text'], options: { pageIds: `${first}, shop` } }, {}, 3);
		const server = await startWebhookServer(workflow, { credentials: { [CREDENTIAL_TYPES.meta]: systemUserCredentials(sandbox, { verifyToken: VERIFY_TOKEN }) } });
		servers.push(server);
		await expect(server.activate()).rejects.toThrow('Options > Pages must be a Facebook ID, digits only; got "shop"');
		expect(sandbox.log).toHaveLength(0);
	});

	it('a Pages option listing more pages than the limit fails activation with the limit', async () => {
		const many = Array.from({ length: 1001 }, (_, index) => String(100000000001000 + index)).join(',');
		await expect(serve({ pageIds: many })).rejects.toThrow('Options > Pages lists 1001 page IDs; at most 1000 are allowed');
	});
});

describe('handleDelivery: the page filter', () => {
	const body = (pageId: string) =>
		Buffer.from(JSON.stringify({ object: 'page', entry: [{ id: pageId, time: 1, messaging: [{ sender: { id: '7' }, recipient: { id: pageId }, timestamp: 1, message: { mid: `m-${pageId}`, text: 'x' } }] }] }));
	const settings = (pages?: string[]): TriggerSettings => ({
		format: 'meta',
		events: new Set(['text']),
		maxBodyBytes: 1 << 20,
		unsignedAllowed: true,
		auth: { kind: 'none' },
		pages: pages && new Set(pages),
	});

	// One delivery of Meta's may batch the entries of several pages of the app.
	it('keeps exactly the listed pages\' events of a delivery that mixes pages', () => {
		const event = (pageId: string, mid: string) => ({ sender: { id: '7' }, recipient: { id: pageId }, timestamp: 1, message: { mid, text: mid } });
		const batch = {
			object: 'page',
			entry: [
				{ id: '1', time: 1, messaging: [event('1', 'a1'), event('1', 'a2')] },
				{ id: '2', time: 1, messaging: [event('2', 'b1')] },
				{ id: '3', time: 1, messaging: [event('3', 'c1')] },
				{ id: '1', time: 2, messaging: [event('1', 'a3')] },
			],
		};
		const outcome = handleDelivery({ headers: {}, rawBody: Buffer.from(JSON.stringify(batch)), query: {}, params: {} }, settings(['1', '3']));
		expect(outcome.kind).toBe('emit');
		const events = outcome.kind === 'emit' ? outcome.events : [];
		expect(events.map((kept) => [kept.pageId, kept.messageId])).toEqual([
			['1', 'a1'],
			['1', 'a2'],
			['3', 'c1'],
			['1', 'a3'],
		]);
	});

	it.each([
		[undefined, '1', 'emit'],
		[[], '1', 'emit'],
		[['1'], '1', 'emit'],
		[['2'], '1', 'ignore'],
		[['2', '1'], '1', 'emit'],
	])('pages %j, event of page %s: %s', (pages, pageId, kind) => {
		expect(handleDelivery({ headers: {}, rawBody: body(pageId), query: {}, params: {} }, settings(pages as string[] | undefined)).kind).toBe(kind);
	});
});
