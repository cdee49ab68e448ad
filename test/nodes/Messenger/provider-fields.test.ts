// Parameters whose meaning depends on the provider, run through n8n-core against the sandbox: a Sender
// left over from another provider, a resource the provider has no operation for, and options that only
// another provider shows.
import { send } from './helpers';
import { useSandbox } from '../../support/sandbox';

describe('Messenger node: provider-specific fields at run time', () => {
	const sandbox = useSandbox();
	let alice: string;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
	});
	beforeEach(() => sandbox.clearLog());

	it.each([
		['cm', 'Sender'],
		['meta', 'Page'],
	] as const)('%s: an Infobip application key in the page option fails naming it (%s), and nothing is sent', async (provider, option) => {
		const infobipKey = sandbox.config.infobip.applicationKeys[0];
		const outcome = await send(sandbox, provider, { resource: 'message', operation: 'text', recipient: alice, text: 'Hi', options: { sender: infobipKey } });
		expect(outcome.error?.message).toContain(`Options > ${option} must be a Facebook page ID`);
		expect((outcome.error as { context?: { field?: string } }).context?.field).toBe('sender');
		expect(outcome.sent).toHaveLength(0);
	});

	it('meta: a page ID in Sender is sent from that page', async () => {
		const outcome = await send(sandbox, 'meta', { resource: 'message', operation: 'text', recipient: alice, text: 'Hi', options: { sender: sandbox.config.meta.pageId } });
		expect(outcome.error).toBeUndefined();
		expect(outcome.sent).toHaveLength(1);
	});

	it('infobip: a marketing message fails naming the resource, and nothing is sent', async () => {
		const outcome = await send(sandbox, 'infobip', { resource: 'marketing', operation: 'optInRequest', recipient: alice, optInTitle: 'Deals', optInPayload: 'DEALS' });
		expect(outcome.error?.message).toBe('Infobip cannot send a marketing message: choose another resource or provider');
		expect((outcome.error as { context?: { field?: string } }).context?.field).toBe('resource');
		expect(outcome.sent).toHaveLength(0);
	});

	it('cm: a chat indicator fails naming the resource', async () => {
		const outcome = await send(sandbox, 'cm', { resource: 'senderAction', operation: 'senderAction', recipient: alice });
		expect(outcome.error?.message).toBe('CM.com cannot send a chat indicator: choose another resource or provider');
		expect(outcome.sent).toHaveLength(0);
	});

	// By design: n8n drops a collection option its display conditions hide (n8n-workflow
	// NodeHelpers.getNodeParameters, run by the Workflow constructor), so an option only Meta shows is
	// ignored on Infobip rather than refused; the validator would refuse a tag or messaging type there.
	it('infobip: options only Meta and CM.com show (tag, messaging type, reusable) are ignored', async () => {
		const outcome = await send(sandbox, 'infobip', {
			resource: 'message',
			operation: 'text',
			recipient: alice,
			text: 'Hi',
			options: { tag: 'HUMAN_AGENT', messagingType: 'UPDATE', reusable: true },
		});
		expect(outcome.error).toBeUndefined();
		expect(outcome.sent).toHaveLength(1);
		expect(JSON.stringify(outcome.sent[0].body)).not.toMatch(/HUMAN_AGENT|UPDATE/);
	});
});
