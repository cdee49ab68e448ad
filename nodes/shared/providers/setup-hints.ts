import type { SetupApi } from './types';

/** A send adapter's error parser, with hints that fit setup calls where the send hints do not. */
export function withSetupHints(
	parse: SetupApi['parseError'],
	hints: Readonly<Record<string, string>>,
): SetupApi['parseError'] {
	return (statusCode, body) => {
		const problem = parse(statusCode, body);
		if (!problem) return problem;
		const hint = hints[problem.code ?? ''] ?? hints[(problem.code ?? '').split('/')[0]];
		return hint ? { ...problem, hint } : problem;
	};
}
