// Protection is the default: version 3 of the trigger asks unsigned providers (Infobip, CM.com) for an
// authentication and refuses a Meta trigger that cannot check signatures; insecure choices must be
// explicit and are warned about once, at activation. Saved version 1 and 2 workflows keep their meaning.
import { useLogCapture } from '../../harness/log-capture';
import type { WebhookServer } from '../../harness/run-webhook';
import { startWebhookServer } from '../../harness/run-webhook';
import { cmBody, infobipBody, infobipResult, metaBody, metaEvent } from '../shared/inbound-fixtures';
import { pageCredential, post, triggerWorkflow } from './helpers';
import { useSandbox } from '../../support/sandbox';
import { useWebhookServers } from '../../support/webhook-servers';

const SECRET = 'forward-secret-9b3e71c2d4';

describe('Messenger Trigger: safe by default', () => {
	const sandbox = useSandbox();
	const logs = useLogCapture();
	const servers = useWebhookServers();

	beforeEach(() => sandbox.reset());

	async function trigger(parameters: Record<string, unknown>, typeVersion: number, credentialOverrides: Record<string, string> = {}) {
		const server = await startWebhookServer(triggerWorkflow({ events: ['text', 'status_report'], ...parameters }, {}, typeVersion), {
			credentials: pageCredential(sandbox.url, sandbox.config.meta, credentialOverrides),
		});
		servers.push(server);
		return server;
	}

	const activationFailure = (server: WebhookServer) =>
		server.activate().then(
			() => undefined,
			(error: Error) => error,
		);

	const infobip = JSON.stringify(infobipBody([infobipResult('text')]));
	const meta = JSON.stringify(metaBody([metaEvent('text', 1)]));

	describe('Infobip and CM.com (unsigned providers), version 3', () => {
		it.each(['infobip', 'cm'] as const)('%s: a new trigger left at its defaults does not activate, and its URL takes nothing', async (provider) => {
			const server = await trigger({ provider }, 3);
			const failure = await activationFailure(server);
			expect(failure?.message).toMatch(/Authentication "Secret in Path" needs a Secret/);
			const body = provider === 'cm' ? JSON.stringify(cmBody('text')) : infobip;
			for (const url of [server.url(), server.url().replace(/\/:secret$/, ''), server.url().replace(':secret', 'guess')]) {
				expect((await post(url, body)).status).toBe(404);
			}
			expect(server.runs).toHaveLength(0);
		});

		it('a secret in the path set by the user: the sandbox forwards to the URL with it, others get 403', async () => {
			const server = await trigger({ provider: 'infobip', secret: SECRET }, 3);
			await server.activate();
			expect(server.url()).toMatch(/\/webhook\/:secret$/);
			sandbox.config.infobip.forwardUrl = server.url().replace(':secret', SECRET);
			const { delivery } = await sandbox.user({ via: 'infobip-forward', from: sandbox.config.users[0].psid, kind: 'text', text: 'hi' });
			expect(delivery?.status).toBe(200);
			expect((await post(server.url().replace(':secret', 'guess'), infobip)).status).toBe(403);
			expect(server.runs).toHaveLength(1);
		});

		it('basic auth: CM.com calls https://user:password@host/..., which arrives as an Authorization header', async () => {
			const server = await trigger({ provider: 'cm', authentication: 'basicAuth', basicAuthUser: 'cm', basicAuthPassword: SECRET }, 3);
			await server.activate();
			const url = new URL(server.url());
			url.username = 'cm';
			url.password = SECRET;
			sandbox.config.cm.inboundUrl = url.toString();
			const { delivery } = await sandbox.user({ via: 'cm', from: sandbox.config.users[0].psid, kind: 'text', text: 'hi' });
			expect(delivery?.status).toBe(200);
			expect((await post(server.url(), JSON.stringify(cmBody('text', 2)))).status).toBe(401);
			expect(server.runs).toHaveLength(1);
		});

		it.each([
			['header secret without a secret', { authentication: 'headerSecret', headerName: 'X-Forward-Token' }, /"Header Secret" needs a Secret/],
			['basic auth without a password', { authentication: 'basicAuth', basicAuthUser: 'infobip' }, /"Basic Auth" needs a User and a Password/],
		])('%s does not activate', async (_name, parameters, message) => {
			const server = await trigger({ provider: 'infobip', ...parameters }, 3);
			expect((await activationFailure(server))?.message).toMatch(message);
		});

		it('None must be chosen explicitly; it is warned about once at activation, not per request', async () => {
			const server = await trigger({ provider: 'cm', authentication: 'none' }, 3);
			await server.activate();
			for (let n = 0; n < 3; n++) expect((await post(server.url(), JSON.stringify(cmBody('text', n)))).status).toBe(200);
			expect(server.runs).toHaveLength(3);
			expect(logs.matching('warn', 'anyone who knows its URL can start the workflow')).toHaveLength(1);
		});
	});

	describe('saved version 1 and 2 workflows keep their meaning', () => {
		it.each([1, 2])('version %i without an Authentication still takes unsigned calls, warned once at activation', async (typeVersion) => {
			const server = await trigger({ provider: 'infobip' }, typeVersion);
			await server.activate();
			expect((await post(server.url(), infobip)).status).toBe(200);
			expect((await post(server.url(), JSON.stringify(infobipBody([infobipResult('text', 1)])))).status).toBe(200);
			expect(server.runs).toHaveLength(2);
			expect(logs.matching('warn', 'anyone who knows its URL can start the workflow')).toHaveLength(1);
		});
	});

	describe('Meta without an App Secret', () => {
		it('version 3 does not activate unless the user skips the signature check, and its URL takes nothing', async () => {
			const server = await trigger({ provider: 'meta', registerWebhook: false }, 3, { appSecret: '' });
			const failure = await activationFailure(server);
			expect(failure?.message).toMatch(/no App Secret/);
			expect(failure?.message).toMatch(/Skip Signature Check \(Insecure\)/);
			expect((await post(server.url(), meta)).status).toBe(404);
			expect(server.runs).toHaveLength(0);
		});

		it('version 3 with Skip Signature Check takes unsigned deliveries, warned once at activation', async () => {
			const server = await trigger({ provider: 'meta', registerWebhook: false, skipSignatureCheck: true }, 3, { appSecret: '' });
			await server.activate();
			for (let n = 0; n < 3; n++) expect((await post(server.url(), JSON.stringify(metaBody([metaEvent('text', n)])))).status).toBe(200);
			expect(server.runs).toHaveLength(3);
			expect(logs.matching('warn', 'X-Hub-Signature-256 is not checked')).toHaveLength(1);
		});

		it('Skip Signature Check changes nothing while the credential has an App Secret', async () => {
			const server = await trigger({ provider: 'meta', registerWebhook: false, skipSignatureCheck: true }, 3);
			await server.activate();
			expect((await post(server.url(), meta)).status).toBe(401);
			expect(server.runs).toHaveLength(0);
		});

		it('default settings (register with Meta): activation fails, and the clean-up leaves no URL that takes unsigned bodies', async () => {
			for (const typeVersion of [2, 3]) {
				const server = await trigger({ provider: 'meta' }, typeVersion, { appSecret: '' });
				expect((await activationFailure(server))?.message).toMatch(/no App Secret/);
				expect(server.cleanupErrors).toEqual([]);
				expect((await post(server.url(), meta)).status).toBe(404);
				expect(server.runs).toHaveLength(0);
			}
			// Nothing was registered at Meta, so nothing was left there either.
			expect(sandbox.log.filter((entry) => entry.method !== 'GET' && entry.routeId.startsWith('meta.'))).toHaveLength(0);
		});

		it('version 2 without registration keeps taking unsigned deliveries, with one warning at activation, none per request', async () => {
			const server = await trigger({ provider: 'meta', registerWebhook: false }, 2, { appSecret: '' });
			await server.activate();
			for (let n = 0; n < 3; n++) expect((await post(server.url(), JSON.stringify(metaBody([metaEvent('text', n)])))).status).toBe(200);
			expect(server.runs).toHaveLength(3);
			expect(logs.matching('warn', 'X-Hub-Signature-256 is not checked')).toHaveLength(1);
		});
	});

	it('deactivation never fails on missing configuration (a credential emptied after activation)', async () => {
		const credentials = pageCredential(sandbox.url, sandbox.config.meta);
		const server = await startWebhookServer(triggerWorkflow({ provider: 'meta', events: ['text'] }, {}, 3), { credentials });
		servers.push(server);
		await server.activate();
		credentials.facebookPageMessengerApi.appId = '';
		await expect(server.deactivate()).resolves.toBeUndefined();
		expect((await post(server.url(), meta)).status).toBe(404);
		expect(logs.matching('warn', 'could not unregister')).toHaveLength(1);
	});
});
