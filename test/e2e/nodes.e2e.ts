// The n8n editor loads the package: the node and credential lists n8n's REST API serves to the editor
// hold the package's nodes and credential types, each with an icon n8n serves as SVG.
import fs from 'node:fs';
import path from 'node:path';
import { e2eContext } from './support/context';
import { PROJECT_DIR } from './support/state';

interface TypeDescription {
	name: string;
	displayName: string;
	iconUrl?: string | { light: string; dark: string };
	credentials?: Array<{ name: string }>;
}

const ctx = e2eContext();

async function editorTypes(kind: 'nodes' | 'credentials'): Promise<TypeDescription[]> {
	const response = await fetch(`${ctx.state.n8nUrl}/types/${kind}.json`, { headers: { cookie: ctx.state.cookie } });
	expect(response.status).toBe(200);
	return (await response.json()) as TypeDescription[];
}

async function expectSvg(iconUrl: string): Promise<void> {
	const response = await fetch(`${ctx.state.n8nUrl}/${iconUrl}`);
	expect({ iconUrl, status: response.status }).toEqual({ iconUrl, status: 200 });
	expect(response.headers.get('content-type')).toContain('image/svg+xml');
	expect(await response.text()).toContain('<svg');
}

async function expectIcons(type: TypeDescription): Promise<void> {
	expect(type.iconUrl).toBeDefined();
	const urls = typeof type.iconUrl === 'string' ? [type.iconUrl] : [type.iconUrl!.light, type.iconUrl!.dark];
	for (const url of urls) await expectSvg(url);
}

const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** `dist/nodes/Messenger/Messenger.node.js` -> `n8n-nodes-messenger.messenger` */
const expectedNodeTypes = pkg.n8n.nodes.map((file) => `${pkg.name}.${lowerFirst(path.basename(file, '.node.js'))}`);
const expectedCredentialTypes = pkg.n8n.credentials.map((file) => lowerFirst(path.basename(file, '.credentials.js')));

describe('the n8n editor loads the package', () => {
	it(`lists the package's ${expectedNodeTypes.length} nodes with light and dark SVG icons`, async () => {
		const nodes = await editorTypes('nodes');
		for (const name of expectedNodeTypes) {
			const node = nodes.find((n) => n.name === name);
			expect({ name, found: node !== undefined }).toEqual({ name, found: true });
			await expectIcons(node!);
		}
		// usableAsTool nodes also appear as AI-agent tools.
		expect(nodes.map((n) => n.name)).toContain(`${pkg.name}.messengerTool`);
	});

	it(`lists the package's ${expectedCredentialTypes.length} credential types with icons and the nodes that use them`, async () => {
		const credentials = await editorTypes('credentials');
		for (const name of expectedCredentialTypes) {
			const credential = credentials.find((c) => c.name === name) as (TypeDescription & { supportedNodes?: string[] }) | undefined;
			expect({ name, found: credential !== undefined }).toEqual({ name, found: true });
			await expectIcons(credential!);
			expect(credential!.supportedNodes?.length).toBeGreaterThan(0);
		}
	});
});
