// The provider sandbox seen from a test file: its admin API over HTTP (the sandbox runs in jest's
// parent process, started by global-setup.ts).
import type { DeliveredMessage, FaultRule, LogEntry, SandboxConfig, UserAction, UserActionResult } from '../../../sandbox';
import { appsecretProof, SANDBOX_DEFAULTS } from '../../../sandbox';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SandboxClient {
	constructor(readonly url: string) {}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
		return (text ? JSON.parse(text) : {}) as T;
	}

	/** What the simulated Messenger user does, delivered in the chosen provider's webhook format. */
	user(action: UserAction): Promise<UserActionResult> {
		return this.call('POST', '/__sandbox/user', action);
	}

	async log(filter: { since?: number; routeId?: string } = {}): Promise<{ entries: LogEntry[]; lastSeq: number }> {
		const query = new URLSearchParams();
		if (filter.since !== undefined) query.set('since', String(filter.since));
		if (filter.routeId) query.set('routeId', filter.routeId);
		return this.call('GET', `/__sandbox/log?${query}`);
	}

	async lastSeq(): Promise<number> {
		return (await this.log({ since: Number.MAX_SAFE_INTEGER })).lastSeq;
	}

	async delivered(filter: { provider?: string; recipient?: string; since?: number } = {}): Promise<DeliveredMessage[]> {
		const { delivered } = await this.call<{ delivered: DeliveredMessage[] }>('GET', `/__sandbox/delivered${filter.provider ? `?provider=${filter.provider}` : ''}`);
		return delivered.filter((d) => (!filter.recipient || d.recipient === filter.recipient) && (filter.since === undefined || d.at >= filter.since));
	}

	/** Waits until at least `count` messages match the filter, then returns them (in delivery order). */
	async waitForDelivered(filter: { provider?: string; recipient?: string; since?: number }, count = 1, timeoutMs = 20_000): Promise<DeliveredMessage[]> {
		const deadline = Date.now() + timeoutMs;
		let last: DeliveredMessage[] = [];
		while (Date.now() < deadline) {
			last = await this.delivered(filter);
			if (last.length >= count) return last;
			await sleep(100);
		}
		throw new Error(`expected ${count} delivered message(s) matching ${JSON.stringify(filter)}, got ${last.length}: ${JSON.stringify(last).slice(0, 500)}`);
	}

	config(): Promise<SandboxConfig> {
		return this.call('GET', '/__sandbox/config');
	}

	patchConfig(patch: unknown): Promise<SandboxConfig> {
		return this.call('PATCH', '/__sandbox/config', patch);
	}

	addFault(rule: FaultRule): Promise<unknown> {
		return this.call('POST', '/__sandbox/faults', rule);
	}

	clearFaults(): Promise<unknown> {
		return this.call('DELETE', '/__sandbox/faults');
	}

	/** Queues messages in the Messages API inbox (`GET /messages-api/1/inbound` hands each out once). */
	queueMessagesApiInbound(spec: { count: number; from: string; text?: string }): Promise<{ queued: number; pending: number }> {
		return this.call('POST', '/__sandbox/infobip-messenger/pull', spec);
	}

	/** How many messages still wait in the Messages API inbox. */
	async messagesApiPending(): Promise<number> {
		return (await this.call<{ pending: number }>('GET', '/__sandbox/infobip-messenger/pull')).pending;
	}

	/** Expires the page's current token: Graph answers 190 / 463 for it, and hands out a new one. */
	expirePageToken(pageId: string): Promise<unknown> {
		return this.call('POST', `/__sandbox/meta/pages/${pageId}/expire-token`);
	}

	/** A Graph GET as Meta's own API answers it (page token + appsecret_proof, or the app token). */
	async graph<T>(pathAndQuery: string, token: 'page' | 'app' = 'page'): Promise<T> {
		const d = SANDBOX_DEFAULTS;
		const accessToken = token === 'page' ? d.pageAccessToken : `${d.appId}|${d.appSecret}`;
		const query = new URLSearchParams({ access_token: accessToken, appsecret_proof: appsecretProof(accessToken, d.appSecret) });
		const separator = pathAndQuery.includes('?') ? '&' : '?';
		return this.call('GET', `/v25.0${pathAndQuery}${separator}${query}`);
	}
}
