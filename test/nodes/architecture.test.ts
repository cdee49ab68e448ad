// The layering rule of ARCHITECTURE.md, checked on the source: nodes reach providers only through the
// registry (nodes/shared/providers/index.ts), and no provider is named outside the registry and the
// provider folders, so that a new provider is one folder and one registry row.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Workflow } from 'n8n-workflow';

import { setupMethodOf, setupUrlHiddenOf } from '../../nodes/MessengerTrigger/descriptions/webhooks';
import { PROVIDER_NAMES, PROVIDERS, UNSIGNED_PROVIDERS } from '../../nodes/shared/providers';
import { buildNodeTypes, PACKAGE_PREFIX, packageCredentialTypes } from '../harness/node-types';

const ROOT = path.join(__dirname, '..', '..');
const PROVIDERS_DIR = 'nodes/shared/providers/';

function sourceFiles(dir: string): string[] {
	return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const relative = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return sourceFiles(relative);
		return entry.name.endsWith('.ts') ? [relative] : [];
	});
}

const NODE_FILES = sourceFiles('nodes');
const OUTSIDE_PROVIDERS = NODE_FILES.filter((file) => !file.startsWith(PROVIDERS_DIR));

const PROVIDER_PATTERN = new RegExp(
	[
		// A provider's name as a value: 'meta', "cm".
		...PROVIDER_NAMES.map((name) => `['"]${name}['"]`),
		// A provider's row read by name: PROVIDERS.meta, MESSENGER_CAPABILITIES.infobip.
		...PROVIDER_NAMES.map((name) => `\\.${name}\\b`),
		// A provider's credential type.
		...PROVIDER_NAMES.map((name) => PROVIDERS[name].credentialType),
	].join('|'),
);

function namingLines(file: string): string[] {
	return readFileSync(path.join(ROOT, file), 'utf8')
		.split('\n')
		.map((line, index) => ({ line, number: index + 1 }))
		// Comments and prose may name providers; code may not.
		.filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line))
		.filter(({ line }) => PROVIDER_PATTERN.test(line))
		.map(({ line, number }) => `${file}:${number}: ${line.trim()}`);
}

/** A trigger's parameters as n8n resolves them for a workflow (defaults of the shown parameters filled). */
function triggerParameters(provider: string, typeVersion: number) {
	const workflow = new Workflow({
		nodes: [{ id: 't', name: 'Trigger', type: `${PACKAGE_PREFIX}.messengerTrigger`, typeVersion, position: [0, 0], parameters: { provider } }],
		connections: {},
		active: false,
		nodeTypes: buildNodeTypes(),
	});
	return workflow.nodes.Trigger.parameters;
}

describe('architecture: nodes -> registry -> providers', () => {
	it('finds the source files it checks', () => {
		expect(OUTSIDE_PROVIDERS).toContain('nodes/Messenger/Messenger.node.ts');
		expect(NODE_FILES).toContain(`${PROVIDERS_DIR}index.ts`);
	});

	it('no file outside nodes/shared/providers imports a provider folder: they go through the registry', () => {
		const folders = PROVIDER_NAMES.join('|');
		const deep = new RegExp(`from '[./]*(shared/)?providers/(${folders})/`);
		const offending = OUTSIDE_PROVIDERS.filter((file) => deep.test(readFileSync(path.join(ROOT, file), 'utf8')));
		expect(offending).toEqual([]);
	});

	it('no provider is named outside the registry and the provider folders', () => {
		const named = OUTSIDE_PROVIDERS.flatMap(namingLines);
		expect(named).toEqual([]);
	});

	it('catches a provider named in node code', () => {
		expect(PROVIDER_PATTERN.test("if (provider === 'meta') {")).toBe(true);
		expect(PROVIDER_PATTERN.test('const row = PROVIDERS.infobip;')).toBe(true);
		expect(PROVIDER_PATTERN.test("{ name: 'facebookPageMessengerApi', required: true }")).toBe(true);
		expect(PROVIDER_PATTERN.test("const label = 'metadata';")).toBe(false);
	});

	// The functions see the parameters as n8n holds them: the node type's defaults filled in.
	describe.each([1, 2, 3])('trigger version %i', (typeVersion) => {
		it.each(PROVIDER_NAMES)('%s: the serialized webhook functions treat it as the registry does', (provider) => {
			const parameters = triggerParameters(provider, typeVersion);
			const unsigned = UNSIGNED_PROVIDERS.includes(provider);
			expect({ method: setupMethodOf(parameters), hidden: setupUrlHiddenOf(parameters) }).toEqual({
				method: unsigned ? '' : 'GET',
				hidden: unsigned,
			});
		});
	});

	it.each(PROVIDER_NAMES)('%s: its row names a credential type that the package ships under that name', (provider) => {
		const shipped = [...packageCredentialTypes().values()].map((credential) => credential.name);
		expect(shipped).toContain(PROVIDERS[provider].credentialType);
	});

	it('every credential the package ships belongs to exactly one provider row', () => {
		const rows = PROVIDER_NAMES.map((provider) => PROVIDERS[provider].credentialType);
		expect([...packageCredentialTypes().values()].map((credential) => credential.name).sort()).toEqual([...new Set(rows)].sort());
	});
});
