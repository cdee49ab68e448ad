import { runWithConcurrency } from '../../../nodes/shared/concurrency';

describe('runWithConcurrency', () => {
	it('never has more than `limit` tasks in flight and runs every index once', async () => {
		let inFlight = 0;
		let peak = 0;
		const seen: number[] = [];
		await runWithConcurrency(50, 7, async (index) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await new Promise((resolve) => setImmediate(resolve));
			seen.push(index);
			inFlight--;
		});
		expect(peak).toBe(7);
		expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
	});

	it('stops starting new tasks once asked to', async () => {
		const started: number[] = [];
		await runWithConcurrency(20, 2, async (index) => {
			started.push(index);
		}, () => started.length >= 5);
		expect(started.length).toBeLessThanOrEqual(6);
	});
});
