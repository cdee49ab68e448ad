// Outbound webhook calls of the Messenger API: delivery reports (webhook
// receive-outbound-messenger-message-delivery-reports, body schema DeliveryReports {results}), seen
// reports (receive-messenger-seen-reports, SeenReports {results}) and incoming messages
// (receive-messenger-api-incoming-messages, FacebookInboundRequest). Every attempt is kept, with the
// receiver's answer, so tests and GET /__sandbox/infobip-messenger/webhooks can see what went out.
// One POST per event, no retries (Infobip's retry cycle is not emulated), always JSON.
export type WebhookKind = 'delivery-report' | 'seen-report' | 'incoming-message';

export interface WebhookAttempt {
	kind: WebhookKind;
	url: string;
	body: unknown;
	at: number;
	/** The receiver's HTTP status; undefined when the call failed (see `error`) or is still running. */
	status?: number;
	responseBody?: string;
	error?: string;
}

export type PostJson = (url: string, body: string, headers?: Record<string, string>) => Promise<{ status: number; body: string }>;

export class WebhookSender {
	readonly attempts: WebhookAttempt[] = [];

	constructor(private readonly post: PostJson) {}

	/** POSTs `body` as JSON and records the attempt; never throws (a failure is in the attempt). */
	async send(kind: WebhookKind, url: string, body: unknown): Promise<WebhookAttempt> {
		const attempt: WebhookAttempt = { kind, url, body, at: Date.now() };
		this.attempts.push(attempt);
		try {
			const answer = await this.post(url, JSON.stringify(body), { 'content-type': 'application/json' });
			attempt.status = answer.status;
			attempt.responseBody = answer.body;
		} catch (e) {
			attempt.error = e instanceof Error ? e.message : String(e);
		}
		return attempt;
	}

	clear(): void {
		this.attempts.length = 0;
	}
}
