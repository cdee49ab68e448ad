import type { WebhookSecrets } from '../../../nodes/MessengerTrigger/secret-cache';
import { WEBHOOK_SECRETS_TTL_MS, WebhookSecretCache } from '../../../nodes/MessengerTrigger/secret-cache';

function setup() {
	let clock = 1_000_000;
	const cache = new WebhookSecretCache(WEBHOOK_SECRETS_TTL_MS, () => clock);
	let reads = 0;
	let appSecret = 'first';
	const load = jest.fn(async (): Promise<WebhookSecrets> => {
		reads++;
		return { appSecret, verifyToken: 'token' };
	});
	return {
		cache,
		load,
		reads: () => reads,
		advance: (ms: number) => (clock += ms),
		setSecret: (value: string) => (appSecret = value),
	};
}

describe('WebhookSecretCache', () => {
	it('reads a credential once within the TTL and again once it has passed', async () => {
		const t = setup();
		expect(await t.cache.get('cred-1', t.load)).toEqual({ appSecret: 'first', verifyToken: 'token' });
		t.setSecret('second');
		t.advance(WEBHOOK_SECRETS_TTL_MS - 1);
		expect((await t.cache.get('cred-1', t.load)).appSecret).toBe('first');
		expect(t.reads()).toBe(1);
		t.advance(1);
		expect((await t.cache.get('cred-1', t.load)).appSecret).toBe('second');
		expect(t.reads()).toBe(2);
	});

	it('keeps credentials apart by id', async () => {
		const t = setup();
		await t.cache.get('cred-1', t.load);
		t.setSecret('other');
		expect((await t.cache.get('cred-2', t.load)).appSecret).toBe('other');
		expect((await t.cache.get('cred-1', t.load)).appSecret).toBe('first');
		expect(t.reads()).toBe(2);
	});

	it('shares one read among concurrent requests', async () => {
		const t = setup();
		const answers = await Promise.all(Array.from({ length: 20 }, () => t.cache.get('cred-1', t.load)));
		expect(new Set(answers.map((a) => a.appSecret))).toEqual(new Set(['first']));
		expect(t.reads()).toBe(1);
	});

	it('does not keep a failed read: the next request reads again', async () => {
		const t = setup();
		const failing = jest.fn(async (): Promise<WebhookSecrets> => {
			throw new Error('credential not found');
		});
		await expect(t.cache.get('cred-1', failing)).rejects.toThrow('credential not found');
		expect((await t.cache.get('cred-1', t.load)).appSecret).toBe('first');
		expect(failing).toHaveBeenCalledTimes(1);
		expect(t.reads()).toBe(1);
	});

	it('caches nothing without a credential id', async () => {
		const t = setup();
		await t.cache.get(undefined, t.load);
		await t.cache.get(undefined, t.load);
		expect(t.reads()).toBe(2);
	});

	it('holds a bounded number of credentials, dropping the oldest', async () => {
		const t = setup();
		for (let i = 0; i <= 256; i++) await t.cache.get(`cred-${i}`, t.load);
		expect(t.reads()).toBe(257);
		await t.cache.get('cred-256', t.load);
		expect(t.reads()).toBe(257);
		await t.cache.get('cred-0', t.load);
		expect(t.reads()).toBe(258);
	});

	describe('with its default clock', () => {
		afterEach(() => jest.useRealTimers());

		it('expires by elapsed time, not by the wall clock: a clock stepped back does not keep a rotated secret', async () => {
			jest.useFakeTimers({ now: Date.UTC(2026, 10, 30, 12, 0, 0) });
			const cache = new WebhookSecretCache();
			let appSecret = 'before-rotation';
			const load = async (): Promise<WebhookSecrets> => ({ appSecret, verifyToken: 'token' });
			expect((await cache.get('cred-1', load)).appSecret).toBe('before-rotation');
			appSecret = 'after-rotation';
			// NTP steps the wall clock back half an hour; then the TTL passes.
			jest.setSystemTime(Date.now() - 30 * 60_000);
			jest.advanceTimersByTime(WEBHOOK_SECRETS_TTL_MS);
			expect((await cache.get('cred-1', load)).appSecret).toBe('after-rotation');
		});
	});
});
