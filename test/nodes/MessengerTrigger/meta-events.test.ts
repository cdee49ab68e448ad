// Every Meta event a workflow can act on in 2026, from the sandbox's simulated user through the
// Messenger Trigger in n8n-core: one item each, normalized, and (checkbox opt-in) answered by the
// send node with the item's userRef.
import type { UserAction } from '../../../sandbox';
import type { WebhookServer } from '../../harness/run-webhook';
import { startWebhookServer } from '../../harness/run-webhook';
import { CREDENTIAL_TYPES, sandboxCredentials } from '../Messenger/helpers';
import { pageCredential, replyAfterTrigger, triggerWorkflow } from './helpers';
import { useSandbox } from '../../support/sandbox';

const ALL = ['text', 'attachment', 'quick_reply', 'postback', 'echo', 'read', 'delivery', 'optin', 'referral', 'reaction', 'edit', 'feed', 'standby'];

describe('Messenger Trigger with Meta: the events documented in 2026, through n8n-core and the sandbox', () => {
	const sandbox = useSandbox();
	let server: WebhookServer | undefined;

	beforeEach(() => sandbox.reset());
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});

	const alice = () => sandbox.config.users[0].psid;

	async function start(events: string[] = ALL, more: Parameters<typeof triggerWorkflow>[1] = {}) {
		const credentials = { ...pageCredential(sandbox.url, sandbox.config.meta), [CREDENTIAL_TYPES.meta]: sandboxCredentials(sandbox, 'meta') };
		server = await startWebhookServer(triggerWorkflow({ provider: 'meta', events }, more), { credentials });
		await server.activate();
		return server;
	}

	async function one(action: Omit<UserAction, 'via' | 'from'>, events: string[] = ALL) {
		const trigger = await start(events);
		const { delivery } = await sandbox.user({ via: 'meta', from: alice(), ...action });
		expect(delivery?.status).toBe(200);
		expect(trigger.runs).toHaveLength(1);
		expect(trigger.runs[0].items).toHaveLength(1);
		return trigger.runs[0].items[0].json as Record<string, unknown>;
	}

	it('subscribes message_edits and standby when those events are chosen', async () => {
		await start(['edit', 'standby']);
		const subscribe = sandbox.log.find((entry) => entry.routeId === 'meta.subscribed_apps' && entry.method === 'POST');
		expect(subscribe?.query.subscribed_fields).toBe('message_edits,standby');
	});

	it('checkbox-plugin opt-in: userRef, ref, no senderId', async () => {
		const item = await one({ kind: 'optin', payload: 'cart-42' });
		expect(item).toMatchObject({ eventType: 'optin', senderId: null, userRef: alice(), standby: false });
		expect(item.optin).toEqual({ type: null, ref: 'cart-42', payload: null, notificationToken: null, tokenExpiresAt: null });
	});

	it.each([
		['react', { kind: 'reaction', text: '👍' }, { action: 'react', emoji: '👍', reaction: 'like' }],
		['unreact', { kind: 'reaction', variant: 'unreact' }, { action: 'unreact', emoji: null, reaction: null }],
	] as const)('reaction (%s): action, emoji, reacted-to message', async (_name, action, expected) => {
		const item = await one(action);
		expect(item).toMatchObject({ eventType: 'reaction' });
		expect(item.reaction).toEqual({ ...expected, messageId: item.messageId });
		expect(typeof item.messageId).toBe('string');
	});

	it('message edit: edited message id, new text, edit count', async () => {
		const item = await one({ kind: 'edit', text: 'fixed typo', payload: 'm_original' });
		expect(item).toMatchObject({ eventType: 'edit', messageId: 'm_original', text: 'fixed typo', editCount: 1, senderId: alice() });
	});

	it('standby: the event with its sender and content, flagged; only when Standby is chosen', async () => {
		const item = await one({ kind: 'text', text: 'for the agent', standby: true });
		expect(item).toMatchObject({ eventType: 'text', standby: true, senderId: alice(), text: 'for the agent' });
		// Deactivated, not just closed: Meta keeps one callback per app, and the next trigger must find it free.
		await server?.deactivate();
		await server?.close();
		const textOnly = await start(['text']);
		const { delivery } = await sandbox.user({ via: 'meta', from: alice(), kind: 'text', text: 'not mine', standby: true });
		expect(delivery?.status).toBe(200);
		expect(textOnly.runs).toHaveLength(0);
	});

	it.each([
		['shortlink', 'referral', { ref: 'promo', source: 'SHORTLINK', type: 'OPEN_THREAD', adId: null }],
		['ads', 'referral', { ref: 'promo', source: 'ADS', type: 'OPEN_THREAD', adId: '6045246247433' }],
		['postback', 'postback', { ref: 'promo', source: 'SHORTLINK', type: 'OPEN_THREAD', adId: null }],
	] as const)('referral (%s): ref, source, type, ad id', async (variant, eventType, referral) => {
		const item = await one({ kind: 'referral', payload: 'promo', variant });
		expect(item).toMatchObject({ eventType });
		expect(item.referral).toEqual(referral);
	});

	it.each([
		['sticker', { type: 'sticker', url: 'https://cdn.example/s.png', stickerId: '369239263222822', coordinates: null }],
		['reel', { type: 'reel', url: 'https://cdn.example/s.png', name: 'Shared reel' }],
		['ig_post', { type: 'ig_post', url: 'https://cdn.example/s.png', name: 'Shared ig_post' }],
		['appointment_booking', { type: 'appointment_booking', url: 'https://cdn.example/s.png' }],
		['fallback', { type: 'fallback', url: null, name: null }],
		['location', { type: 'location', url: null, coordinates: { lat: 52.3676, long: 4.9041 } }],
	] as const)('attachment %s: typed as Meta types it, no URL invented', async (attachmentType, expected) => {
		const item = await one({ kind: 'attachment', attachmentType, url: 'https://cdn.example/s.png' });
		expect(item.eventType).toBe('attachment');
		const attachments = item.attachments as Array<Record<string, unknown>>;
		expect(attachments).toHaveLength(1);
		expect(attachments[0]).toMatchObject(expected);
	});

	it('a checkbox opt-in is answered by the send node with recipient type User Ref and {{$json.userRef}}', async () => {
		const trigger = await start(
			['optin'],
			replyAfterTrigger({ provider: 'meta', operation: 'text', recipientType: 'userRef', recipient: '={{ $json.userRef }}', text: 'Thanks for opting in' }),
		);
		await sandbox.user({ via: 'meta', from: 'checkbox-user-ref-1', kind: 'optin', payload: 'cart' });
		expect(trigger.runs).toHaveLength(1);
		const run = await trigger.runs[0].result;
		expect(run.nodeError('Reply')).toBeUndefined();
		const send = sandbox.log.find((entry) => entry.routeId === 'meta.messages');
		expect(send?.body).toMatchObject({ recipient: { user_ref: 'checkbox-user-ref-1' }, message: { text: 'Thanks for opting in' } });
	});
});
