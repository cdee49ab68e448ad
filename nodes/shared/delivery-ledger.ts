// What each item of a Messenger node run came to, kept between the tries of n8n's Retry On Fail.
//
// n8n-core's WorkflowExecute retries a failed node (`retryOnFail`, `maxTries` 2..5, `waitBetweenTries`
// up to 5 s) by calling execute() again, in the same process, with the same execution id and run
// index, and the same input items. So a module-level map keyed by execution id is seen by every try:
// also in queue mode, where one worker runs the whole execution. n8n's getWorkflowStaticData is not
// used: it is one object per workflow, shared by every concurrent execution, and n8n writes it to the
// database after the execution (last writer wins between workers), so it would persist per-execution
// records it has no use for and could lose them to a parallel execution.
//
// What the ledger cannot cover: a new execution (n8n's "Retry" of a failed execution, a manual re-run),
// a worker that crashed or restarted mid-execution, another process, records dropped by expiry or the
// memory bound, and an item whose content changed between tries (an expression using $now).
//
// Nothing secret is kept: the key is the execution id, the node id, the run index, the item index and
// a SHA-256 of the send request the user's parameters produced (never the credentials), and a record
// holds the provider's result (message id, recipient, status) or the reason the outcome is unknown.
import { createHash } from 'node:crypto';

import type { SendRequest, SendResult } from './model/message';

/** One run of one node in one execution: what Retry On Fail repeats. */
export interface LedgerScope {
	executionId: string;
	nodeId: string;
	/** n8n's run index: a node that runs again in a loop is another scope, so it sends again. */
	runIndex: number;
}

export type LedgerEntry =
	| { state: 'delivered'; result: SendResult }
	/** The provider may have taken it (HTTP 500, a timeout or reset after the request was written). */
	| { state: 'uncertain'; reason: string };

export interface LedgerLimits {
	/** A scope is forgotten this long after it was last read or written. */
	ttlMs: number;
	/** Approximate bytes held over all scopes; the least recently used scopes go first. */
	maxBytes: number;
	maxScopes: number;
}

/** Retries end within minutes; an hour covers a long batch that is retried, 16 MiB some 50,000 results. */
export const DEFAULT_LEDGER_LIMITS: Readonly<LedgerLimits> = { ttlMs: 60 * 60 * 1000, maxBytes: 16 * 1024 * 1024, maxScopes: 10_000 };

/** A raw provider answer larger than this is not kept: the retried item's output then lacks `raw`. */
const MAX_RAW_CHARS = 2048;
const MAX_REASON_CHARS = 300;

interface StoredEntry {
	fingerprint: string;
	entry: LedgerEntry;
	bytes: number;
}

interface ScopeRecord {
	entries: Map<number, StoredEntry>;
	touchedAt: number;
	bytes: number;
}

function scopeKey(scope: LedgerScope): string {
	return `${scope.executionId}\u0000${scope.nodeId}\u0000${scope.runIndex}`;
}

/** What a record keeps: the result without an oversized `raw`, or a reason cut to a few lines. */
function compact(entry: LedgerEntry): LedgerEntry {
	if (entry.state === 'uncertain') return { state: 'uncertain', reason: entry.reason.slice(0, MAX_REASON_CHARS) };
	const raw = JSON.stringify(entry.result.raw ?? null);
	if (raw.length <= MAX_RAW_CHARS) return entry;
	return { state: 'delivered', result: { ...entry.result, raw: undefined } };
}

export class DeliveryLedger {
	private readonly scopes = new Map<string, ScopeRecord>();
	private bytes = 0;

	constructor(
		private readonly limits: LedgerLimits = DEFAULT_LEDGER_LIMITS,
		private readonly now: () => number = Date.now,
	) {}

	/** The earlier outcome of this item, if an earlier try recorded one for the same request content. */
	lookup(scope: LedgerScope, itemIndex: number, fingerprint: string): LedgerEntry | undefined {
		this.expire();
		const record = this.touch(scopeKey(scope));
		const stored = record?.entries.get(itemIndex);
		return stored?.fingerprint === fingerprint ? stored.entry : undefined;
	}

