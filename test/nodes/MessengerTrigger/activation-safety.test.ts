import { startWebhookServer } from '../../harness/run-webhook';
import { useRecorder } from '../../support/loopback';
import { pageCredential, triggerWorkflow } from './helpers';
import { useSandbox } from '../../support/sandbox';
import { useWebhookServers } from '../../support/webhook-servers';

// Activation's Graph calls (the app token's and the page token's) follow the transport rules of every
// provider call: a redirect is an error, and neither token reaches another host.
describe('Messenger Trigger activation: transport safety', () => {
	const sandbox = useSandbox();
	const other = useRecorder();
	const servers = useWebhookServers();

	beforeEach(() => {
		sandbox.reset();
	});

	async function activation(overrides: Record<string, string> = {}): Promise<Error | undefined> {
		const workflow = triggerWorkflow({ provider: 'meta', events: ['text'] }, {}, 2);
		const server = await startWebhookServer(workflow, { credentials: pageCredential(sandbox.url, sandbox.config.meta, overrides) });
		servers.push(server);
		return server.activate().then(
			() => undefined,
			(error: Error) => error,
		);
	}

	it.each(['meta.app_subscriptions', 'meta.subscribed_apps'])('%s: a redirect fails activation, no token leaves for the other host', async (routeId) => {
		sandbox.addFault({ routeId, redirectTo: `${other.url}/steal?x=query-secret` });
		const failure = await activation();
		expect(other.received).toEqual([]);
		expect(failure?.message).toContain('HTTP 307');
		const shown = `${failure?.message} ${JSON.stringify(failure)}`;
		expect(shown).toContain(other.host);
		expect(shown).not.toContain('query-secret');
		expect(shown).not.toContain(sandbox.config.meta.appSecret);
	});

	it('an app-subscription error echoing the app token shows it masked', async () => {
		sandbox.addFault({ routeId: 'meta.app_subscriptions', echoAuth: true });
		const failure = await activation();
		const shown = `${failure?.message} ${JSON.stringify(failure)} ${failure?.stack}`;
		expect(shown).toContain('****');
		expect(shown).not.toContain(sandbox.config.meta.appSecret);
	});

	it.each([
		['graphApiVersion', 'v25.0/../../me/feed?x='],
		['appId', '..'],
		['pageId', '../me'],
	])('a %s of %j fails activation naming the field, nothing sent', async (field, value) => {
		const failure = await activation({ [field]: value });
		expect(sandbox.log.filter((entry) => entry.provider !== 'sandbox')).toEqual([]);
		expect(failure?.message).toMatch(field === 'graphApiVersion' ? /Graph API Version .*v<major>\.<minor>/ : /digits/);
	});
});
