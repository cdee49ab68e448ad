import { TokenCache } from '../../../nodes/shared/token-cache';

describe('TokenCache', () => {
	let now = 0;
	const clock = () => now;
	beforeEach(() => {
		now = 0;
	});

	it('fetches once, then answers from the cache until the time to live has passed', async () => {
		const cache = new TokenCache(10, clock);
		let calls = 0;
		const fetch = jest.fn(async (): Promise<string> => `token-${++calls}`);
		expect(await cache.get('k', 1000, fetch)).toEqual({ token: 'token-1', fromCache: false });
		now = 999;
		expect(await cache.get('k', 1000, fetch)).toEqual({ token: 'token-1', fromCache: true });
		now = 1000;
		expect(await cache.get('k', 1000, fetch)).toEqual({ token: 'token-2', fromCache: false });
		expect(fetch).toHaveBeenCalledTimes(2);
	});

	it('shares a fetch under way between callers of the same key', async () => {
		const cache = new TokenCache(10, clock);
		let release: (token: string) => void = () => undefined;
		const fetch = jest.fn(() => new Promise<string>((resolve) => (release = resolve)));
		const both = Promise.all([cache.get('k', 1000, fetch), cache.get('k', 1000, fetch)]);
		release('shared');
		expect((await both).map((held) => held.token)).toEqual(['shared', 'shared']);
		expect(fetch).toHaveBeenCalledTimes(1);
	});

	it('keeps no failed fetch: the next caller fetches again', async () => {
		const cache = new TokenCache(10, clock);
		await expect(cache.get('k', 1000, async () => Promise.reject(new Error('no permission')))).rejects.toThrow('no permission');
		expect(cache.size).toBe(0);
		expect((await cache.get('k', 1000, async () => 'fine')).token).toBe('fine');
	});

	it('holds at most maxEntries, dropping the least recently used', async () => {
		const cache = new TokenCache(2, clock);
		await cache.get('a', 1000, async () => 'A');
		await cache.get('b', 1000, async () => 'B');
		await cache.get('a', 1000, async () => 'never');
		await cache.get('c', 1000, async () => 'C');
		expect(cache.size).toBe(2);
		expect((await cache.get('a', 1000, async () => 'refetched')).token).toBe('A');
		expect((await cache.get('b', 1000, async () => 'B2')).token).toBe('B2');
	});

	it('dropIf forgets the key only while it still holds the refused token', async () => {
		const cache = new TokenCache(10, clock);
		await cache.get('k', 1000, async () => 'old');
		await cache.dropIf('k', 'other');
		expect((await cache.get('k', 1000, async () => 'new')).token).toBe('old');
		await cache.dropIf('k', 'old');
		expect((await cache.get('k', 1000, async () => 'new')).token).toBe('new');
		// A second refusal of the old token leaves the fresh one in place.
		await cache.dropIf('k', 'old');
		expect((await cache.get('k', 1000, async () => 'newer')).token).toBe('new');
	});
});
