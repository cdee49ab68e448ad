/**
 * Runs `task(0..count-1)` with at most `limit` tasks in flight, starting indexes in order. `stop()` is
 * asked before each start, so a failing run stops scheduling new work and waits for what is in flight.
 */
export async function runWithConcurrency(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
	stop: () => boolean = () => false,
): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count && !stop()) {
			const index = next++;
			await task(index);
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(limit) || 1, count));
	await Promise.all(Array.from({ length: workers }, worker));
}
