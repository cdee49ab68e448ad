import { CmComMessengerApi } from '../../credentials/CmComMessengerApi.credentials';
import { FacebookPageMessengerApi } from '../../credentials/FacebookPageMessengerApi.credentials';
import { InfobipMessengerApi } from '../../credentials/InfobipMessengerApi.credentials';
import { createHmac } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { systemUserCredentials } from '../support/credentials';

import { sandboxCredentials, secretsOf } from '../nodes/Messenger/helpers';
import { runCredentialTest } from './run-credential-test';
import { useSandbox } from '../support/sandbox';
import { PROVIDER_NAMES } from '../../nodes/shared/providers';

describe('credential tests against the sandbox', () => {
	const sandbox = useSandbox();


	// Each failure is the provider's documented answer from the sandbox, read by n8n-core's RoutingNode as
	// n8n's "Test credential" button does; the message must carry the provider's reason and the fix.
	it('Infobip: passes with the API key and with Basic; a wrong key says Invalid login details and what to check', async () => {
		const type = new InfobipMessengerApi();
		const good = sandboxCredentials(sandbox, 'infobip');
		expect(await runCredentialTest(type, good)).toEqual({ ok: true, message: 'Connection successful!' });
		const { basicUser, basicPassword } = sandbox.config.infobip;
		expect(await runCredentialTest(type, { ...good, authType: 'basic', username: basicUser, password: basicPassword })).toMatchObject({ ok: true });
		expect(await runCredentialTest(type, { ...good, baseUrl: `${sandbox.url}/` })).toMatchObject({ ok: true });
		const wrongKey = await runCredentialTest(type, { ...good, apiKey: 'wrong' });
		expect(wrongKey.ok).toBe(false);
		expect(wrongKey.message).toContain('Invalid login details (UNAUTHORIZED)');
		expect(wrongKey.message).toContain('API key');
		const wrongPassword = await runCredentialTest(type, { ...good, authType: 'basic', username: basicUser, password: 'nope' });
		expect(wrongPassword.message).toContain('Invalid login details');
	});

	it('Infobip: a Base URL that is not Infobip\'s API fails and names Base URL', async () => {
		const type = new InfobipMessengerApi();
		const outcome = await runCredentialTest(type, { ...sandboxCredentials(sandbox, 'infobip'), baseUrl: `${sandbox.url}/__sandbox/nothing` });
		expect(outcome.ok).toBe(false);
		expect(outcome.message).toContain('Check Base URL');
	});

	it('CM.com: passes with the product token; a wrong or empty token gives CM.com\'s reason and the fix', async () => {
		const type = new CmComMessengerApi();
		const good = sandboxCredentials(sandbox, 'cm');
		expect(await runCredentialTest(type, good)).toMatchObject({ ok: true });
		const wrong = await runCredentialTest(type, { ...good, productToken: 'wrong' });
		expect(wrong).toMatchObject({ ok: false });
		expect(wrong.message).toContain('Invalid product token (errorCode 103)');
		expect(wrong.message).toContain('product token of your gateway');
		// CM.com treats an empty product token as no token at all: 101.
		const empty = await runCredentialTest(type, { ...good, productToken: '' });
		expect(empty.message).toContain('No account found for the given authentication (errorCode 101)');
		const elsewhere = await runCredentialTest(type, { ...good, baseUrl: `${sandbox.url}/__sandbox/nothing` });
		expect(elsewhere).toMatchObject({ ok: false });
		expect(elsewhere.message).toContain('Gateway Base URL');
	});

	it('Facebook Page: passes with the page token and appsecret_proof', async () => {
		const type = new FacebookPageMessengerApi();
		expect(await runCredentialTest(type, sandboxCredentials(sandbox, 'meta'))).toEqual({ ok: true, message: 'Connection successful!' });
	});

	it('Facebook Page with a system user token: passes, signs with that token, and a wrong one gives Meta\'s reason without the token', async () => {
		const type = new FacebookPageMessengerApi();
		const good = systemUserCredentials(sandbox);
		sandbox.clearLog();
		expect(await runCredentialTest(type, good)).toEqual({ ok: true, message: 'Connection successful!' });
		const systemToken = String(good.systemUserToken);
		const [read] = sandbox.log.filter((entry) => entry.provider === 'meta');
		expect(read.headers.authorization).toBe(`Bearer ${systemToken}`);
		expect(read.query.appsecret_proof).toBe(createHmac('sha256', sandbox.config.meta.appSecret).update(systemToken).digest('hex'));
		const wrong = await runCredentialTest(type, { ...good, systemUserToken: 'EAAwrongSystemUser' });
		expect(wrong.ok).toBe(false);
		expect(wrong.message).toContain('Invalid OAuth access token (code 190)');
		expect(wrong.message).toContain('System users');
		expect(wrong.message).not.toContain('EAAwrongSystemUser');
	});

	// A token copied from Meta's dialog often ends in a space or a line break. HTTP drops the header's
	// trailing whitespace, so Graph checks the proof against the trimmed token: it must be signed too.
	it.each([
		['page token', 'accessToken'],
		['system user token', 'systemUserToken'],
	])('Facebook Page: a %s pasted with whitespace around it is sent trimmed, with the proof of what is sent', async (_kind, field) => {
		const type = new FacebookPageMessengerApi();
		const base = field === 'accessToken' ? sandboxCredentials(sandbox, 'meta') : systemUserCredentials(sandbox);
		const token = String(base[field]);
		for (const pasted of [`${token} `, ` ${token}\n`]) {
			sandbox.clearLog();
			expect(await runCredentialTest(type, { ...base, [field]: pasted })).toEqual({ ok: true, message: 'Connection successful!' });
			const [read] = sandbox.log.filter((entry) => entry.provider === 'meta');
			expect(read.headers.authorization).toBe(`Bearer ${token}`);
			expect(read.query.appsecret_proof).toBe(createHmac('sha256', sandbox.config.meta.appSecret).update(token).digest('hex'));
		}
	});

	it('Facebook Page: each wrong field gives Meta\'s reason and names the field to fix', async () => {
		const type = new FacebookPageMessengerApi();
		const good = sandboxCredentials(sandbox, 'meta');
		const cases: Array<[string, ICredentialDataDecryptedObject, string, string]> = [
			['wrong token', { accessToken: 'EAAwrong' }, 'Invalid OAuth access token (code 190)', 'Page Access Token'],
			['wrong app secret', { appSecret: 'not-the-secret' }, 'Invalid appsecret_proof provided in the API argument', 'App Secret'],
			// The sandbox page enforces appsecret_proof, as apps with "Require App Secret" do.
			['no app secret', { appSecret: '' }, 'require an appsecret_proof argument', 'fill in App Secret'],
			['app token', { accessToken: `${sandbox.config.meta.appId}|${sandbox.config.meta.appSecret}` }, 'A page access token is required', 'page\'s own token'],
			['wrong page ID', { pageId: '999' }, 'No matching user found', 'Check the Page ID'],
			['wrong base URL', { baseUrl: `${sandbox.url}/__sandbox/nothing` }, 'Meta did not return the page', 'Graph API Base URL'],
		];
		for (const [name, change, said, fix] of cases) {
			const outcome = await runCredentialTest(type, { ...good, ...change });
			expect({ name, ok: outcome.ok }).toEqual({ name, ok: false });
			expect(outcome.message).toContain(said);
			expect(outcome.message).toContain(fix);
		}
	});

	it('no test message carries a secret', async () => {
		// Infobip's two APIs share one credential type.
		const types = { infobip: new InfobipMessengerApi(), infobipMessenger: new InfobipMessengerApi(), cm: new CmComMessengerApi(), meta: new FacebookPageMessengerApi() };
		const secrets = secretsOf(sandbox);
		for (const provider of PROVIDER_NAMES) {
			const good = sandboxCredentials(sandbox, provider);
			const breakages: ICredentialDataDecryptedObject[] = [{ apiKey: 'wrong' }, { productToken: 'wrong' }, { accessToken: 'EAAwrong' }, { appSecret: 'x-secret' }];
			for (const broken of breakages) {
				const { message } = await runCredentialTest(types[provider], { ...good, ...broken });
				for (const secret of secrets) expect(message).not.toContain(secret);
			}
		}
	});

	it('every secret is a password field', () => {
		const secrets: Record<string, string[]> = {
			infobipMessengerApi: ['apiKey', 'password'],
			cmComMessengerApi: ['productToken'],
			facebookPageMessengerApi: ['accessToken', 'systemUserToken', 'appSecret', 'verifyToken'],
		};
		for (const type of [new InfobipMessengerApi(), new CmComMessengerApi(), new FacebookPageMessengerApi()]) {
			for (const name of secrets[type.name]) {
				expect(type.properties.find((p) => p.name === name)?.typeOptions?.password).toBe(true);
			}
		}
	});
});