	record(scope: LedgerScope, itemIndex: number, fingerprint: string, entry: LedgerEntry): void {
		this.expire();
		const key = scopeKey(scope);
		const record = this.touch(key) ?? { entries: new Map<number, StoredEntry>(), touchedAt: this.now(), bytes: 0 };
		if (!this.scopes.has(key)) this.scopes.set(key, record);
		const kept = compact(entry);
		const bytes = 2 * (JSON.stringify(kept).length + fingerprint.length) + 64;
		const previous = record.entries.get(itemIndex);
		if (previous) this.resize(record, -previous.bytes);
		record.entries.set(itemIndex, { fingerprint, entry: kept, bytes });
		this.resize(record, bytes);
		this.evict(key);
	}

	/** Drops a scope whose run needs no retry (every item delivered). */
	forget(scope: LedgerScope): void {
		const key = scopeKey(scope);
		const record = this.scopes.get(key);
		if (!record) return;
		this.bytes -= record.bytes;
		this.scopes.delete(key);
	}

	get usage(): { scopes: number; entries: number; bytes: number } {
		let entries = 0;
		for (const record of this.scopes.values()) entries += record.entries.size;
		return { scopes: this.scopes.size, entries, bytes: this.bytes };
	}

	/** Moves the scope to the end of the map (most recently used) and renews its expiry. */
	private touch(key: string): ScopeRecord | undefined {
		const record = this.scopes.get(key);
		if (!record) return undefined;
		this.scopes.delete(key);
		record.touchedAt = this.now();
		this.scopes.set(key, record);
		return record;
	}

	private resize(record: ScopeRecord, delta: number): void {
		record.bytes += delta;
		this.bytes += delta;
	}

	private expire(): void {
		const oldest = this.now() - this.limits.ttlMs;
		for (const [key, record] of this.scopes) {
			// Map order is least recently used first, so the first live scope ends the sweep.
			if (record.touchedAt > oldest) break;
			this.bytes -= record.bytes;
			this.scopes.delete(key);
		}
	}

	/** Least recently used scopes go first; the scope being written goes last, and only when alone. */
	private evict(current: string): void {
		for (const [key, record] of this.scopes) {
			if (this.bytes <= this.limits.maxBytes && this.scopes.size <= this.limits.maxScopes) return;
			if (key === current) continue;
			this.bytes -= record.bytes;
			this.scopes.delete(key);
		}
		const record = this.scopes.get(current);
		if (record && this.bytes > this.limits.maxBytes) {
			// One run larger than the whole bound: its oldest records go, so those items would be sent
			// again by a retry; the bound on memory wins over the guarantee, and this is documented.
			for (const [itemIndex, stored] of record.entries) {
				if (this.bytes <= this.limits.maxBytes) break;
				record.entries.delete(itemIndex);
				this.resize(record, -stored.bytes);
			}
		}
	}
}

/** The one ledger of this process, shared by every Messenger node run. */
export const deliveryLedger = new DeliveryLedger();

function feed(hash: ReturnType<typeof createHash>, value: unknown): void {
	if (Buffer.isBuffer(value)) {
		hash.update(`b${value.length}:`);
		hash.update(value);
	} else if (Array.isArray(value)) {
		hash.update(`a${value.length}[`);
		for (const element of value) feed(hash, element);
		hash.update(']');
	} else if (value !== null && typeof value === 'object') {
		const keys = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined).sort();
		hash.update(`o${keys.length}{`);
		for (const key of keys) {
			hash.update(`${JSON.stringify(key)}:`);
			feed(hash, (value as Record<string, unknown>)[key]);
		}
		hash.update('}');
	} else {
		hash.update(`${typeof value}:${JSON.stringify(value) ?? ''};`);
	}
}

/**
 * A SHA-256 of the send request (recipient, sender, message, tag; media bytes included) with keys in
 * a fixed order. The request holds what the user's parameters produced, never a credential secret.
 */
export function requestFingerprint(request: SendRequest): string {
	const hash = createHash('sha256');
	feed(hash, request);
	return hash.digest('hex');
}
