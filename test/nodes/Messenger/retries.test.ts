import type { INodeParameters } from 'n8n-workflow';

import { type FaultRule, type Sandbox } from '../../../sandbox';
import { ROUTES, send, type Provider } from './helpers';
import { sandboxCredentials } from '../../support/credentials';
import { startCountingProxy } from '../../support/loopback';
import { useSandbox } from '../../support/sandbox';
import { PROVIDER_NAMES } from '../../../nodes/shared/providers';

const PROVIDERS: readonly Provider[] = PROVIDER_NAMES;
const FAST: INodeParameters = { retryDelay: 5 };

// Faults injected on the provider's send route. A retry happens only when the provider proves it did
// not take the message, and `sandbox.delivered` must never hold a message twice.
describe('Messenger node: retries, backoff and no duplicates', () => {
	const sandbox = useSandbox({ clearEach: true });
	let alice: string;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
	});

	const text = (options: INodeParameters = FAST) => ({ operation: 'text', recipient: alice, text: 'Hello', options });
	const fault = (provider: Provider, rule: Omit<FaultRule, 'routeId'>) => sandbox.addFault({ routeId: ROUTES[provider], ...rule });

	/** The id the node reports for a delivered message: CM.com's is the reference the node set. */
	function reportedId(delivered: Sandbox['delivered'][number]): string {
		return delivered.provider === 'cm' ? (delivered.message as { reference: string }).reference : delivered.messageId;
	}

	function expectDeliveredOnce(outcome: Awaited<ReturnType<typeof send>>) {
		expect(outcome.error).toBeUndefined();
		expect(sandbox.delivered).toHaveLength(1);
		expect(outcome.items[0].json.messageId).toBe(reportedId(sandbox.delivered[0]));
	}

	describe.each(PROVIDERS)('%s', (provider) => {
		it.each([429, 503])('retries HTTP %s and delivers once', async (status) => {
			fault(provider, { status, times: 2 });
			const outcome = await send(sandbox, provider, text());
			expect(outcome.sent.map((entry) => entry.status)).toEqual([status, status, 200]);
			expectDeliveredOnce(outcome);
		});

		it('honours Retry-After', async () => {
			fault(provider, { status: 429, retryAfter: 1, times: 1 });
			const started = Date.now();
			const outcome = await send(sandbox, provider, text({ retryDelay: 0 }));
			expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
			expect(outcome.sent.map((entry) => entry.status)).toEqual([429, 200]);
			expect(outcome.sent[1].at - outcome.sent[0].at).toBeGreaterThanOrEqual(990);
			expectDeliveredOnce(outcome);
		});

		it('fails at once when Retry-After exceeds Max Retry Wait', async () => {
			fault(provider, { status: 429, retryAfter: 120 });
			const outcome = await send(sandbox, provider, text({ ...FAST, maxRetryWait: 60 }));
			expect(outcome.sent).toHaveLength(1);
			expect((outcome.error as { description?: string }).description).toContain('asked to wait 120 s, longer than the Max Retry Wait option');
		});

		it('gives up after Max Retries, saying how often it tried', async () => {
			fault(provider, { status: 503 });
			const outcome = await send(sandbox, provider, text({ ...FAST, maxRetries: 2 }));
			expect(outcome.sent).toHaveLength(3);
			expect((outcome.error as { description?: string }).description).toContain('Tried 3 times.');
			expect(sandbox.delivered).toHaveLength(0);
		});

		it('does not retry HTTP 500: it does not prove the message was not sent', async () => {
			fault(provider, { status: 500, times: 1 });
			const outcome = await send(sandbox, provider, text());
			expect(outcome.sent).toHaveLength(1);
			expect(outcome.error?.message).toMatch(/^(Infobip|Infobip \(Messenger API\)|CM\.com|Meta Graph API): /);
		});

		it('does not retry a connection reset: the provider may have taken the message', async () => {
			fault(provider, { reset: true, times: 1 });
			const outcome = await send(sandbox, provider, text());
			expect(sandbox.log.filter((entry) => entry.routeId === ROUTES[provider])).toHaveLength(1);
			expect(outcome.error?.message).toMatch(/could not be reached$/);
			expect((outcome.error as { description?: string }).description).toContain('may or may not have delivered the message; it was not retried to avoid a duplicate');
		});

		it('treats a 200 with an unreadable body as sent (never retried), with a warning', async () => {
			fault(provider, { malformed: true, times: 1 });
			const outcome = await send(sandbox, provider, text());
			expect(outcome.error).toBeUndefined();
			expect(outcome.sent).toHaveLength(1);
			expect(outcome.items[0].json).toMatchObject({ provider, messageId: null, recipient: alice });
			expect(outcome.items[0].json.warnings).toEqual([expect.stringContaining('answer was not JSON')]);
		});

		it('waits out latency without retrying', async () => {
			fault(provider, { latencyMs: 300, times: 1 });
			const outcome = await send(sandbox, provider, text());
			expect(outcome.sent).toHaveLength(1);
			expectDeliveredOnce(outcome);
		});
	});

	it('meta: retries Graph code 1200 (temporary send failure) and the rate-limit code 613', async () => {
		fault('meta', { graphCode: 1200, times: 1 });
		fault('meta', { status: 400, graphCode: 613, times: 1 });
		const outcome = await send(sandbox, 'meta', text());
		expect(outcome.sent).toHaveLength(3);
		expect(outcome.sent.map((entry) => (entry.response as { error?: { code: number } }).error?.code)).toEqual([1200, 613, undefined]);
		expectDeliveredOnce(outcome);
	});

	it('meta: retries the upload and the send of binary media separately, delivering once', async () => {
		// The binary path is covered in meta.test.ts; here the attachment route fails first.
		sandbox.addFault({ routeId: 'meta.attachments', status: 503, times: 1 });
		fault('meta', { status: 429, times: 1 });
		const { BinarySource, binaryWorkflow } = await import('./helpers');
		const params = { operation: 'media', recipient: alice, mediaType: 'image', mediaSource: 'binary', options: FAST };
		const outcome = await send(sandbox, 'meta', params, {
			workflow: binaryWorkflow('meta', params),
			extraNodeTypes: { 'test.binarySource': new BinarySource() },
			input: [{ base64: Buffer.from('GIF89a').toString('base64'), fileName: 'a.gif', mimeType: 'image/gif' }],
		});
		expect(sandbox.log.filter((entry) => entry.routeId === 'meta.attachments').map((entry) => entry.status)).toEqual([503, 200]);
		expect(outcome.sent.map((entry) => entry.status)).toEqual([429, 200]);
		expectDeliveredOnce(outcome);
	});

	it.each(PROVIDERS)('%s: 60 items under random 429/503 faults at concurrency 8 are each delivered exactly once, in order', async (provider) => {
		fault(provider, { status: 429, probability: 0.25 });
		fault(provider, { status: 503, probability: 0.1 });
		const input = Array.from({ length: 60 }, (_, i) => ({ n: i }));
		const outcome = await send(sandbox, provider, { operation: 'text', recipient: alice, text: '=Message {{ $json.n }}', options: { retryDelay: 1, maxRetries: 10, concurrency: 8 } }, { input });
		expect(outcome.error).toBeUndefined();
		expect(outcome.sent.some((entry) => entry.status >= 400)).toBe(true);
		expect(sandbox.delivered).toHaveLength(60);
		const ids = outcome.items.map((item) => item.json.messageId);
		expect(new Set(ids).size).toBe(60);
		expect(new Set(sandbox.delivered.map(reportedId))).toEqual(new Set(ids));
		expect(outcome.items.map((item) => item.pairedItem)).toEqual(input.map((_, i) => ({ item: i })));
		const texts = sandbox.delivered.map((d) => JSON.stringify(d.message).match(/Message (\d+)/)?.[1]).sort((a, b) => Number(a) - Number(b));
		expect(texts).toEqual(input.map((_, i) => String(i)));
	});
});

describe('Messenger node: bounded concurrency', () => {
	const sandbox = useSandbox();


	it('sends at most Concurrency requests at a time, and keeps the output in input order', async () => {
		sandbox.addFault({ routeId: 'meta.messages', latencyMs: 50 });
		const alice = sandbox.config.users[0].psid;
		const input = Array.from({ length: 20 }, (_, i) => ({ n: i }));
		const peakAt = async (concurrency: number) => {
			const proxy = await startCountingProxy(sandbox.url);
			try {
				const outcome = await send(
					sandbox,
					'meta',
					{ operation: 'text', recipient: alice, text: '={{ $json.n }}', options: { concurrency } },
					{ input, credentials: sandboxCredentials(sandbox, 'meta', { baseUrl: proxy.url }) },
				);
				expect(outcome.items.map((item) => item.pairedItem)).toEqual(input.map((_, i) => ({ item: i })));
				return proxy.peakInFlight();
			} finally {
				await proxy.close();
			}
		};
		expect(await peakAt(1)).toBe(1);
		expect(await peakAt(5)).toBe(5);
		expect(sandbox.delivered).toHaveLength(40);
	});
});
