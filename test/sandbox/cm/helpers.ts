// Shared by the CM.com sandbox tests: a running sandbox, a /v1.0/message client and seed 004's
// envelope. The HTTP client and local receiver are the Infobip tests' own.
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox/core/types';
import { request, type HttpResult } from '../infobip/helpers';

export { request, startReceiver, type HttpResult, type Receiver } from '../infobip/helpers';

export function startCmSandbox(): Promise<Sandbox> {
	return startSandbox({ port: 0 });
}

/** Seed 004's envelope with the sandbox's token, page and first user; `msg` fields override. */
export function seedEnvelope(sandbox: Sandbox, msg: Record<string, unknown> = {}, withToken = true): Record<string, unknown> {
	const base = {
		from: sandbox.config.cm.pageIds[0],
		to: [{ number: sandbox.config.users[0].psid }],
		allowedChannels: ['Facebook Messenger'],
		body: { type: 'auto', content: 'Fallback Text' },
	};
	return {
		messages: {
			...(withToken ? { authentication: { producttoken: sandbox.config.cm.productToken } } : {}),
			msg: [{ ...base, ...msg }],
		},
	};
}

/** A message whose richContent is one conversation item. */
export function richItem(sandbox: Sandbox, item: Record<string, unknown>, msg: Record<string, unknown> = {}) {
	return seedEnvelope(sandbox, { richContent: { conversation: [item] }, ...msg });
}

export function cmSend(sandbox: Sandbox, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
	return request(`${sandbox.url}/v1.0/message`, { method: 'POST', json: body, headers });
}

export const reply = (i: number) => ({ action: 'Reply', label: `Option ${i}`, postbackdata: `OPT_${i}` });
export const image = { mediaName: 'cm.png', mediaUri: 'https://www.cm.com/cdn/cm/cm.png', mimeType: 'image/png' };
