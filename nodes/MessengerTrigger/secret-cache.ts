// n8n reads and decrypts a credential from its database on every webhook request, and n8n 2.41 builds a
// fresh expression isolate for each such read unless N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE is on: in the
// queue-mode scale run that read cost more CPU on main than everything else the trigger does
// (BENCHMARKS.md). The trigger needs only two values from the credential, so it keeps them, in this
// process's memory only, for a few seconds per credential: a burst of deliveries pays for one read,
// and an edited credential takes effect within WEBHOOK_SECRETS_TTL_MS.
// Ages are measured on the monotonic clock: the wall clock can be stepped back (NTP, a VM resumed),
// and an entry must never look younger than it is, or a rotated secret would be served for as long as
// the step.

export interface WebhookSecrets {
	/** Empty when the credential has none: signature checking is then off. */
	appSecret: string;
	verifyToken: string;
}

export const WEBHOOK_SECRETS_TTL_MS = 5_000;
const MAX_ENTRIES = 256;

interface Entry {
	loadedAt: number;
	secrets: Promise<WebhookSecrets>;
}

export class WebhookSecretCache {
	private readonly entries = new Map<string, Entry>();

	constructor(
		private readonly ttlMs = WEBHOOK_SECRETS_TTL_MS,
		private readonly now: () => number = () => performance.now(),
	) {}

	/**
	 * The secrets for `credentialId`, read with `load` when missing or older than the TTL. Concurrent
	 * requests share one read; a failed read is not kept. Without an id nothing is cached.
	 */
	async get(credentialId: string | undefined, load: () => Promise<WebhookSecrets>): Promise<WebhookSecrets> {
		if (!credentialId) return await load();
		const at = this.now();
		const cached = this.entries.get(credentialId);
		if (cached && at - cached.loadedAt < this.ttlMs) return await cached.secrets;

		const secrets = load();
		this.entries.delete(credentialId);
		if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
		const entry = { loadedAt: at, secrets };
		this.entries.set(credentialId, entry);
		// The caller still gets the rejection; this only forgets the failed read.
		secrets.catch(() => {
			if (this.entries.get(credentialId) === entry) this.entries.delete(credentialId);
		});
		return await secrets;
	}
}
