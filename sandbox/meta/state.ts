// What the Meta emulation remembers between requests (no wire shape of its own).
export interface StoredAttachment {
	id: string;
	type: string;
	source: 'upload' | 'url';
	url?: string;
	fileName?: string;
	mimeType?: string;
	size?: number;
	isReusable: boolean;
	at: number;
}

export interface AppSubscription {
	object: string;
	callbackUrl: string;
	verifyToken: string;
	fields: string[];
	includeValues: boolean;
	active: boolean;
	/** The Graph version of the request that subscribed the fields (GET lists it per field). */
	version: string;
}

/** A page token that was expired through the admin API; calls with it answer 190 / 463. */
export interface ExpiredToken {
	pageId: string;
	expiredAt: number;
}

export class MetaState {
	readonly attachments = new Map<string, StoredAttachment>();
	/** notification_messages_token → PSID, from simulated opt-ins. */
	readonly optinTokens = new Map<string, string>();
	/** `pageId:PSID` → message ids the page sent to that user, oldest first (for delivery/reaction events). */
	readonly sentMids = new Map<string, string[]>();
	/** Page id → Messenger profile properties as last set (each page has its own). */
	readonly profiles = new Map<string, Record<string, unknown>>();
	/** Page id → fields the app is subscribed to on that page; absent = app not installed on the page. */
	readonly pageSubscribedFields = new Map<string, string[]>();
	readonly appSubscriptions = new Map<string, AppSubscription>();
	/** Page tokens that expired (admin API), by token. */
	readonly expiredTokens = new Map<string, ExpiredToken>();

	rememberMid(pageId: string, psid: string, mid: string): void {
		const key = `${pageId}:${psid}`;
		const list = this.sentMids.get(key) ?? [];
		list.push(mid);
		if (list.length > 100) list.shift();
		this.sentMids.set(key, list);
	}

	lastMids(pageId: string, psid: string, n: number): string[] {
		return (this.sentMids.get(`${pageId}:${psid}`) ?? []).slice(-n);
	}

	profileOf(pageId: string): Record<string, unknown> {
		let profile = this.profiles.get(pageId);
		if (!profile) {
			profile = {};
			this.profiles.set(pageId, profile);
		}
		return profile;
	}

	reset(): void {
		this.attachments.clear();
		this.optinTokens.clear();
		this.sentMids.clear();
		this.profiles.clear();
		this.pageSubscribedFields.clear();
		this.appSubscriptions.clear();
		this.expiredTokens.clear();
	}
}
