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

export class MetaState {
	readonly attachments = new Map<string, StoredAttachment>();
	/** notification_messages_token → PSID, from simulated opt-ins. */
	readonly optinTokens = new Map<string, string>();
	/** PSID → message ids the page sent to that user, oldest first (for delivery/reaction events). */
	readonly sentMids = new Map<string, string[]>();
	/** Messenger profile properties as last set. */
	profile: Record<string, unknown> = {};
	/** Fields the app is subscribed to on the page; undefined = app not installed on the page. */
	pageSubscribedFields: string[] | undefined;
	readonly appSubscriptions = new Map<string, AppSubscription>();

	rememberMid(psid: string, mid: string): void {
		const list = this.sentMids.get(psid) ?? [];
		list.push(mid);
		if (list.length > 100) list.shift();
		this.sentMids.set(psid, list);
	}

	lastMids(psid: string, n: number): string[] {
		return (this.sentMids.get(psid) ?? []).slice(-n);
	}

	reset(): void {
		this.attachments.clear();
		this.optinTokens.clear();
		this.sentMids.clear();
		this.profile = {};
		this.pageSubscribedFields = undefined;
		this.appSubscriptions.clear();
	}
}
