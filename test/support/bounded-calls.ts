/**
 * A fake that throws once it has been called more than `maxCalls` times. A loop under test that never
 * stops (a drain whose stop condition regressed) would otherwise spin on resolved promises, which
 * starves jest's own timeout and hangs the whole run; with this it gets an error on its next call
 * and the test fails on what it expected instead.
 */
export function bounded<Args extends unknown[], Result>(
	fake: (...args: Args) => Promise<Result>,
	maxCalls: number,
	what: string,
): (...args: Args) => Promise<Result> {
	let calls = 0;
	return async (...args: Args) => {
		calls++;
		if (calls > maxCalls) throw new Error(`${what} was called ${calls} times, more than the ${maxCalls} this test allows: a loop does not stop`);
		return await fake(...args);
	};
}
