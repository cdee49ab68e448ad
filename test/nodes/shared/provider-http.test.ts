import { DEFAULT_PROVIDER_TIMEOUT_MS, providerRequestOptions, redirectHost } from '../../../nodes/shared/provider-http';
import { maskSecrets, maskSecretsDeep, secretsOfCredential } from '../../../nodes/shared/secrets';

describe('providerRequestOptions', () => {
	it('turns redirects off, sets the default timeout and returns every answer', () => {
		expect(providerRequestOptions({ url: '/x', method: 'GET' })).toEqual({
			url: '/x',
			method: 'GET',
			timeout: DEFAULT_PROVIDER_TIMEOUT_MS,
			disableFollowRedirect: true,
			maxRedirects: 0,
			sendCredentialsOnCrossOriginRedirect: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		expect(DEFAULT_PROVIDER_TIMEOUT_MS).toBe(30_000);
	});

	it('keeps a timeout the caller set, else uses the one given', () => {
		expect(providerRequestOptions({ url: '/x', timeout: 500 }, 9000).timeout).toBe(500);
		expect(providerRequestOptions({ url: '/x' }, 9000).timeout).toBe(9000);
	});

	it('cannot be talked into following redirects by the request', () => {
		const options = providerRequestOptions({ url: '/x', disableFollowRedirect: false, maxRedirects: 5 });
		expect(options.disableFollowRedirect).toBe(true);
		expect(options.maxRedirects).toBe(0);
	});
});

describe('redirectHost', () => {
	it('names the host only, never the path or query', () => {
		expect(redirectHost('https://evil.example:8443/steal?token=abc', 'https://api.infobip.com/facebook/1/single')).toBe('evil.example:8443');
		expect(redirectHost('https://user:pw@evil.example/x', 'https://api.infobip.com/')).toBe('evil.example');
	});

	it('resolves a relative Location against the request URL', () => {
		expect(redirectHost('/elsewhere?x=1', 'https://graph.facebook.com/v25.0/me/messages')).toBe('graph.facebook.com');
	});

	it('is undefined when there is no usable Location', () => {
		expect(redirectHost(undefined, 'https://api.infobip.com/')).toBeUndefined();
		expect(redirectHost('', 'https://api.infobip.com/')).toBeUndefined();
		expect(redirectHost('http://[bad', 'https://api.infobip.com/')).toBeUndefined();
	});
});

describe('secret masking', () => {
	it('takes every password field of the three credentials, and the Basic header form', () => {
		const secrets = secretsOfCredential({
			apiKey: 'infobip-key-1',
			username: 'user',
			password: 'pass-word',
			productToken: 'cm-token-1',
			accessToken: 'EAApage',
			appSecret: 'app-secret-1',
			verifyToken: 'verify-1',
			baseUrl: 'https://api.infobip.com',
			pageId: '1000',
		});
		const basic = Buffer.from('user:pass-word').toString('base64');
		for (const secret of ['infobip-key-1', 'pass-word', basic, 'cm-token-1', 'EAApage', 'app-secret-1', 'verify-1']) {
			expect(secrets).toContain(secret);
		}
		expect(secrets).not.toContain('https://api.infobip.com');
		expect(secrets).not.toContain('1000');
		expect(secrets).not.toContain('user');
	});

	it('masks raw and URL-encoded forms, longest first', () => {
		expect(maskSecrets('Authorization: App k3y/+= and k3y%2F%2B%3D', ['k3y/+='])).toBe('Authorization: App **** and ****');
		expect(maskSecrets('Bearer 123|app-secret', ['app-secret'])).toBe('Bearer 123|****');
	});

	it('leaves values under four characters alone', () => {
		expect(maskSecrets('abc', ['abc'])).toBe('abc');
	});

	it('masks every string inside a body, leaving other values as they are', () => {
		const body = { error: { message: 'bad key s3cret!', code: 401, list: ['s3cret!', 2, null] }, ok: true };
		expect(maskSecretsDeep(body, ['s3cret!'])).toEqual({ error: { message: 'bad key ****', code: 401, list: ['****', 2, null] }, ok: true });
		expect(maskSecretsDeep('plain s3cret! text', ['s3cret!'])).toBe('plain **** text');
		const buffer = Buffer.from('s3cret!');
		expect(maskSecretsDeep(buffer, ['s3cret!'])).toBe(buffer);
	});
});
