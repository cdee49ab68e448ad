// The sandbox lifecycle every node test repeats, once: started before the tests of the describe block
// that calls useSandbox(), closed after them.
import { startSandbox, type Sandbox, type StartSandboxOptions } from '../../sandbox';

/**
 * Returns a stand-in that forwards to the running sandbox, so a test keeps writing `sandbox.url` and
 * `sandbox.reset()`. Using it outside the block's tests and hooks is a mistake, and says so.
 * `clearEach` empties the request log and the faults before every test of the block.
 */
export function useSandbox(options: StartSandboxOptions & { clearEach?: boolean } = {}): Sandbox {
	const { clearEach, ...start } = options;
	let running: Sandbox | undefined;
	beforeAll(async () => {
		running = await startSandbox({ port: 0, ...start });
	});
	// Each test reads only its own requests and sets its own faults.
	if (clearEach) {
		beforeEach(() => {
			running?.clearLog();
			running?.clearFaults();
		});
	}
	afterAll(async () => {
		await running?.close();
		running = undefined;
	});
	const current = (): Sandbox => {
		if (!running) throw new Error('The sandbox is not running: use it in a test or hook of the describe block that called useSandbox()');
		return running;
	};
	return new Proxy({} as Sandbox, {
		get(_target, property) {
			// Not a promise: `await`ing the stand-in must not ask the sandbox for `then`.
			if (property === 'then') return undefined;
			const sandbox = current();
			const value: unknown = Reflect.get(sandbox, property, sandbox);
			return typeof value === 'function' ? value.bind(sandbox) : value;
		},
		// Lookups like `'config' in sandbox` (the sandbox's own module registries) see the real one.
		has(_target, property) {
			return Reflect.has(current(), property);
		},
		set(_target, property, value) {
			return Reflect.set(current(), property, value);
		},
	});
}
