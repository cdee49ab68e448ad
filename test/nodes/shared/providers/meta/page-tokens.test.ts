import { createHmac } from 'node:crypto';

import {
	authorizeWithToken,
	buildManagedPagesRequest,
	buildPageTokenRequest,
	credentialCacheKey,
	credentialToken,
	holdsSystemUserToken,
	isTokenRejected,
	MAX_MANAGED_PAGES,
	pageIdList,
	parseManagedPages,
	parsePageTokenResponse,
} from '../../../../../nodes/shared/providers/meta/page-tokens';
import { InputValidationError } from '../../../../../nodes/shared/model/input-error';
import { FacebookPageMessengerApi } from '../../../../../credentials/FacebookPageMessengerApi.credentials';
import { PAGE_TOKEN, SYSTEM_USER_TOKEN, SYSTEM_USER_TOKEN_FIELD, TOKEN_TYPE_FIELD } from '../../../../../nodes/shared/providers/meta/page-tokens';

const pageCredential = { pageId: '1001', accessToken: 'EAApage', appSecret: 'secret', baseUrl: 'https://graph.facebook.com', graphApiVersion: 'v26.0' };
const systemCredential = { ...pageCredential, accessToken: '', authType: 'systemUser', systemUserToken: 'EAAsystem' };

describe('Meta page tokens: pure decisions', () => {
	it('reads the credential by the names and values the credential form stores, page token first', () => {
		const properties = new FacebookPageMessengerApi().properties;
		const choice = properties.find((property) => property.name === TOKEN_TYPE_FIELD);
		expect(choice?.default).toBe(PAGE_TOKEN);
		expect(choice?.options?.map((option) => (option as { value: string }).value)).toEqual([PAGE_TOKEN, SYSTEM_USER_TOKEN]);
		expect(properties.find((property) => property.name === SYSTEM_USER_TOKEN_FIELD)?.typeOptions?.password).toBe(true);
	});

	it('a credential without the choice (saved before it existed) holds a page token', () => {
		expect(holdsSystemUserToken(pageCredential)).toBe(false);
		expect(holdsSystemUserToken({ ...pageCredential, authType: 'pageAccessToken' })).toBe(false);
		expect(holdsSystemUserToken(systemCredential)).toBe(true);
		expect(credentialToken(pageCredential)).toBe('EAApage');
		expect(credentialToken(systemCredential)).toBe('EAAsystem');
	});

	it("asks for a page's token by GET /{page-id}?fields=id,access_token, refusing a page ID that is not one", () => {
		expect(buildPageTokenRequest(systemCredential, '1002')).toEqual({
			method: 'GET',
			baseURL: 'https://graph.facebook.com/v26.0',
			url: '/1002',
			qs: { fields: 'id,access_token' },
			json: true,
		});
		expect(() => buildPageTokenRequest(systemCredential, '../me')).toThrow(InputValidationError);
	});

	it('sends the token in a header with the appsecret_proof of that very token', () => {
		const request = authorizeWithToken({ method: 'POST', url: '/1002/messages', qs: { a: '1' } }, 'EAAfetched', systemCredential);
		expect(request.headers).toEqual({ Authorization: 'Bearer EAAfetched' });
		expect(request.qs).toEqual({ a: '1', appsecret_proof: createHmac('sha256', 'secret').update('EAAfetched').digest('hex') });
		expect(JSON.stringify(request.qs)).not.toContain('EAAfetched');
		expect(authorizeWithToken({ url: '/x' }, 'EAAfetched', { ...systemCredential, appSecret: '' }).qs).toBeUndefined();
	});

	it('reads the token, or says why not naming the page and what to do', () => {
		expect(parsePageTokenResponse(200, { id: '1002', access_token: 'EAAp2' }, '1002')).toEqual({ ok: true, token: 'EAAp2' });
		const missing = parsePageTokenResponse(200, { id: '1002' }, '1002');
		expect(missing.ok).toBe(false);
		if (!missing.ok) {
			expect(missing.problem.message).toContain('page 1002');
			expect(missing.problem.hint).toContain('Assign assets');
		}
		const cases: Array<[object, string]> = [
			[{ error: { message: 'Invalid OAuth access token', code: 190 } }, 'Generate new token'],
			[{ error: { message: '(#10) permission', code: 10 } }, 'lacks a permission for page 1002'],
			[{ error: { message: 'Unsupported get request', code: 100, error_subcode: 33 } }, 'cannot manage page 1002'],
		];
		for (const [body, hint] of cases) {
			const answer = parsePageTokenResponse(400, body, '1002');
			expect(answer.ok).toBe(false);
			if (!answer.ok) expect(answer.problem.hint).toContain(hint);
		}
	});

	it('a refused token is Graph code 190 with any subcode, and nothing else', () => {
		expect(['190', '190/463', '190/460'].map(isTokenRejected)).toEqual([true, true, true]);
		expect(['200', '1900', '10/190', undefined].map(isTokenRejected)).toEqual([false, false, false, false]);
	});

	it('keys the cache by a digest that changes with the token and never contains it', () => {
		const key = credentialCacheKey(systemCredential);
		expect(key).not.toContain('EAAsystem');
		expect(key).toMatch(/^[0-9a-f]{32}$/);
		expect(credentialCacheKey({ ...systemCredential, systemUserToken: 'EAAother' })).not.toBe(key);
		expect(credentialCacheKey({ ...systemCredential })).toBe(key);
	});

	it('lists managed pages without their tokens and follows only the after cursor', () => {
		expect(buildManagedPagesRequest(systemCredential).qs).toEqual({ fields: 'id,name,category,tasks', limit: 100 });
		expect(buildManagedPagesRequest(systemCredential, 'QUZ').qs).toMatchObject({ after: 'QUZ' });
		const body = { data: [{ id: '1', name: 'A', category: 'C', tasks: ['MESSAGING'] }, { id: 'x' }], paging: { cursors: { after: 'QUZ' }, next: 'https://graph.facebook.com/...' } };
		expect(parseManagedPages(body)).toEqual({ pages: [{ id: '1', name: 'A', category: 'C', tasks: ['MESSAGING'] }], after: 'QUZ' });
		expect(parseManagedPages({ data: [], paging: { cursors: { after: 'QUZ' } } }).after).toBeUndefined();
		expect(parseManagedPages('nonsense')).toEqual({ pages: [], after: undefined });
	});

	it('reads a typed list of page IDs, refusing an entry that is not one by the option as the panel names it', () => {
		expect(pageIdList('Pages', ' 1, 2\n3 2 ')).toEqual(['1', '2', '3']);
		expect(pageIdList('Pages', '')).toEqual([]);
		expect(pageIdList('Pages', undefined)).toEqual([]);
		expect(() => pageIdList('Options > Pages', '1, shop')).toThrow(/^Options > Pages must be a Facebook ID, digits only; got "shop"$/);
	});

	it('refuses a list of more pages than one run may touch, naming the option and the limit', () => {
		const ids = (count: number) => Array.from({ length: count }, (_, index) => String(100000000001000 + index)).join(',');
		expect(pageIdList('Pages', ids(MAX_MANAGED_PAGES))).toHaveLength(MAX_MANAGED_PAGES);
		// The same ID twice counts once.
		expect(pageIdList('Pages', `${ids(MAX_MANAGED_PAGES)},100000000001000`)).toHaveLength(MAX_MANAGED_PAGES);
		let error: unknown;
		try {
			pageIdList('Pages', ids(MAX_MANAGED_PAGES + 1));
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(InputValidationError);
		expect((error as InputValidationError).field).toBe('Pages');
		expect((error as Error).message).toBe(`Pages lists ${MAX_MANAGED_PAGES + 1} page IDs; at most ${MAX_MANAGED_PAGES} are allowed`);
	});
});
