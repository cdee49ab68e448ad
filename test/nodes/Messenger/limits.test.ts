import { MESSENGER_CAPABILITIES, MESSENGER_LIMITS, PROVIDER_NAMES } from '../../../nodes/shared/providers';
import type { OutboundMessage, SendRequest } from '../../../nodes/shared/model/message';
import { LIMIT_CASES } from '../shared/limit-cases';
import { send, type Provider } from './helpers';
import { useSandbox } from '../../support/sandbox';

/** The model message in the node's JSON mode (the README's form): no `type`, media by `url`. */
function toMessageJson(message: OutboundMessage): string {
	const { type: _type, ...rest } = message as OutboundMessage & { media?: { source: { kind: string; url?: string } } };
	const json = rest as Record<string, unknown>;
	if ('media' in message) {
		const { source, ...media } = message.media;
		json.media = { ...media, ...(source.kind === 'url' ? { url: source.url } : {}) };
	}
	return JSON.stringify(json);
}

function parametersFor(request: SendRequest, recipient: string) {
	return { operation: request.message.type, recipient, inputMode: 'json', messageJson: toMessageJson(request.message) };
}

const PROVIDERS: readonly Provider[] = PROVIDER_NAMES;

/**
 * Where the sandbox refuses a request that the provider's own documentation accepts (reported, not
 * worked around): its Graph emulation has no `product` template, which Meta documents for v8.0+.
 */
const SANDBOX_DISAGREES = new Set(['meta: product ids']);

// Every documented limit through the node (JSON mode) against the sandbox: at the limit the provider
// accepts the request; one past it the node fails the item before sending anything.
describe('Messenger node: every limit at the boundary and one past it', () => {
	const sandbox = useSandbox();
	let alice: string;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
	});
	beforeEach(() => sandbox.clearLog());

	const cases = PROVIDERS.flatMap((provider) =>
		LIMIT_CASES.filter((c) => MESSENGER_CAPABILITIES[provider].operations.includes(c.operation)).map((c) => [provider, c.name, c] as const),
	);

	it.each(cases)('%s: %s', async (provider, _name, c) => {
		const limit = c.limit(MESSENGER_LIMITS[provider]);
		const atLimit = await send(sandbox, provider, parametersFor(c.make(limit), alice));
		expect(atLimit.sent).toHaveLength(1);
		if (!SANDBOX_DISAGREES.has(`${provider}: ${c.name}`)) {
			expect(atLimit.error?.message).toBeUndefined();
			expect(atLimit.sent[0].status).toBeLessThan(300);
			expect(sandbox.delivered).toHaveLength(1);
		}

		sandbox.clearLog();
		const past = await send(sandbox, provider, parametersFor(c.make(limit + 1), alice));
		if (provider === 'infobip' && c.name === 'text') {
			// Infobip's Facebook Messenger API v1 ("Send Facebook message"): longer text is truncated by
			// Infobip, so it is sent, with a warning on the item.
			expect(past.error).toBeUndefined();
			expect(past.items[0].json.warnings).toEqual([expect.stringContaining(`text is ${limit + 1} characters long`)]);
			expect(JSON.stringify(sandbox.delivered[0].message)).toContain(`"${'a'.repeat(limit)}"`);
			return;
		}
		expect(past.error?.message).toContain(`${c.field} ${c.kind === 'length' ? 'is' : 'has'} ${limit + 1}`);
		expect(past.error?.message).toContain(String(limit));
		expect(past.sent).toHaveLength(0);
		expect(sandbox.delivered).toHaveLength(0);
	});
});
