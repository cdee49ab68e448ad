/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// Type errors are caught once by `npm run typecheck`; transpiling per file keeps jest fast.
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	moduleFileExtensions: ['ts', 'js', 'json'],
	testTimeout: 30000,
	// watchman is not on these machines; probing for it stalls jest for minutes.
	watchman: false,
	reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
