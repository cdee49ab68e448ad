import { CmComMessengerApi } from '../../credentials/CmComMessengerApi.credentials';
import { FacebookPageMessengerApi } from '../../credentials/FacebookPageMessengerApi.credentials';
import { InfobipMessengerApi } from '../../credentials/InfobipMessengerApi.credentials';
import { startSandbox, type Sandbox } from '../../sandbox';
import { sandboxCredentials } from '../nodes/Messenger/helpers';
import { runCredentialTest } from './run-credential-test';

describe('credential tests against the sandbox', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	it('Infobip: passes with the API key and with Basic, fails with a wrong key', async () => {
		const type = new InfobipMessengerApi();
		const good = sandboxCredentials(sandbox, 'infobip');
		expect(await runCredentialTest(type, good)).toMatchObject({ ok: true, status: 200 });
		const { basicUser, basicPassword } = sandbox.config.infobip;
		expect(await runCredentialTest(type, { ...good, authType: 'basic', username: basicUser, password: basicPassword })).toMatchObject({ ok: true });
		expect(await runCredentialTest(type, { ...good, apiKey: 'wrong' })).toMatchObject({ ok: false, status: 401 });
		expect(await runCredentialTest(type, { ...good, baseUrl: `${sandbox.url}/` })).toMatchObject({ ok: true });
	});

	it('CM.com: passes with the product token, fails on errorCode 103 (wrong token)', async () => {
		const type = new CmComMessengerApi();
		const good = sandboxCredentials(sandbox, 'cm');
		const passed = await runCredentialTest(type, good);
		expect(passed).toMatchObject({ ok: true });
		expect(passed.headers['X-CM-PRODUCTTOKEN']).toBe(sandbox.config.cm.productToken);
		expect(await runCredentialTest(type, { ...good, productToken: 'wrong' })).toEqual(
			expect.objectContaining({ ok: false, message: 'CM.com: invalid product token (errorCode 103)' }),
		);
		// CM.com treats an empty product token as no token at all: 101.
		expect(await runCredentialTest(type, { ...good, productToken: '' })).toEqual(
			expect.objectContaining({ ok: false, message: 'CM.com: authentication failed (errorCode 101)' }),
		);
	});

	it('Facebook Page: passes with the page token and appsecret_proof, fails with a bad token or secret', async () => {
		const type = new FacebookPageMessengerApi();
		const good = sandboxCredentials(sandbox, 'meta');
		expect(await runCredentialTest(type, good)).toMatchObject({ ok: true, status: 200 });
		expect(await runCredentialTest(type, { ...good, accessToken: 'EAAwrong' })).toMatchObject({ ok: false });
		expect(await runCredentialTest(type, { ...good, appSecret: 'not-the-secret' })).toMatchObject({ ok: false });
		// The sandbox page enforces appsecret_proof, as apps with "Require App Secret" do.
		expect(await runCredentialTest(type, { ...good, appSecret: '' })).toMatchObject({ ok: false });
	});

	it('every secret is a password field', () => {
		const secrets: Record<string, string[]> = {
			infobipMessengerApi: ['apiKey', 'password'],
			cmComMessengerApi: ['productToken'],
			facebookPageMessengerApi: ['accessToken', 'appSecret', 'verifyToken'],
		};
		for (const type of [new InfobipMessengerApi(), new CmComMessengerApi(), new FacebookPageMessengerApi()]) {
			for (const name of secrets[type.name]) {
				expect(type.properties.find((p) => p.name === name)?.typeOptions?.password).toBe(true);
			}
		}
	});
});
