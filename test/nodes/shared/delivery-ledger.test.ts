import { DeliveryLedger, requestFingerprint, type LedgerScope } from '../../../nodes/shared/delivery-ledger';
import type { SendRequest, SendResult } from '../../../nodes/shared/model/message';

const scope = (executionId = 'exec-1', runIndex = 0): LedgerScope => ({ executionId, nodeId: 'node-1', runIndex });
const result = (messageId: string, raw: unknown = { id: messageId }): SendResult => ({ provider: 'meta', messageId, recipient: 'psid', status: 'sent', raw });
const delivered = (messageId: string, raw?: unknown) => ({ state: 'delivered' as const, result: result(messageId, raw) });
const text = (body: string, recipient = '7000000000000001'): SendRequest => ({ recipient: { kind: 'psid', id: recipient }, message: { type: 'text', text: body } }) as SendRequest;

describe('DeliveryLedger', () => {
	it('answers only for the same execution, node run, item and request content', () => {
		const ledger = new DeliveryLedger();
		ledger.record(scope(), 0, 'hash-a', delivered('m1'));
		expect(ledger.lookup(scope(), 0, 'hash-a')).toEqual(delivered('m1'));
		expect(ledger.lookup(scope(), 0, 'hash-b')).toBeUndefined();
		expect(ledger.lookup(scope(), 1, 'hash-a')).toBeUndefined();
		expect(ledger.lookup(scope('exec-2'), 0, 'hash-a')).toBeUndefined();
		// The same node run again in a loop (run index 1) is another run: it sends again.
		expect(ledger.lookup(scope('exec-1', 1), 0, 'hash-a')).toBeUndefined();
	});

	it('forgets a run after the time to live since it was last used', () => {
		let clock = 0;
		const ledger = new DeliveryLedger({ ttlMs: 1000, maxBytes: 1e9, maxScopes: 100 }, () => clock);
		ledger.record(scope(), 0, 'h', delivered('m1'));
		clock = 900;
		expect(ledger.lookup(scope(), 0, 'h')).toBeDefined();
		clock = 1800;
		expect(ledger.lookup(scope(), 0, 'h')).toBeDefined();
		clock = 2801;
		expect(ledger.lookup(scope(), 0, 'h')).toBeUndefined();
		expect(ledger.usage).toEqual({ scopes: 0, entries: 0, bytes: 0 });
	});

	it('stays within its byte bound, dropping the least recently used runs first', () => {
		const ledger = new DeliveryLedger({ ttlMs: 1e9, maxBytes: 4000, maxScopes: 100 });
		for (let n = 0; n < 200; n++) ledger.record(scope(`exec-${n}`), 0, 'h', delivered(`m${n}`));
		expect(ledger.usage.bytes).toBeLessThanOrEqual(4000);
		expect(ledger.lookup(scope('exec-199'), 0, 'h')).toBeDefined();
		expect(ledger.lookup(scope('exec-0'), 0, 'h')).toBeUndefined();
	});

	it('stays within its run count bound', () => {
		const ledger = new DeliveryLedger({ ttlMs: 1e9, maxBytes: 1e9, maxScopes: 10 });
		for (let n = 0; n < 50; n++) ledger.record(scope(`exec-${n}`), 0, 'h', delivered(`m${n}`));
		expect(ledger.usage.scopes).toBe(10);
	});

	it('bounds one run larger than the whole budget too', () => {
		const ledger = new DeliveryLedger({ ttlMs: 1e9, maxBytes: 3000, maxScopes: 10 });
		for (let item = 0; item < 500; item++) ledger.record(scope(), item, 'h', delivered(`m${item}`));
		expect(ledger.usage.bytes).toBeLessThanOrEqual(3000);
		expect(ledger.lookup(scope(), 499, 'h')).toBeDefined();
	});

	it('keeps a large raw answer out, and cuts a long reason', () => {
		const ledger = new DeliveryLedger();
		ledger.record(scope(), 0, 'h', delivered('m1', { blob: 'x'.repeat(10_000) }));
		ledger.record(scope(), 1, 'h', { state: 'uncertain', reason: 'y'.repeat(10_000) });
		expect(ledger.lookup(scope(), 0, 'h')).toEqual({ state: 'delivered', result: { ...result('m1'), raw: undefined } });
		const uncertain = ledger.lookup(scope(), 1, 'h');
		expect(uncertain?.state === 'uncertain' && uncertain.reason.length).toBe(300);
	});

	it('forget drops a run', () => {
		const ledger = new DeliveryLedger();
		ledger.record(scope(), 0, 'h', delivered('m1'));
		ledger.forget(scope());
		expect(ledger.lookup(scope(), 0, 'h')).toBeUndefined();
		expect(ledger.usage.bytes).toBe(0);
	});
});

describe('requestFingerprint', () => {
	it('is the same for the same request whatever the key order, and differs with any content', () => {
		const a = text('Hello');
		const reordered = { message: { text: 'Hello', type: 'text' }, recipient: { id: '7000000000000001', kind: 'psid' } } as unknown as SendRequest;
		expect(requestFingerprint(a)).toBe(requestFingerprint(reordered));
		expect(requestFingerprint(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(requestFingerprint(text('Hello!'))).not.toBe(requestFingerprint(a));
		expect(requestFingerprint(text('Hello', '7000000000000002'))).not.toBe(requestFingerprint(a));
		expect(requestFingerprint({ ...a, tag: 'ACCOUNT_UPDATE' })).not.toBe(requestFingerprint(a));
	});

	it('hashes media bytes, not a JSON dump of them', () => {
		const media = (bytes: number[]) =>
			({ recipient: { kind: 'psid', id: 'p' }, message: { type: 'media', media: { type: 'image', source: { kind: 'binary', data: Buffer.from(bytes), fileName: 'a.gif', mimeType: 'image/gif' } } } }) as unknown as SendRequest;
		expect(requestFingerprint(media([1, 2, 3]))).toBe(requestFingerprint(media([1, 2, 3])));
		expect(requestFingerprint(media([1, 2, 3]))).not.toBe(requestFingerprint(media([1, 2, 4])));
	});
});
