// Events the trigger started runs for lately, so that a provider's redelivery of one (Meta re-sends a
// body when the answer was slow or failed) starts no second run. The memory is this process's own,
// bounded in time and in size: it cannot see what another n8n process received, nor anything from
// before a restart.

/** How long an event is remembered. Meta retries within minutes at first, then less often. */
export const REDELIVERY_WINDOW_MS = 60 * 60_000;

/** At most this many events are remembered over all triggers of the process (about 2 MB). */
export const MAX_REMEMBERED_EVENTS = 10_000;

export interface Admitted<T> {
	/** The items not seen within the window, in order. */
	fresh: T[];
	/** How many were seen before (or twice in this batch). */
	dropped: number;
}

export class RecentEvents {
	/** Key to the time it was first seen; Map order is insertion order, so the oldest come first. */
	private readonly seenAt = new Map<string, number>();

	constructor(
		private readonly windowMs = REDELIVERY_WINDOW_MS,
		private readonly maxEntries = MAX_REMEMBERED_EVENTS,
		// Monotonic: a wall clock stepped back must not make old entries look fresh, or forward expire them.
		private readonly now: () => number = () => performance.now(),
	) {}

	/**
	 * Splits `items` into those not seen within the window (now remembered) and a count of the others.
	 * `scope` keeps triggers apart; an item whose key is undefined is always fresh and never remembered.
	 */
	admit<T>(scope: string, items: T[], keyOf: (item: T) => string | undefined): Admitted<T> {
		const at = this.now();
		this.forgetOlderThan(at - this.windowMs);
		const fresh: T[] = [];
		let dropped = 0;
		for (const item of items) {
			const key = keyOf(item);
			if (key === undefined) {
				fresh.push(item);
				continue;
			}
			const scoped = `${scope}\u0000${key}`;
			if (this.seenAt.has(scoped)) {
				dropped++;
				continue;
			}
			if (this.seenAt.size >= this.maxEntries) this.seenAt.delete(this.seenAt.keys().next().value as string);
			this.seenAt.set(scoped, at);
			fresh.push(item);
		}
		return { fresh, dropped };
	}

	get size(): number {
		return this.seenAt.size;
	}

	private forgetOlderThan(limit: number): void {
		for (const [key, seenAt] of this.seenAt) {
			if (seenAt > limit) return;
			this.seenAt.delete(key);
		}
	}
}
