// Meta's newer inbound events in a real n8n: a checkbox-plugin opt-in (answered by User Ref), a
// reaction, a message edit and standby (handover) events, each delivered by the sandbox as Meta sends
// it, signed `X-Hub-Signature-256: sha256=HMAC(app secret, body)` (webhooks page, "Validate
// payloads"), in the shapes of Meta's webhook event reference pages under
// developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/:
// messaging_optins (no `sender`, the person is `optin.user_ref`), message-reactions
// (`reaction: {reaction, emoji, action, mid}`), message-edits (`message_edit: {mid, text, num_edit}`)
// and standby (`entry[].standby[]`, one element per event, while another app holds the thread).
//
// Meta allows one callback URL per app, and every e2e file shares the sandbox's one app: this file's
// two workflows are active one at a time, each only after the app's callback is free
// (support/meta-app.ts), and each hands it back in its afterAll. Files run one by one (maxWorkers 1)
// and every other file deactivates its Meta workflow before it ends.
import { SANDBOX_DEFAULTS, type UserAction } from '../../sandbox';
import type { N8nExecution } from '../../scripts/lib/n8n-api';
import { e2eContext, executionErrors, nodeOutput, sleep } from './support/context';
import { activateMetaWorkflow, deactivateMetaWorkflow, metaAppReleased, pageSubscribedFields } from './support/meta-app';
import { chain, sendNode, triggerNode } from './support/workflows';

const ctx = e2eContext();
const PSID = '7100000000000031';
/** The checkbox plugin's user_ref: the page knows no PSID for this person yet. */
const USER_REF = 'e2e-checkbox-user-ref-31';
const ANSWER = 'Answer opt-in';

interface MetaWebhookBody {
	entry: Array<{ messaging?: Array<Record<string, unknown>>; standby?: Array<Record<string, unknown>> }>;
}

/** An If node (n8n 2.x, version 2.2) whose first output gets the items with `eventType` equal to `eventType`. */
function onlyEventType(eventType: string) {
	return {
		name: `Is ${eventType}?`,
		type: 'n8n-nodes-base.if',
		typeVersion: 2.2,
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
				conditions: [{ id: 'event-type', leftValue: '={{ $json.eventType }}', rightValue: eventType, operator: { type: 'string', operation: 'equals' } }],
				combinator: 'and',
			},
			options: {},
		},
	};
}

/** The trigger's one item of an execution, after checking the run succeeded. */
function triggerItem(execution: N8nExecution): Record<string, unknown> {
	expect({ status: execution.status, errors: executionErrors(execution) }).toEqual({ status: 'success', errors: 'none' });
	const items = nodeOutput(execution, 'Messenger Trigger');
	expect(items).toHaveLength(1);
	return items[0];
}

/**
 * Has the sandbox's user do `action` via Meta, checks n8n accepted the signed delivery, and waits
 * for the one run it starts (and that no second one follows). Returns the body Meta's format had and that run.
 */
async function deliverOneRun(workflowId: string, action: Omit<UserAction, 'via'>): Promise<{ body: MetaWebhookBody; execution: N8nExecution }> {
	const before = (await ctx.n8n.executions(workflowId)).length;
	const result = await ctx.sandbox.user({ via: 'meta', ...action });
	expect(result.delivery?.status).toBe(200);
	const executions = await ctx.n8n.waitForExecutions(workflowId, before + 1);
	await sleep(300);
	expect(await ctx.n8n.executions(workflowId)).toHaveLength(before + 1);
	return { body: result.body as MetaWebhookBody, execution: executions[before] };
}

afterAll(async () => {
	await ctx.cleanup();
	await metaAppReleased(ctx);
});

