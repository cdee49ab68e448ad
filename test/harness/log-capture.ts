// What nodes write to n8n's logger. n8n-core's contexts hand out the one Logger in n8n's DI container
// (`this.logger` in a node), so watching that instance sees every line a node logs, in any context.
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LogLine {
	level: LogLevel;
	message: string;
	metadata?: unknown;
}

export interface LogCapture {
	lines: LogLine[];
	/** Lines of `level` whose message contains `text`. */
	matching(level: LogLevel, text: string | RegExp): LogLine[];
	restore(): void;
}

export function captureLogs(): LogCapture {
	const logger = Container.get(Logger);
	const lines: LogLine[] = [];
	// Levels below n8n's N8N_LOG_LEVEL (default info) are fixed no-ops on the instance: nothing to watch.
	const enabled = (['error', 'warn', 'info', 'debug'] as const).filter(
		(level) => Object.getOwnPropertyDescriptor(logger, level)?.writable !== false,
	);
	const spies = enabled.map((level) =>
		jest.spyOn(logger, level).mockImplementation((message: string, metadata?: unknown) => {
			lines.push({ level, message, metadata });
		}),
	);
	return {
		lines,
		matching: (level, text) =>
			lines.filter((line) => line.level === level && (typeof text === 'string' ? line.message.includes(text) : text.test(line.message))),
		restore: () => spies.forEach((spy) => spy.mockRestore()),
	};
}

/**
 * A capture for each test of the calling describe block: started before each test, restored after it.
 * Returns a stand-in for the current test's capture, so a test writes `logs.matching(...)`.
 */
export function useLogCapture(): LogCapture {
	let current: LogCapture | undefined;
	beforeEach(() => {
		current = captureLogs();
	});
	afterEach(() => {
		current?.restore();
		current = undefined;
	});
	const capture = (): LogCapture => {
		if (!current) throw new Error('No log capture outside a test of the block that called useLogCapture()');
		return current;
	};
	return {
		get lines() {
			return capture().lines;
		},
		matching: (level, text) => capture().matching(level, text),
		restore: () => capture().restore(),
	};
}
