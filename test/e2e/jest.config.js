/**
 * `npm run test:e2e`: the package inside a real n8n server (started once for the run by
 * global-setup.ts, with the provider sandbox beside it), driven over HTTP and in a browser.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	moduleFileExtensions: ['ts', 'js', 'json'],
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	// One n8n and one sandbox are shared, and Meta allows one webhook per app: files run one by one.
	maxWorkers: 1,
	testTimeout: 60000,
	watchman: false,
	reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