describe('Meta opt-in, reaction, edit and standby events through a real n8n (Standby chosen)', () => {
	const workflow = chain('E2E Meta events', [
		triggerNode('meta', ctx.state.credentials, { events: ['optin', 'reaction', 'edit', 'standby'] }),
		onlyEventType('optin'),
		sendNode(ANSWER, 'meta', ctx.state.credentials, { recipientType: 'userRef', recipient: '={{ $json.userRef }}', text: 'Thanks for opting in' }),
	]);
	let workflowId = '';

	beforeAll(async () => {
		workflowId = (await activateMetaWorkflow(ctx, workflow)).id;
	});
	afterAll(() => deactivateMetaWorkflow(ctx, workflowId));

	/** A run whose event was not an opt-in: the If stopped it, nothing was sent. */
	function expectNotAnswered(execution: N8nExecution): void {
		expect(execution.data?.resultData.runData[ANSWER]).toBeUndefined();
	}

	it('subscribes the page to exactly the fields of the chosen events', async () => {
		expect(await pageSubscribedFields(ctx)).toEqual(['message_edits', 'message_reactions', 'messaging_optins', 'standby']);
	});

	it('a checkbox-plugin opt-in (no sender) carries userRef, and the send node answers recipient.user_ref', async () => {
		const since = Date.now();
		const { lastSeq } = await ctx.sandbox.log({ since: Number.MAX_SAFE_INTEGER });
		const { body, execution } = await deliverOneRun(workflowId, { from: USER_REF, kind: 'optin', payload: 'cart-42' });
		expect(body.entry[0].messaging?.[0]).not.toHaveProperty('sender');

		const item = triggerItem(execution);
		expect(item).toMatchObject({ provider: 'meta', eventType: 'optin', pageId: SANDBOX_DEFAULTS.pageId, senderId: null, userRef: USER_REF, standby: false });
		expect(item.optin).toEqual({ type: null, ref: 'cart-42', payload: null, notificationToken: null, tokenExpiresAt: null });

		const sends = (await ctx.sandbox.log({ since: lastSeq, routeId: 'meta.messages' })).entries;
		expect(sends.map((entry) => entry.body)).toEqual([
			expect.objectContaining({ recipient: { user_ref: USER_REF }, message: { text: 'Thanks for opting in' } }),
		]);
		const [delivered] = await ctx.sandbox.waitForDelivered({ provider: 'meta', recipient: USER_REF, since });
		expect(JSON.stringify(nodeOutput(execution, ANSWER))).toContain(delivered.messageId);
	});

	it.each([
		['react', { text: '👍' }, { action: 'react', emoji: '👍', reaction: 'like' }],
		['unreact', { variant: 'unreact' }, { action: 'unreact', emoji: null, reaction: null }],
	] as const)('a reaction (%s) carries action, emoji and the reacted-to message, and is not answered', async (_name, variant, expected) => {
		const since = Date.now();
		const { body, execution } = await deliverOneRun(workflowId, { from: PSID, kind: 'reaction', ...variant });
		const reactedTo = (body.entry[0].messaging?.[0].reaction as { mid: string }).mid;

		const item = triggerItem(execution);
		expect(item).toMatchObject({ eventType: 'reaction', senderId: PSID, messageId: reactedTo, userRef: null, standby: false });
		expect(item.reaction).toEqual({ ...expected, messageId: reactedTo });
		expectNotAnswered(execution);
		expect(await ctx.sandbox.delivered({ recipient: PSID, since })).toHaveLength(0);
	});

	it('a message edit carries the edited message id, its new text and the edit count', async () => {
		const edited = `m_e2e_edited_${Date.now()}`;
		const { body, execution } = await deliverOneRun(workflowId, { from: PSID, kind: 'edit', text: 'fixed the typo', payload: edited });
		expect(body.entry[0].messaging?.[0].message_edit).toEqual({ mid: edited, text: 'fixed the typo', num_edit: 1 });

		expect(triggerItem(execution)).toMatchObject({ eventType: 'edit', senderId: PSID, messageId: edited, text: 'fixed the typo', editCount: 1, standby: false });
		expectNotAnswered(execution);
	});

	it.each([
		['text message', { kind: 'text', text: 'for the agent' }, { eventType: 'text', text: 'for the agent' }],
		['reaction', { kind: 'reaction', text: '😮' }, { eventType: 'reaction', reaction: expect.objectContaining({ action: 'react', reaction: 'wow' }) }],
	] as const)('a standby %s starts one run, flagged standby, and is not answered', async (_name, event, expected) => {
		const since = Date.now();
		const { body, execution } = await deliverOneRun(workflowId, { from: PSID, standby: true, ...event });
		expect(body.entry[0]).not.toHaveProperty('messaging');
		expect(body.entry[0].standby).toHaveLength(1);

		expect(triggerItem(execution)).toMatchObject({ ...expected, senderId: PSID, standby: true });
		expectNotAnswered(execution);
		expect(await ctx.sandbox.delivered({ recipient: PSID, since })).toHaveLength(0);
	});
});

describe('standby events when Standby is not chosen', () => {
	// Every other event these standby events could be taken for is chosen: only the flag keeps them out.
	const workflow = chain('E2E Meta events without standby', [triggerNode('meta', ctx.state.credentials, { events: ['text', 'reaction', 'edit', 'optin'] })]);
	let workflowId = '';

	beforeAll(async () => {
		workflowId = (await activateMetaWorkflow(ctx, workflow)).id;
	});
	afterAll(() => deactivateMetaWorkflow(ctx, workflowId));

	it('leaves the standby field out of the page subscription', async () => {
		expect(await pageSubscribedFields(ctx)).toEqual(['message_edits', 'message_reactions', 'messages', 'messaging_optins']);
	});

	it('acknowledges standby deliveries and starts no run for them; the same text outside standby runs once', async () => {
		for (const event of [{ kind: 'text', text: 'for the agent' }, { kind: 'reaction', text: '👍' }] as const) {
			const result = await ctx.sandbox.user({ via: 'meta', from: PSID, standby: true, ...event });
			expect(result.delivery).toMatchObject({ status: 200, responseBody: 'EVENT_RECEIVED' });
		}
		// The workflow is live: the same message in the page's own thread starts it (after the standby ones).
		const { execution } = await deliverOneRun(workflowId, { from: PSID, kind: 'text', text: 'for the agent' });
		expect(triggerItem(execution)).toMatchObject({ eventType: 'text', text: 'for the agent', standby: false });
		expect(await ctx.n8n.executions(workflowId)).toHaveLength(1);
	});
});
