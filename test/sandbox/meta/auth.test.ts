// Graph authentication: tokens (query, form, JSON, bearer), appsecret_proof, token kinds.
import { json, APP_TOKEN, D, graph, PROOF, send, V } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

describe('Meta auth', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	const msg = { message: { text: 'hi' } };

	it('wrong token → 400 / 190 OAuthException, nothing delivered', async () => {
		const res = await send(sb, msg, { token: 'EAAwrong', proof: false });
		expect(res.status).toBe(400);
		expect(res.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
		expect(res.headers.get('www-authenticate')).toMatch(/invalid_token/);
		expect(sb.delivered).toHaveLength(0);
	});

	it('missing token → 190', async () => {
		const res = await send(sb, msg, { token: null, proof: false });
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe(190);
		expect(res.body.error.message).toMatch(/access token is required/);
	});

	it('missing appsecret_proof → 100 "require ... appsecret_proof"', async () => {
		const res = await send(sb, msg, { proof: false });
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe(100);
		expect(res.body.error.message).toMatch(/require an appsecret_proof/);
		expect(sb.delivered).toHaveLength(0);
	});

	it('wrong appsecret_proof → 100 "Invalid appsecret_proof provided in the API argument"', async () => {
		const res = await send(sb, msg, { proof: 'deadbeef'.repeat(8) });
		expect(res.body.error).toMatchObject({ code: 100, message: 'Invalid appsecret_proof provided in the API argument' });
	});

	it('a proof computed with another secret is rejected; the right one is accepted (upper-case hex too)', async () => {
		const { createHmac } = await import('node:crypto');
		const other = createHmac('sha256', 'not-the-secret').update(D.pageAccessToken).digest('hex');
		expect((await send(sb, msg, { proof: other })).body.error.code).toBe(100);
		expect((await send(sb, msg, { proof: PROOF.toUpperCase() })).status).toBe(200);
	});

	it('Authorization: Bearer with the proof in the JSON body', async () => {
		const res = await fetch(`${sb.url}/${V}/me/messages`, {
			method: 'POST',
			headers: { authorization: `Bearer ${D.pageAccessToken}`, 'content-type': 'application/json' },
			body: JSON.stringify({ recipient: { id: D.alicePsid }, messaging_type: 'RESPONSE', message: { text: 'b' }, appsecret_proof: PROOF }),
		});
		expect(res.status).toBe(200);
		expect((await json(res)).recipient_id).toBe(D.alicePsid);
	});

	it('access_token and appsecret_proof in a form body, object params JSON-encoded', async () => {
		const res = await graph(sb, 'POST', '/me/messages', {
			token: null,
			proof: false,
			form: {
				access_token: D.pageAccessToken,
				appsecret_proof: PROOF,
				recipient: JSON.stringify({ id: D.alicePsid }),
				messaging_type: 'RESPONSE',
				message: JSON.stringify({ text: 'form' }),
			},
		});
		expect(res.status).toBe(200);
		expect(sb.delivered[0].message).toEqual({ text: 'form' });
	});

	it('without requireAppsecretProof the proof is optional (but still checked when sent)', async () => {
		sb.config.meta.requireAppsecretProof = false;
		expect((await send(sb, msg, { proof: false })).status).toBe(200);
		expect((await send(sb, msg, { proof: 'abc' })).body.error.code).toBe(100);
	});

	it('the app token cannot send (210); the page token cannot manage app subscriptions (15)', async () => {
		const a = await send(sb, msg, { token: APP_TOKEN });
		expect(a.body.error.code).toBe(210);
		const b = await graph(sb, 'GET', `/${D.appId}/subscriptions`);
		expect(b.body.error.code).toBe(15);
	});

	it('an unknown page id → 100 / 33', async () => {
		const res = await graph(sb, 'POST', '/123456/messages', { body: { recipient: { id: D.alicePsid }, messaging_type: 'RESPONSE', message: { text: 'x' } } });
		expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33 });
	});

	it('a path without a Graph version is not a Graph route', async () => {
		const res = await fetch(`${sb.url}/me/messages`, { method: 'POST' });
		expect(res.status).toBe(404);
	});
});
