import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';

// These read the built dist/ (npm test builds before jest) as n8n will load it, by path, at run time.
/* eslint-disable @typescript-eslint/no-require-imports */
const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

function sourceFiles(dir: string, suffix: string): string[] {
	return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith(suffix))
		.map((file) => path.join(dir, file));
}

describe('package.json', () => {
	it('is a community node package with no runtime dependencies', () => {
		expect(pkg.name).toMatch(/^n8n-nodes-/);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(Object.keys(pkg.peerDependencies)).toEqual(['n8n-workflow']);
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
		for (const dev of ['n8n-workflow', 'n8n-core', 'axios', 'jest', 'gulp', 'typescript', 'eslint']) {
			expect(pkg.devDependencies).toHaveProperty(dev);
		}
	});

	it('registers every node and credential file of the source tree, and nothing else', () => {
		const toDist = (file: string) => `dist/${file.replace(/\.ts$/, '.js')}`;
		expect([...pkg.n8n.nodes].sort()).toEqual(sourceFiles('nodes', '.node.ts').map(toDist).sort());
		expect([...pkg.n8n.credentials].sort()).toEqual(sourceFiles('credentials', '.credentials.ts').map(toDist).sort());
	});

	it('points at built files whose class is named after the file, with a codex beside each node', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			const absolute = path.join(root, file);
			expect(existsSync(absolute)).toBe(true);
			const className = path.basename(file).split('.')[0];
			const exported = require(absolute)[className];
			expect(typeof exported).toBe('function');
		}
		for (const file of pkg.n8n.nodes as string[]) {
			const codex = JSON.parse(readFileSync(path.join(root, file.replace(/\.js$/, '.json')), 'utf8'));
			const className = path.basename(file).split('.')[0];
			const node = new (require(path.join(root, file))[className])();
			expect(codex.node).toBe(`${pkg.name}.${node.description.name}`);
			expect(codex.categories.length).toBeGreaterThan(0);
		}
	});
});

describe('entry point', () => {
	it('is not what n8n loads: n8n-core reads the n8n block and loads every listed file by path', async () => {
		// How n8n loads an installed community package (packages/cli load-nodes-and-credentials.ts
		// loadPackage): a PackageDirectoryLoader on the package directory; `main` is never required.
		const loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
		const instantiate = (file: string) => new (require(path.join(root, file))[path.basename(file).split('.')[0]])();
		const nodeNames = (pkg.n8n.nodes as string[]).map((file) => instantiate(file).description.name);
		const credentialNames = (pkg.n8n.credentials as string[]).map((file) => instantiate(file).name);
		expect(loader.packageName).toBe(pkg.name);
		expect(Object.keys(loader.known.nodes).sort()).toEqual(nodeNames.sort());
		expect(Object.keys(loader.known.credentials).sort()).toEqual(credentialNames.sort());
		const loadedFrom = [...Object.values(loader.known.nodes), ...Object.values(loader.known.credentials)];
		expect(loadedFrom.map(({ sourcePath }) => sourcePath).sort()).toEqual([...pkg.n8n.nodes, ...pkg.n8n.credentials].sort());
	});

	it('is the built copy of index.js, which imports nothing and exports nothing', () => {
		// n8n's community package scanner rejects require()s of Node modules and globals such as __dirname
		// in shipped files (test/package/scan.test.ts scans the tarball); an empty module gives it nothing.
		expect(pkg.main).toBe('dist/index.js');
		expect(readFileSync(path.join(root, pkg.main), 'utf8')).toBe(readFileSync(path.join(root, 'index.js'), 'utf8'));
		expect(require(path.join(root, pkg.main))).toEqual({});
	});
});

describe('npm pack', () => {
	it('ships only dist/, README, LICENSE and package.json', () => {
		const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		const files: string[] = JSON.parse(output)[0].files.map((entry: { path: string }) => entry.path);
		const outside = files.filter((file) => !file.startsWith('dist/'));
		expect(outside.sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
		expect(files).toEqual(expect.arrayContaining([pkg.main, ...pkg.n8n.nodes, ...pkg.n8n.credentials]));
		// No sources, source maps or declarations (.d.ts trip the scanner's credential file name rule).
		expect(files.filter((file) => /\.(ts|map)$/.test(file))).toEqual([]);
	});
});
