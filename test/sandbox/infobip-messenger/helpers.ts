// Shared by the Messenger API sandbox tests: a JSON client over real HTTP with Infobip's API key, the
// module's admin endpoints, and a bounded wait for webhook POSTs that arrive after an answer.
import type { Sandbox } from '../../../sandbox';
import type { Receiver } from '../../support/receiver';
import { request, type HttpResult } from '../infobip/helpers';

export { request, type HttpResult };

export const PAGE = '100000000000001';
export const ALICE = '7000000000000001';

export function messengerClient(sandbox: Sandbox) {
	const auth = () => ({ authorization: `App ${sandbox.config.infobip.apiKey}` });
	return {
		send(body: unknown, headers: Record<string, string> = auth()) {
			return request(`${sandbox.url}/messenger/1/messages`, { method: 'POST', json: body, headers });
		},
		get(pathAndQuery: string, headers: Record<string, string> = auth()) {
			return request(`${sandbox.url}${pathAndQuery}`, { headers });
		},
		admin(method: string, path: string, json?: unknown) {
			return request(`${sandbox.url}/__sandbox/infobip-messenger${path}`, { method, json });
		},
		patchConfig(messengerApi: Record<string, unknown>) {
			return request(`${sandbox.url}/__sandbox/config`, { method: 'PATCH', json: { infobip: { messengerApi } } });
		},
	};
}

/** One message from the page to Alice with the given content (and any extra FacebookMessage fields). */
export function oneMessage(content: unknown, extra: Record<string, unknown> = {}): { messages: unknown[] } {
	return { messages: [{ sender: PAGE, destinations: [{ to: ALICE }], content, ...extra }] };
}

/** Waits until `receiver` holds `count` requests; fails after `maxPolls` polls of 10 ms (no hang). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook bodies are asserted field by field
export async function receivedJson(receiver: Receiver, count: number, maxPolls = 500): Promise<any[]> {
	for (let i = 0; i < maxPolls && receiver.requests.length < count; i++) {
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	if (receiver.requests.length < count) throw new Error(`expected ${count} webhook POST(s), got ${receiver.requests.length}`);
	return receiver.requests.map((r) => JSON.parse(r.raw.toString('utf8')));
}
