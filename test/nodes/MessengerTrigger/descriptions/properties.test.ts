// What n8n makes of the trigger's properties for each provider and version: the values it reads
// (NodeHelpers.getNodeParameters, which the Workflow constructor runs on every saved node, so it is
// also what the node's getNodeParameter returns), and what the editor shows (displayParameter).
import type { INode, INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { MessengerTrigger } from '../../../../nodes/MessengerTrigger/MessengerTrigger.node';
import type { TriggerChoice } from '../../../../nodes/shared/model/event';
import { buildNodeTypes, PACKAGE_PREFIX } from '../../../harness/node-types';
import { PROVIDER_NAMES } from '../../../../nodes/shared/providers';

const description = new MessengerTrigger().description;
const PROVIDERS = PROVIDER_NAMES;

const nodeOf = (parameters: INodeParameters, typeVersion: number): INode => ({
	id: 'trigger',
	name: 'Messenger Trigger',
	type: `${PACKAGE_PREFIX}.messengerTrigger`,
	typeVersion,
	position: [0, 0],
	webhookId: 'hook-id',
	parameters,
});

/** The parameters as n8n holds a saved node: the Workflow constructor applies the defaults. */
function saved(parameters: INodeParameters, typeVersion = 3): INodeParameters {
	const workflow = new Workflow({ nodes: [nodeOf(parameters, typeVersion)], connections: {}, active: false, nodeTypes: buildNodeTypes() });
	return workflow.nodes['Messenger Trigger'].parameters;
}

function visible(parameters: INodeParameters, typeVersion = 3): INodeProperties[] {
	const values = saved(parameters, typeVersion);
	return description.properties.filter((property) =>
		NodeHelpers.displayParameter(values, property, nodeOf(values, typeVersion), description),
	);
}

const shown = (name: string, parameters: INodeParameters, typeVersion = 3) =>
	visible(parameters, typeVersion).filter((property) => property.name === name);

const optionValues = (property: INodeProperties | undefined) =>
	((property?.options ?? []) as INodePropertyOptions[]).map((option) => option.value);

// The event types each provider's parser can produce (nodes/shared/providers/*/inbound.ts).
const SENT_BY: Record<(typeof PROVIDERS)[number], TriggerChoice[]> = {
	meta: ['text', 'attachment', 'quick_reply', 'postback', 'echo', 'read', 'delivery', 'optin', 'referral', 'reaction', 'edit', 'standby', 'feed', 'unknown'],
	infobip: ['text', 'attachment', 'quick_reply', 'postback', 'unknown'],
	infobipMessenger: ['text', 'attachment', 'quick_reply', 'postback', 'status_report', 'read', 'unknown'],
	cm: ['text', 'attachment', 'quick_reply', 'optin', 'status_report', 'unknown'],
};

describe('Trigger On, one list per provider under the one stored name "events"', () => {
	it.each(PROVIDERS)('%s: the editor shows one list, with exactly the events that provider sends', (provider) => {
		const [events, ...more] = shown('events', { provider });
		expect(more).toHaveLength(0);
		expect(optionValues(events).sort()).toEqual([...SENT_BY[provider]].sort());
		// Each list is about one provider, so no option names another.
		for (const option of (events.options ?? []) as INodePropertyOptions[]) {
			expect(String(option.description)).not.toMatch(/\b(Meta|CM\.com|Infobip):/);
		}
	});

	it.each([
		['meta', ['text', 'attachment', 'quick_reply', 'postback']],
		['infobip', ['text', 'attachment', 'quick_reply', 'postback']],
		['cm', ['text', 'attachment', 'quick_reply']],
	] as const)('%s: a saved node without the parameter reads its own provider\'s default', (provider, events) => {
		expect(saved({ provider }).events).toEqual(events);
		expect(saved({ provider }, 2).events).toEqual(events);
	});

	it.each([
		['meta', ['read', 'echo']],
		['cm', ['status_report']],
		['infobip', ['postback']],
	] as const)('%s: a saved choice is read back as it was stored', (provider, events) => {
		expect(saved({ provider, events: [...events] }).events).toEqual(events);
	});

	it('every default is among its own list\'s options', () => {
		for (const provider of PROVIDERS) {
			const [events] = shown('events', { provider });
			for (const value of events.default as string[]) expect(optionValues(events)).toContain(value);
		}
	});
});

describe('Authentication and secrets of the unsigned providers', () => {
	it('a new (version 3) Infobip trigger does not offer Header Secret: Infobip\'s forward cannot add a header', () => {
		const [authentication, ...more] = shown('authentication', { provider: 'infobip' });
		expect(more).toHaveLength(0);
		expect(optionValues(authentication)).toEqual(['basicAuth', 'none', 'pathSecret']);
	});

	it('a saved Infobip trigger with Header Secret still shows and reads its header name and secret', () => {
		const parameters = { provider: 'infobip', authentication: 'headerSecret', headerName: 'X-Relay', secret: 's' };
		expect(saved(parameters)).toMatchObject(parameters);
		expect(visible(parameters).map((property) => property.name)).toEqual(expect.arrayContaining(['headerName', 'secret']));
	});

	it.each([
		['cm', 3],
		['infobip', 2],
		['cm', 2],
	] as const)('%s version %i keeps Header Secret (a relay in front of n8n)', (provider, typeVersion) => {
		const [authentication] = shown('authentication', { provider }, typeVersion);
		expect(optionValues(authentication)).toContain('headerSecret');
	});
});

describe('Meta registration options', () => {
	it('"Take Over Existing Callback" is off by default and shown only while the trigger registers itself', () => {
		const [takeOver] = shown('takeOverCallback', { provider: 'meta' });
		expect(takeOver).toMatchObject({ type: 'boolean', default: false, displayName: 'Take Over Existing Callback' });
		expect(saved({ provider: 'meta' }).takeOverCallback).toBe(false);
		expect(shown('takeOverCallback', { provider: 'meta', registerWebhook: false })).toHaveLength(0);
		expect(shown('takeOverCallback', { provider: 'infobip' })).toHaveLength(0);
	});
});

describe('notices', () => {
	const notices = (parameters: INodeParameters, typeVersion = 3) =>
		visible(parameters, typeVersion).filter((property) => property.type === 'notice');

	it('no notice points elsewhere for its steps, or shouts', () => {
		for (const notice of description.properties.filter((property) => property.type === 'notice')) {
			expect(notice.displayName).not.toMatch(/README/);
			expect(notice.displayName).not.toMatch(/\b[A-Z]{2,}( [A-Z]{2,}){2,}\b/);
		}
	});

	it('with registration off, a Meta trigger says where to paste the URL and the verify token', () => {
		const texts = notices({ provider: 'meta', registerWebhook: false }).map((notice) => notice.displayName);
		const manual = texts.find((text) => text.includes('Callback URL'));
		expect(manual).toMatch(/Production URL/);
		expect(manual).toMatch(/Webhook Verify Token/);
		expect(notices({ provider: 'meta' }).some((notice) => notice.displayName.includes('Callback URL'))).toBe(false);
	});

	it('the version 1 and 2 signature notice is true with and without an App Secret in the credential', () => {
		const [signature] = notices({ provider: 'meta' }, 2).filter((notice) => notice.name === 'signatureNotice');
		expect(signature.displayName).toMatch(/checks the X-Hub-Signature-256 header when the Facebook Page credential has an App Secret/);
		expect(signature.displayName).toMatch(/unchecked when it has none/);
	});

	it.each(['infobip', 'cm'])('%s: the notice names where the Production URL goes', (provider) => {
		const [notice] = notices({ provider, authentication: 'pathSecret', secret: 's' });
		expect(notice.displayName).toMatch(/paste the Production URL/);
	});
});
