// The sandbox's Infobip Messenger API admin endpoints (sandbox/infobip-messenger/index.ts lists them)
// and its send route, over real HTTP, for the node tests: what a user or Infobip does to the account.
import type { Sandbox } from '../../sandbox';

export interface AdminAnswer {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- admin answers are asserted field by field
	body: any;
}

async function json(url: string, init: { method: string; body?: unknown; headers?: Record<string, string> }): Promise<AdminAnswer> {
	const response = await fetch(url, {
		method: init.method,
		headers: { 'content-type': 'application/json', ...init.headers },
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export function messengerApiAdmin(sandbox: Pick<Sandbox, 'url' | 'config'>) {
	const admin = (method: string, path: string, body?: unknown) => json(`${sandbox.url}/__sandbox/infobip-messenger${path}`, { method, body });
	return {
		/** The sandbox POSTs an incoming message (FacebookInboundRequest) to `webhookUrl` or the configured inboundUrl. */
		incoming: (fields: Record<string, unknown>) => admin('POST', '/incoming', fields),
		deliveryReport: (fields: Record<string, unknown>) => admin('POST', '/delivery-report', fields),
		seenReport: (fields: Record<string, unknown>) => admin('POST', '/seen-report', fields),
		/** Queues `count` messages for GET /messages-api/1/inbound; message i reads "<text> i" (1-based). */
		enqueuePull: (fields: Record<string, unknown>) => admin('POST', '/pull', fields),
		pending: async (): Promise<number> => (await admin('GET', '/pull')).body.pending,
		/** Every message the account sent through POST /messenger/1/messages in the last 48 h. */
		sent: async (): Promise<Array<Record<string, unknown>>> => (await admin('GET', '/sent')).body.sent,
		/** The page sends `text` to `to` through the Messenger API itself (a message a report can be about). */
		sendText: (to: string, text: string) =>
			json(`${sandbox.url}/messenger/1/messages`, {
				method: 'POST',
				headers: { authorization: `App ${sandbox.config.infobip.apiKey}` },
				body: { messages: [{ sender: sandbox.config.infobip.messengerApi.pageIds[0], destinations: [{ to }], content: { type: 'TEXT', text } }] },
			}),
	};
}
