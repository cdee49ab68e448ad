import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// n8n's verification scanner (@n8n/scan-community-package) through scripts/scan.js, in a child process:
// the scanner is an ES module, which jest's CommonJS runtime cannot import. The tarball leg packs the
// dist/ that `npm test` built just before jest (--no-build), as the other package tests read it.
const root = path.resolve(__dirname, '../..');
const scanScript = path.join(root, 'scripts/scan.js');

function scan(...args: string[]) {
	const run = spawnSync(process.execPath, [scanScript, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
	const lines = run.stdout.trim().split('\n');
	return { status: run.status, stderr: run.stderr, lines, summary: lines[lines.length - 1] };
}

describe('n8n community package scanner', () => {
	it('accepts the sources (package.json, nodes/, credentials/)', () => {
		const { status, summary, stderr } = scan('--sources');
		expect(stderr).toBe('');
		expect(summary).toMatch(/^scan passed: @n8n\/scan-community-package@\d+\.\d+\.\d+, sources 0 errors \(/);
		expect(status).toBe(0);
	});

	it('accepts the packed tarball as n8n would download it', () => {
		const { status, lines, summary } = scan('--no-build');
		expect(lines.filter((line) => line.startsWith('tarball:'))).toEqual([]);
		expect(summary).toMatch(/^scan passed: .*, tarball 0 errors, sources 0 errors \(/);
		expect(status).toBe(0);
	}, 150_000);

	describe('on a package that breaks its rules', () => {
		let dir: string;
		beforeAll(() => {
			dir = mkdtempSync(path.join(tmpdir(), 'scan-test-'));
			mkdirSync(path.join(dir, 'dist/credentials'), { recursive: true });
			copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
			// The entry point this package shipped before: a Node built-in module and __dirname.
			writeFileSync(
				path.join(dir, 'dist/index.js'),
				"const path = require('node:path');\nmodule.exports = { root: path.dirname(__dirname) };\n",
			);
			// What tsc's declaration output put beside each credential.
			writeFileSync(
				path.join(dir, 'dist/credentials/ExampleApi.credentials.d.ts'),
				"import type { ICredentialType } from 'n8n-workflow';\nexport declare class ExampleApi implements ICredentialType {\n    name: string;\n}\n",
			);
		});
		afterAll(() => rmSync(dir, { recursive: true, force: true }));

		it('prints each error with its rule, file and line, and fails', () => {
			const { status, lines, summary } = scan('--dir', dir);
			expect(lines.slice(0, -1).sort()).toEqual([
				"package: @n8n/community-nodes/no-restricted-globals  dist/index.js:2:39  Use of restricted global '__dirname' is not allowed",
				"package: @n8n/community-nodes/no-restricted-imports  dist/index.js:1:14  Require of 'node:path' is not allowed. n8n Cloud does not allow community nodes with dependencies",
				'package: n8n-nodes-base/cred-filename-against-convention  dist/credentials/ExampleApi.credentials.d.ts:1:2  Rename file to ExampleApi.credentials.ts [non-autofixable]',
			]);
			expect(summary).toMatch(/^scan FAILED: .*, package 3 errors \(/);
			expect(status).toBe(1);
		});
	});

	it('fails on a directory with nothing to scan instead of passing it', () => {
		const empty = mkdtempSync(path.join(tmpdir(), 'scan-test-empty-'));
		try {
			const { status, lines } = scan('--dir', empty);
			expect(lines[0]).toBe(`package: scan/no-files  ${empty}:0:0  no files to scan`);
			expect(status).toBe(1);
		} finally {
			rmSync(empty, { recursive: true, force: true });
		}
	});
});
