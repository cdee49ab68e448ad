// The point of the normalized item: trigger → Messenger send, answering with `{{$json.senderId}}` and
// nothing else, for each provider, end to end over real HTTP.
import type { WebhookServer } from '../../harness/run-webhook';
import { startWebhookServer } from '../../harness/run-webhook';
import { CREDENTIAL_TYPES, sandboxCredentials } from '../Messenger/helpers';
import { pageCredential, replyAfterTrigger, TRIGGER, triggerWorkflow } from './helpers';
import { useSandbox } from '../../support/sandbox';
import { PROVIDER_NAMES } from '../../../nodes/shared/providers';

type Provider = (typeof PROVIDER_NAMES)[number];

describe('Messenger Trigger → Messenger send: replying with {{$json.senderId}}', () => {
	const sandbox = useSandbox();
	let server: WebhookServer | undefined;

	beforeEach(() => sandbox.reset());
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});

	async function replyWorkflow(provider: Provider): Promise<WebhookServer> {
		const workflow = triggerWorkflow(
			{ provider, events: ['text'] },
			replyAfterTrigger({ provider, operation: 'text', recipient: '={{ $json.senderId }}', text: '=You said: {{ $json.text }}' }),
		);
		const credentials = { [CREDENTIAL_TYPES[provider]]: sandboxCredentials(sandbox, provider) };
		if (provider === 'meta') Object.assign(credentials, pageCredential(sandbox.url, sandbox.config.meta));
		server = await startWebhookServer(workflow, { credentials });
		await server.activate();
		return server;
	}

	it.each(PROVIDER_NAMES)('via %s', async (provider) => {
		const trigger = await replyWorkflow(provider);
		const alice = sandbox.config.users[0].psid;
		if (provider === 'infobip') sandbox.config.infobip.forwardUrl = trigger.url();
		if (provider === 'cm') sandbox.config.cm.inboundUrl = trigger.url();
		if (provider === 'infobipMessenger') sandbox.config.infobip.messengerApi.inboundUrl = trigger.url();
		const via = provider === 'infobip' ? 'infobip-forward' : provider === 'infobipMessenger' ? 'infobip-messenger' : provider;
		await sandbox.user({ via, from: alice, kind: 'text', text: 'ping' });

		expect(trigger.runs).toHaveLength(1);
		const run = await trigger.runs[0].result;
		expect(run.nodeError('Reply')).toBeUndefined();
		expect(run.executionOrder).toEqual([TRIGGER, 'Reply']);
		const replies = sandbox.delivered.filter((message) => message.provider === (provider === 'infobipMessenger' ? 'infobip-messenger' : provider));
		expect(replies).toHaveLength(1);
		expect(replies[0].recipient).toBe(alice);
		expect(JSON.stringify(replies[0].message)).toContain('You said: ping');
	});
});
