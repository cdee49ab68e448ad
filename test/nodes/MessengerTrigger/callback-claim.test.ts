import { claimCallback, holderOf } from '../../../nodes/MessengerTrigger/callback-claim';
import type { ClaimRequest } from '../../../nodes/MessengerTrigger/callback-claim';

const ID = '5f0c2a1e-8d7b-4c3a-9e21-7a6b5c4d3e2f';
const PRODUCTION = `https://n8n.example.com/webhook/${ID}/webhook`;
const TEST = `https://n8n.example.com/webhook-test/${ID}/webhook`;

describe('holderOf: how the app\'s callback relates to this trigger\'s URL', () => {
	it.each([
		['no callback', undefined, PRODUCTION, 'none'],
		['the same URL', PRODUCTION, PRODUCTION, 'ours'],
		['the same URL typed with another case of host and the default port', `HTTPS://N8N.example.com:443/webhook/${ID}/webhook`, PRODUCTION, 'ours'],
		['its test URL, seen by the activation', TEST, PRODUCTION, 'sibling'],
		['its Production URL, seen by the test listener', PRODUCTION, TEST, 'sibling'],
		['its path on another base URL', `https://old-tunnel.example.net/webhook/${ID}/webhook`, PRODUCTION, 'moved'],
		['another trigger on the same n8n', 'https://n8n.example.com/webhook/0b9e7d1c-1111-4222-8333-944455566677/webhook', PRODUCTION, 'other'],
		['another system', 'https://bots.example.org/facebook', PRODUCTION, 'other'],
		['a URL that does not parse', 'not a url', PRODUCTION, 'other'],
	] as const)('%s → %s', (_name, holder, ours, expected) => {
		expect(holderOf(holder, ours, ID)).toBe(expected);
	});

	it('without a webhook id (very old nodes) only the very URL is ours', () => {
		expect(holderOf(TEST, PRODUCTION, undefined)).toBe('other');
		expect(holderOf(PRODUCTION, PRODUCTION, undefined)).toBe('ours');
	});

	it('the id must stand as a whole path segment, followed by the same rest', () => {
		expect(holderOf(`https://n8n.example.com/webhook/x${ID}/webhook`, PRODUCTION, ID)).toBe('other');
		expect(holderOf(`https://n8n.example.com/webhook/${ID}/webhook/extra`, PRODUCTION, ID)).toBe('other');
	});
});

describe('claimCallback', () => {
	const request = (overrides: Partial<ClaimRequest>): ClaimRequest => ({
		listener: 'production',
		appId: '1234567890',
		holderUrl: undefined,
		ourUrl: PRODUCTION,
		webhookId: ID,
		takeOver: false,
		...overrides,
	});
	const OTHER = 'https://bots.example.org/facebook';

	it('registers when the app has no callback, in a test as in an activation', () => {
		expect(claimCallback(request({}))).toEqual({ action: 'register' });
		expect(claimCallback(request({ listener: 'test', ourUrl: TEST }))).toEqual({ action: 'register' });
	});

	it('keeps its own callback (n8n restarting, activating twice)', () => {
		expect(claimCallback(request({ holderUrl: PRODUCTION }))).toEqual({ action: 'keep' });
		expect(claimCallback(request({ listener: 'test', ourUrl: TEST, holderUrl: TEST }))).toEqual({ action: 'keep' });
	});

	it('a test never takes another URL\'s callback, even with Take Over on, and says how to test', () => {
		for (const holderUrl of [PRODUCTION, OTHER]) {
			const claim = claimCallback(request({ listener: 'test', ourUrl: TEST, holderUrl, takeOver: true }));
			expect(claim.action).toBe('refuse');
			const message = claim.action === 'refuse' ? claim.message : '';
			expect(message).toContain(holderUrl);
			expect(message).toMatch(/Meta app 1234567890/);
			expect(message).toMatch(/send a message to the page/);
			expect(message).toMatch(/separate Meta app/);
		}
		const own = claimCallback(request({ listener: 'test', ourUrl: TEST, holderUrl: PRODUCTION }));
		expect(own.action === 'refuse' && own.message).toMatch(/this workflow's Production URL/);
	});

	it('an activation takes over from its own test listener without being told', () => {
		expect(claimCallback(request({ holderUrl: TEST }))).toEqual({ action: 'register', replacing: { url: TEST, why: 'own test listener' } });
	});

	it('an activation refuses another URL unless Take Over is on', () => {
		const refused = claimCallback(request({ holderUrl: OTHER }));
		expect(refused.action).toBe('refuse');
		expect(refused.action === 'refuse' && refused.message).toMatch(/Execute Workflow node/);
		expect(refused.action === 'refuse' && refused.message).toMatch(/"Take Over Existing Callback"/);
		expect(claimCallback(request({ holderUrl: OTHER, takeOver: true }))).toEqual({ action: 'register', replacing: { url: OTHER, why: 'take over' } });
	});

	it('its own path on another address refuses with the WEBHOOK_URL hint, unless Take Over is on', () => {
		const moved = `https://old-tunnel.example.net/webhook/${ID}/webhook`;
		const refused = claimCallback(request({ holderUrl: moved }));
		expect(refused.action === 'refuse' && refused.message).toMatch(/WEBHOOK_URL changed/);
		expect(claimCallback(request({ holderUrl: moved, takeOver: true })).action).toBe('register');
	});
});
