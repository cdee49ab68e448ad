// Every send operation of the Messenger node, once each, through every provider that offers it, run
// by a real n8n (a Webhook-started workflow per provider, the nodes in a row) against the sandbox,
// which validates each request as the provider documents it and records what the user would see.
import type { DeliveredMessage } from '../../sandbox';
import { SANDBOX_DEFAULTS } from '../../sandbox';
import { callWebhook, e2eContext, executionErrors, nodeOutput } from './support/context';
import { chain, sendNode, webhookNode, type Provider } from './support/workflows';

const ctx = e2eContext();
const ids = ctx.state.credentials;
const media = `${ctx.state.sandboxUrl}/__sandbox/media/sample.png`;
/** Bob, inside the 24-hour window since the sandbox started; every provider knows him. */
const PSID = SANDBOX_DEFAULTS.bobPsid;

const postback = (title: string, payload: string) => ({ type: 'postback', title, payload });
const link = (title: string, url: string) => ({ type: 'url', title, url });
const card = (title: string, buttons: unknown[]) => ({ title, subtitle: `About ${title}`, imageUrl: media, buttons: { button: buttons } });

/** One node per operation: name, resource/operation and the operation's own fields. */
const OPERATIONS: Record<string, Record<string, unknown>> = {
	text: { resource: 'message', operation: 'text', text: 'A text message' },
	media: { resource: 'message', operation: 'media', mediaType: 'image', mediaSource: 'url', mediaUrl: media },
	quickReplies: {
		resource: 'message',
		operation: 'quickReplies',
		text: 'Pick one',
		quickReplies: { reply: [{ title: 'Yes', payload: 'YES' }, { title: 'No', payload: 'NO' }] },
	},
	buttonTemplate: {
		resource: 'template',
		operation: 'buttonTemplate',
		text: 'Buttons',
		buttons: { button: [postback('Go', 'GO'), link('Docs', 'https://docs.n8n.io')] },
	},
	genericTemplate: {
		resource: 'template',
		operation: 'genericTemplate',
		cardTitle: 'One card',
		cardSubtitle: 'With a button',
		cardImageUrl: media,
		buttons: { button: [postback('Choose', 'CARD_1')] },
	},
	carousel: {
		resource: 'template',
		operation: 'carousel',
		cards: { card: [card('First', [postback('Pick first', 'FIRST')]), card('Second', [postback('Pick second', 'SECOND')])] },
	},
	mediaTemplate: {
		resource: 'template',
		operation: 'mediaTemplate',
		mediaType: 'image',
		mediaSource: 'url',
		mediaUrl: 'https://www.facebook.com/photo.php?fbid=100000000000001',
		buttons: { button: [link('Open', 'https://docs.n8n.io')] },
	},
	productTemplate: { resource: 'template', operation: 'productTemplate', productIds: 'FB_product_001, FB_product_002' },
	senderAction: { resource: 'senderAction', operation: 'senderAction', senderAction: 'typing_on' },
	optInRequest: { resource: 'marketing', operation: 'optInRequest', optInTitle: 'Weekly deals', optInPayload: 'DEALS' },
	location: { resource: 'location', operation: 'location', latitude: '45.815', longitude: '15.9819', locationName: 'Zagreb', locationAddress: 'Trg bana Jelačića' },
};

/** Which operations each provider offers (the node's capability table, written out independently). */
const BY_PROVIDER: Record<Provider, string[]> = {
	// Meta discontinued marketing opt-ins on 2026-02-10 (the node refuses them locally); its Send API has no location message.
	meta: Object.keys(OPERATIONS).filter((operation) => operation !== 'optInRequest' && operation !== 'location'),
	infobip: ['text', 'media', 'buttonTemplate', 'senderAction'],
	// Infobip's Messenger API (POST /messenger/1/messages): its content types that the node has operations for.
	infobipMessenger: ['text', 'quickReplies', 'media', 'buttonTemplate', 'genericTemplate', 'carousel', 'senderAction', 'location'],
	cm: ['text', 'quickReplies', 'media', 'buttonTemplate', 'genericTemplate', 'carousel', 'mediaTemplate', 'productTemplate', 'optInRequest'],
};


function parametersFor(provider: Provider, operation: string): Record<string, unknown> {
	const parameters: Record<string, unknown> = { ...OPERATIONS[operation], recipient: PSID };
	// Only Graph takes a media source choice; CM.com's media template takes any public URL.
	if (provider !== 'meta') delete parameters.mediaSource;
	if (provider === 'cm' && operation === 'mediaTemplate') parameters.mediaUrl = media;
	return parameters;
}

