import { deliveryReport, type ItemOutcome } from '../../../nodes/Messenger/delivery-report';

describe('deliveryReport', () => {
	it('names delivered items with their ids, uncertain, failed and unsent items', () => {
		const outcomes: Array<ItemOutcome | undefined> = [
			{ state: 'delivered', messageId: 'm0' },
			{ state: 'failed' },
			{ state: 'uncertain' },
			{ state: 'delivered', messageId: null },
			undefined,
			undefined,
			undefined,
		];
		const report = deliveryReport(outcomes);
		expect(report.delivered).toEqual([{ item: 0, messageId: 'm0' }, { item: 3, messageId: null }]);
		expect(report).toMatchObject({ uncertain: [2], failed: [1], notSent: [4, 5, 6] });
		expect(report.text).toBe(
			'Delivered: item 0 (message id m0), item 3 (message id unknown). ' +
				'Delivery uncertain, not re-sent to avoid a duplicate: item 2. Failed: item 1. Not sent: items 4–6. ' +
				'Retry On Fail skips the delivered and uncertain items within this execution; a new execution sends them again, so leave them out of a re-run.',
		);
	});

	it('counts a sparse list\'s holes as not sent', () => {
		const outcomes: Array<ItemOutcome | undefined> = new Array(3);
		outcomes[1] = { state: 'failed' };
		expect(deliveryReport(outcomes)).toMatchObject({ failed: [1], notSent: [0, 2], text: 'Failed: item 1. Not sent: item 0, item 2.' });
	});

	it('names at most 20 delivered items in the text; the list holds all', () => {
		const outcomes: ItemOutcome[] = Array.from({ length: 25 }, (_, n) => ({ state: 'delivered', messageId: `m${n}` }));
		outcomes.push({ state: 'failed' });
		const report = deliveryReport(outcomes);
		expect(report.delivered).toHaveLength(25);
		expect(report.text).toContain('item 19 (message id m19) and 5 more (all in the error\'s context)');
		expect(report.text).not.toContain('m20');
	});

	it('collapses long runs of unsent items into ranges, and names at most 20 ranges', () => {
		const outcomes: Array<ItemOutcome | undefined> = Array.from({ length: 100 }, (_, n) => (n % 2 === 0 ? { state: 'failed' } : undefined));
		const report = deliveryReport(outcomes);
		expect(report.text).toMatch(/^Failed: item 0, item 2, .*item 38 and 30 more\. Not sent: item 1, .*item 39 and 30 more\.$/);
	});
});
