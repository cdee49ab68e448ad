// The README's importable workflows are the files in templates/, embedded verbatim, and they use only
// node types and parameters that exist: the package's own (as n8n names installed community nodes) and
// n8n's built-ins that the template names. The real-n8n run of the router is test/e2e/meta-pages.e2e.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { NodeHelpers, type INodeParameters } from 'n8n-workflow';

import { packageNodeTypes, PACKAGE_PREFIX } from '../harness/node-types';

const root = path.resolve(__dirname, '../..');
const TEMPLATES = readdirSync(path.join(root, 'templates')).filter((file) => file.endsWith('.json'));
const README = readFileSync(path.join(root, 'README.md'), 'utf8');

interface TemplateNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
}

const templateOf = (file: string) => JSON.parse(readFileSync(path.join(root, 'templates', file), 'utf8')) as { nodes: TemplateNode[]; connections: Record<string, unknown> };

describe('workflow templates', () => {
	it('ships the two templates of the many-pages set-up', () => {
		expect(TEMPLATES.sort()).toEqual(['many-pages-router.json', 'page-reply.json']);
	});

	it.each(TEMPLATES)('%s is embedded in the README exactly as shipped', (file) => {
		const text = readFileSync(path.join(root, 'templates', file), 'utf8').trimEnd();
		expect(README).toContain(`<code>templates/${file}</code>`);
		expect(README).toContain(`\`\`\`json\n${text}\n\`\`\``);
	});

	it.each(TEMPLATES)('%s: every connection names a node of the template', (file) => {
		const { nodes, connections } = templateOf(file);
		const names = new Set(nodes.map((node) => node.name));
		const targets = Object.values(connections).flatMap((outputs) => (outputs as { main: Array<Array<{ node: string }>> }).main.flat().map((link) => link.node));
		expect([...Object.keys(connections), ...targets].filter((name) => !names.has(name))).toEqual([]);
	});

	it.each(TEMPLATES)('%s: the package nodes carry only parameters their type version has', (file) => {
		const types = packageNodeTypes();
		for (const node of templateOf(file).nodes.filter((candidate) => candidate.type.startsWith(`${PACKAGE_PREFIX}.`))) {
			const type = types[node.type];
			expect({ node: node.name, known: type !== undefined }).toEqual({ node: node.name, known: true });
			const description = type.description;
			expect([description.version].flat()).toContain(node.typeVersion);
			// n8n keeps only the parameters the node shows for these values; anything else would be dropped on import.
			const resolved = NodeHelpers.getNodeParameters(description.properties, node.parameters as INodeParameters, true, false, { ...node, id: 'n', position: [0, 0] } as never, description);
			expect({ node: node.name, parameters: resolved }).toMatchObject({ node: node.name, parameters: node.parameters });
		}
	});
});