/** What the user sees for each operation, per provider (checked on the sandbox's delivered list). */
function metaKind(message: Record<string, unknown>): string {
	const attachment = message.attachment as { type: string; payload: { template_type?: string; elements?: unknown[] } } | undefined;
	if (!attachment) return message.quick_replies ? 'quickReplies' : 'text';
	if (attachment.type !== 'template') return 'media';
	const type = attachment.payload.template_type;
	if (type === 'generic') return (attachment.payload.elements?.length ?? 0) > 1 ? 'carousel' : 'genericTemplate';
	return { button: 'buttonTemplate', media: 'mediaTemplate', product: 'productTemplate', notification_messages: 'optInRequest' }[type ?? ''] ?? `unknown ${type}`;
}

function infobipKind(message: { message: { type: string } }): string {
	return { TEXT: 'text', IMAGE: 'media', TEMPLATE: 'buttonTemplate' }[message.message.type] ?? message.message.type;
}

function messengerApiKind(message: { content: { type: string; payload?: { type?: string; elements?: unknown[] } }; quickReplies?: unknown[] }): string {
	const { content } = message;
	if (content.type === 'TEXT') return message.quickReplies ? 'quickReplies' : 'text';
	if (content.type === 'LOCATION') return 'location';
	if (content.type !== 'TEMPLATE') return 'media';
	if (content.payload?.type === 'GENERIC') return (content.payload.elements?.length ?? 0) > 1 ? 'carousel' : 'genericTemplate';
	return content.payload?.type === 'BUTTON' ? 'buttonTemplate' : `unknown ${content.payload?.type}`;
}

/** The sandbox's name for the provider in its delivered list. */
const SANDBOX_PROVIDER: Record<Provider, string> = { meta: 'meta', infobip: 'infobip', infobipMessenger: 'infobip-messenger', cm: 'cm' };

for (const provider of ['meta', 'infobip', 'infobipMessenger', 'cm'] as Provider[]) {
	describe(`every send operation through ${provider} in a real n8n`, () => {
		const operations = BY_PROVIDER[provider];
		let delivered: DeliveredMessage[] = [];
		let outputs: Record<string, Array<Record<string, unknown>>> = {};

		beforeAll(async () => {
			const path = `e2e-send-${provider}-${Date.now()}`;
			const workflow = chain(`E2E send operations (${provider})`, [
				webhookNode(path),
				...operations.map((operation) => sendNode(`Send ${operation}`, provider, ids, parametersFor(provider, operation))),
			]);
			const workflowId = await ctx.deploy(workflow);
			const since = Date.now();
			const answer = await callWebhook(`${ctx.state.n8nUrl}/webhook/${path}`);
			const [execution] = await ctx.n8n.waitForExecutions(workflowId, 1);
			expect({ status: execution.status, http: answer.status, errors: executionErrors(execution) }).toEqual({ status: 'success', http: 200, errors: 'none' });
			outputs = Object.fromEntries(operations.map((operation) => [operation, nodeOutput(execution, `Send ${operation}`)]));
			delivered = await ctx.sandbox.delivered({ provider: SANDBOX_PROVIDER[provider], recipient: PSID, since });
		});

		it.each(operations)('%s: one request accepted, one output item', (operation) => {
			expect(outputs[operation]).toHaveLength(1);
			expect(outputs[operation][0].error).toBeUndefined();
		});

		it('delivered what each operation sends, in order (sender actions show nothing)', () => {
			const visible = operations.filter((operation) => operation !== 'senderAction');
			expect(delivered).toHaveLength(visible.length);
			if (provider === 'meta') expect(delivered.map((d) => metaKind(d.message as Record<string, unknown>))).toEqual(visible);
			if (provider === 'infobip') expect(delivered.map((d) => infobipKind(d.message as { message: { type: string } }))).toEqual(visible);
			if (provider === 'infobipMessenger') expect(delivered.map((d) => messengerApiKind(d.message as Parameters<typeof messengerApiKind>[0]))).toEqual(visible);
			if (provider === 'cm') expect(delivered.every((d) => (d.message as { from: string }).from === SANDBOX_DEFAULTS.pageId)).toBe(true);
		});
	});
}
