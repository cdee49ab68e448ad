// Tokens obtained from a provider (a page's token, read with a system-user token), kept in memory
// for a while so that each send does not fetch it again. Bounded in size and time; keyed by a digest
// of the credential and the sender, never by the token. A fetch under way is shared, so fifty items
// of one page cause one fetch; a failed fetch is not kept.

export interface CachedToken {
	token: string;
	/** Taken from the cache rather than fetched for this call: a refusal may mean it went stale. */
	fromCache: boolean;
}

interface Entry {
	pending: Promise<string>;
	expiresAt: number;
}

export class TokenCache {
	private readonly entries = new Map<string, Entry>();

	constructor(
		private readonly maxEntries: number,
		private readonly now: () => number = Date.now,
	) {}

	get size(): number {
		return this.entries.size;
	}

	/** The token under `key`, fetched with `fetch` when none is kept or it expired. */
	async get(key: string, ttlMs: number, fetch: () => Promise<string>): Promise<CachedToken> {
		const kept = this.entries.get(key);
		if (kept && kept.expiresAt > this.now()) {
			// Least recently used goes first when the cache is full: a read moves the entry to the end.
			this.entries.delete(key);
			this.entries.set(key, kept);
			return { token: await kept.pending, fromCache: true };
		}
		const entry: Entry = { pending: fetch(), expiresAt: this.now() + ttlMs };
		this.entries.delete(key);
		this.entries.set(key, entry);
		while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
		const token = await entry.pending.catch((error: unknown) => {
			if (this.entries.get(key) === entry) this.entries.delete(key);
			throw error;
		});
		return { token, fromCache: false };
	}

	/**
	 * Forgets `key` if it still holds `token` (the one the provider refused). Another call that already
	 * replaced it with a fresh token keeps that one, so concurrent refusals cause one refetch.
	 */
	async dropIf(key: string, token: string): Promise<void> {
		const kept = this.entries.get(key);
		if (!kept) return;
		const held = await kept.pending.catch(() => undefined);
		if (held === token && this.entries.get(key) === kept) this.entries.delete(key);
	}

	clear(): void {
		this.entries.clear();
	}
}
