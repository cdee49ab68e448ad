import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { headingAnchors, slugOf } from '../support/markdown-anchors';

// n8n shows a node's codex documentation links and a credential's documentationUrl in the editor; they
// point at sections of the README on the repository's page. These checks read the source tree (the
// codex files are copied to dist/ unchanged), so a renamed heading fails here, not in a user's editor.
/* eslint-disable @typescript-eslint/no-require-imports */
const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const REPOSITORY_PAGE = String(pkg.homepage).replace(/#.*$/, '');
const DOCS = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'ARCHITECTURE.md'];

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const anchorsOf = (file: string) => new Set(headingAnchors(read(file)));

/** `dist/nodes/X/X.node.js` → `nodes/X/X.node` (source path without extension). */
const sourceOf = (distFile: string) => distFile.replace(/^dist\//, '').replace(/\.js$/, '');
const classOf = (file: string) => path.basename(file).split('.')[0];

function codexUrls(): Array<[string, string]> {
	return (pkg.n8n.nodes as string[]).flatMap((file) => {
		const codexFile = `${sourceOf(file)}.json`;
		const resources = JSON.parse(read(codexFile)).resources ?? {};
		return Object.values(resources)
			.flat()
			.map((entry) => [codexFile, (entry as { url: string }).url] as [string, string]);
	});
}

function credentialUrls(): Array<[string, string]> {
	return (pkg.n8n.credentials as string[]).map((file) => {
		const Credential = require(path.join(root, sourceOf(file)))[classOf(file)];
		return [sourceOf(file), new Credential().documentationUrl] as [string, string];
	});
}

function nodeDescriptionUrls(): Array<[string, string]> {
	return (pkg.n8n.nodes as string[]).flatMap((file) => {
		const Node = require(path.join(root, sourceOf(file)))[classOf(file)];
		const url: unknown = new Node().description.documentationUrl;
		return typeof url === 'string' ? [[sourceOf(file), url] as [string, string]] : [];
	});
}

/** Markdown links of a document: `[text](target)`, images excluded. */
function linkTargets(markdown: string): string[] {
	const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
	return [...withoutCode.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

describe('heading anchors, as GitHub makes them', () => {
	it.each([
		['Messenger (send)', 'messenger-send'],
		['CM.com (Messenger) API', 'cmcom-messenger-api'],
		['The Node 24 + n8n cache', 'the-node-24--n8n-cache'],
		['`npm start`: the demo', 'npm-start-the-demo'],
		['Queue mode, node version and high volume', 'queue-mode-node-version-and-high-volume'],
		['Outside the 24-hour window', 'outside-the-24-hour-window'],
	])('%s → #%s', (heading, anchor) => {
		expect(slugOf(heading)).toBe(anchor);
	});

	it('numbers repeated headings and skips fenced code', () => {
		expect(headingAnchors('# Errors\n```sh\n# not a heading\n```\n## Errors\n### Errors-1\n## Errors')).toEqual([
			'errors',
			'errors-1',
			'errors-1-1',
			'errors-2',
		]);
	});
});

describe('documentation links of the nodes and credentials', () => {
	const readme = anchorsOf('README.md');
	const urls = [...codexUrls(), ...credentialUrls(), ...nodeDescriptionUrls()];

	it('covers every node codex and every credential', () => {
		expect(codexUrls().length).toBeGreaterThanOrEqual(2 * pkg.n8n.nodes.length);
		expect(credentialUrls()).toHaveLength(pkg.n8n.credentials.length);
	});

	it.each(urls)('%s: %s lands on a README heading', (_file, url) => {
		expect(url.startsWith(`${REPOSITORY_PAGE}#`)).toBe(true);
		expect(readme).toContain(url.slice(REPOSITORY_PAGE.length + 1));
	});
});

describe.each(DOCS)('links in %s', (doc) => {
	const targets = linkTargets(read(doc));

	it('land on a heading or a file of the repository', () => {
		const broken = targets
			.filter((target) => !/^[a-z]+:/.test(target))
			.filter((target) => {
				const [file, anchor] = target.split('#');
				const targetFile = file === '' ? doc : path.normalize(path.join(path.dirname(doc), file));
				if (!existsSync(path.join(root, targetFile))) return true;
				return anchor !== undefined && !(targetFile.endsWith('.md') && anchorsOf(targetFile).has(anchor));
			});
		expect(broken).toEqual([]);
	});
});
