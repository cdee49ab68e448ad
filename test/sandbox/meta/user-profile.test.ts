// GET /{v}/{psid}: user profile fields; GET /{v}/me: the page.
import { D, graph } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

describe('Meta user profile', () => {
	const sb = useSandbox();

	it('returns the requested fields plus id', async () => {
		const res = await graph(sb, 'GET', `/${D.alicePsid}`, { query: { fields: 'first_name,last_name,profile_pic' } });
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ first_name: 'Alice', last_name: 'Sandbox', profile_pic: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//), id: D.alicePsid });
		expect(sb.log.at(-1)?.routeId).toBe('meta.user_profile');
		const pic = await fetch(res.body.profile_pic);
		expect(pic.status).toBe(200);
	});

	it('an unknown PSID → 100 / 2018001', async () => {
		const res = await graph(sb, 'GET', '/7000000000000999', { query: { fields: 'first_name' } });
		expect(res.status).toBe(400);
		expect(res.body.error).toMatchObject({ code: 100, error_subcode: 2018001 });
	});

	it('an unknown field → 100', async () => {
		const res = await graph(sb, 'GET', `/${D.bobPsid}`, { query: { fields: 'first_name,email' } });
		expect(res.body.error.code).toBe(100);
		expect(res.body.error.message).toMatch(/nonexisting field \(email\)/);
	});

	it('GET /me answers the page', async () => {
		const res = await graph(sb, 'GET', '/me');
		expect(res.body).toEqual({ name: 'Sandbox Page', id: D.pageId });
	});

	it('requires the page token and proof', async () => {
		expect((await graph(sb, 'GET', `/${D.alicePsid}`, { token: 'nope', proof: false })).body.error.code).toBe(190);
		expect((await graph(sb, 'GET', `/${D.alicePsid}`, { proof: false })).body.error.code).toBe(100);
	});
});
