// The request log and the list of delivered messages. Both arrays keep their identity (tests hold
// references to `sandbox.log`), so clearing empties them in place. `seq` never restarts, so a poller
// using `?since=` is not confused by a clear.
import type { DeliveredMessage, LogEntry } from './types';

export class RequestLog {
	readonly entries: LogEntry[] = [];
	readonly delivered: DeliveredMessage[] = [];
	private nextSeq = 1;

	append(entry: Omit<LogEntry, 'seq' | 'at'> & { at?: number }): LogEntry {
		const full: LogEntry = { ...entry, seq: this.nextSeq++, at: entry.at ?? Date.now() };
		this.entries.push(full);
		return full;
	}

	deliver(message: Omit<DeliveredMessage, 'at'>): void {
		this.delivered.push({ ...message, at: Date.now() });
	}

	since(seq: number): LogEntry[] {
		return this.entries.filter((e) => e.seq > seq);
	}

	get lastSeq(): number {
		return this.nextSeq - 1;
	}

	clear(): void {
		this.entries.length = 0;
	}

	clearDelivered(): void {
		this.delivered.length = 0;
	}
}
