// Pull method (seed 000): GET /facebook/1/inbox/reports?limit=N returns
// `{results, messageCount, pendingMessageCount}`; every message can be pulled ONCE (it is removed
// when returned). `limit`: default 50, max 1000 (providers.md); anything but an integer in 1..1000
// is a 400 naming the parameter. Other query parameters are ignored.
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { InfobipRequestError } from './errors';
import type { InfobipInboundResult } from './inbound';
import { INFOBIP_LIMITS } from './limits';

export class InfobipInbox {
	private queue: InfobipInboundResult[] = [];
	private head = 0;

	get pending(): number {
		return this.queue.length - this.head;
	}

	push(...results: InfobipInboundResult[]): void {
		for (const result of results) this.queue.push(result);
	}

	/** Removes and returns up to `limit` messages, oldest first. */
	pull(limit: number): InfobipInboundResult[] {
		const taken = this.queue.slice(this.head, this.head + limit);
		this.head += taken.length;
		if (this.head > 1024 && this.head * 2 > this.queue.length) {
			this.queue = this.queue.slice(this.head);
			this.head = 0;
		}
		return taken;
	}

	clear(): void {
		this.queue = [];
		this.head = 0;
	}
}

export function parseLimit(raw: string | undefined): number {
	if (raw === undefined) return INFOBIP_LIMITS.inboxDefaultLimit;
	const max = INFOBIP_LIMITS.inboxMaxLimit;
	if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
		throw new InfobipRequestError(`limit must be an integer between 1 and ${max} (got "${raw}")`);
	}
	return Number(raw);
}

export function handleInboxPull(req: SandboxRequest, inbox: InfobipInbox): SandboxResponse {
	const limit = parseLimit(req.query.limit);
	const results = inbox.pull(limit);
	return { status: 200, body: { results, messageCount: results.length, pendingMessageCount: inbox.pending } };
}
