// What n8n's editor makes of the send node's description: the provider field, the credential shown,
// the node picker's actions, the canvas subtitle and the help on each field (test/support/n8n-editor.ts
// restates the editor's rules, each with the n8n source it follows).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { deepCopy, NodeHelpers, Workflow } from 'n8n-workflow';

import { CmComMessengerApi } from '../../../credentials/CmComMessengerApi.credentials';
import { FacebookPageMessengerApi } from '../../../credentials/FacebookPageMessengerApi.credentials';
import { InfobipMessengerApi } from '../../../credentials/InfobipMessengerApi.credentials';
import { Messenger } from '../../../nodes/Messenger/Messenger.node';
import { infobipApplicationLocator } from '../../../nodes/MessengerApplication/descriptions/application-locator';
import { OPERATION_LABELS } from '../../../nodes/shared/model/capabilities';
import { MESSENGER_CAPABILITIES, PROVIDER_NAMES } from '../../../nodes/shared/providers';
import { RETIRED_OPERATIONS } from '../../../nodes/shared/providers';
import type { ProviderName } from '../../../nodes/shared/model/message';
import { buildNodeTypes } from '../../harness/node-types';
import { authRelatedParameters, mainAuthField, modeLabel, pickerActions } from '../../support/n8n-editor';
import { nodeOf, resolved, visible } from './panel';

const description = new Messenger().description;
const PROVIDERS: readonly ProviderName[] = PROVIDER_NAMES;

/** The AI-tool variant as n8n derives it from a usableAsTool node (cli's convertNodeToAiTool): same credentials and parameters. */
function toolVariant(source: INodeTypeDescription): INodeTypeDescription {
	const tool = deepCopy(source);
	tool.name += 'Tool';
	tool.displayName += ' Tool';
	tool.properties = [
		{ displayName: 'Tool Description', name: 'descriptionType', type: 'options', options: [{ name: 'Set Automatically', value: 'auto' }], default: 'auto' },
		{ displayName: 'Description', name: 'toolDescription', type: 'string', default: source.description },
		...tool.properties,
	];
	return tool;
}

describe('Messenger node in n8n\'s editor', () => {
	it.each([
		['the node', description],
		['its AI tool', toolVariant(description)],
	])('%s: Provider is a panel field, not folded into the credential box', (_name, variant) => {
		expect(mainAuthField(variant)).toBeUndefined();
		expect(authRelatedParameters(variant)).not.toContain('provider');
		expect(visible({}).map((p) => p.name)).toContain('provider');
	});

	it('the old credential conditions (shown per provider) were folded: the regression this guards', () => {
		const old = deepCopy(description);
		old.credentials = old.credentials?.map((credential) => ({
			...credential,
			displayOptions: { show: { provider: PROVIDERS.filter((p) => !credential.displayOptions?.hide?.provider?.includes(p)) } },
		}));
		expect(mainAuthField(old)?.name).toBe('provider');
	});

	it.each(PROVIDERS)('%s: exactly its own credential is asked for, in the editor and at run time', (provider) => {
		const parameters = resolved({ provider });
		const shown = (description.credentials ?? []).filter((credential) =>
			NodeHelpers.displayParameter(parameters, credential, nodeOf(parameters), description),
		);
		const expected = { infobip: 'infobipMessengerApi', infobipMessenger: 'infobipMessengerApi', cm: 'cmComMessengerApi', meta: 'facebookPageMessengerApi' }[provider];
		expect(shown.map((credential) => credential.name)).toEqual([expected]);
	});

	it('the picker lists each operation once, under a readable group, and a pick selects a provider that carries it (Meta, the default, where it does)', () => {
		const actions = pickerActions(description);
		const operations = actions.map((action) => action.values.operation);
		expect(operations.sort()).toEqual(Object.keys(OPERATION_LABELS).sort());
		expect(new Set(actions.map((action) => action.displayName)).size).toBe(actions.length);
		expect([...new Set(actions.map((action) => action.group))]).toEqual([
			'Message Actions',
			'Template Actions',
			'Location Actions',
			'Chat Indicator Actions',
			'Marketing Message Actions',
		]);
		for (const action of actions) {
			const provider = action.values.provider as ProviderName;
			expect({ operation: action.values.operation, carried: MESSENGER_CAPABILITIES[provider].operations.includes(action.values.operation as never) }).toEqual({
				operation: action.values.operation,
				carried: true,
			});
			if (MESSENGER_CAPABILITIES.meta.operations.includes(action.values.operation as never)) expect(provider).toBe('meta');
		}
		expect(actions.find((action) => action.values.operation === 'quickReplies')?.displayName).toBe('Send a prompt with quick replies');
	});

	it('a picked action opens with its operation in the panel', () => {
		for (const action of pickerActions(description)) {
			const operation = visible(action.values as INodeParameters).find((p) => p.name === 'operation');
			expect(resolved(action.values as INodeParameters).operation).toBe(action.values.operation);
			expect(operation).toBeDefined();
		}
	});

	it.each(PROVIDERS)('%s: a resource it has no operation for shows a notice instead of Operation', (provider) => {
		for (const resource of ['message', 'template', 'location', 'senderAction', 'marketing']) {
			const names = visible({ provider, resource }).map((p) => p.name);
			// Listed: what the provider carries, and what it discontinued (kept so saved workflows explain).
			const listedOps = [...MESSENGER_CAPABILITIES[provider].operations, ...(RETIRED_OPERATIONS[provider] ?? [])];
			const carried = listedOps.some((op) =>
				description.properties.some(
					(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource) && p.options?.some((o) => 'value' in o && o.value === op),
				),
			);
			expect({ resource, operation: names.includes('operation') }).toEqual({ resource, operation: carried });
			expect({ resource, notice: names.includes(`${resource}Unsupported`) }).toEqual({ resource, notice: !carried });
		}
	});

	it('the canvas subtitle shows labels, not stored values', () => {
		const cases: Array<[INodeParameters, string]> = [
			[{ provider: 'cm', resource: 'message', operation: 'text' }, 'Send Text via CM.com'],
			[{ provider: 'meta', resource: 'template', operation: 'carousel' }, 'Send Carousel via Meta Graph API'],
			[{ provider: 'infobip', resource: 'senderAction', operation: 'senderAction' }, 'Send Sender Action via Infobip'],
		];
		for (const [parameters, subtitle] of cases) {
			const node = { ...nodeOf(parameters), type: 'n8n-nodes-messenger.messenger' };
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: buildNodeTypes() });
			expect(workflow.expression.getSimpleParameterValue(node, description.subtitle as string, 'internal', {})).toBe(subtitle);
		}
	});

	it('the Sender option says which sender each provider reads', () => {
		const senderLabel = (provider: ProviderName) => {
			const parameters = resolved({ provider });
			const options = (description.properties.find((p) => p.name === 'options')?.options ?? []) as INodeProperties[];
			return options
				.filter((o) => o.name === 'sender' && NodeHelpers.displayParameterPath(parameters, o, 'options', nodeOf(parameters), description))
				.map((o) => o.displayName);
		};
		expect(senderLabel('infobip')).toEqual(['Sender (Application Key)']);
		expect(senderLabel('cm')).toEqual(['Sender (Page ID)']);
		expect(senderLabel('meta')).toEqual(['Page']);
	});

	it('fields carry help: quick-reply placeholders, a JSON hint without README references, a recipient tooltip that fits every provider', () => {
		const quickReplies = description.properties.find((p) => p.name === 'quickReplies');
		const reply = (quickReplies?.options?.[0] as { values: INodeProperties[] }).values;
		for (const name of ['title', 'payload']) expect(reply.find((v) => v.name === name)?.placeholder).toBeTruthy();
		const json = description.properties.find((p) => p.name === 'messageJson');
		expect(`${json?.description} ${json?.hint}`).not.toMatch(/README/);
		expect(json?.hint).toContain('quickReplies');
		const recipient = description.properties.find((p) => p.name === 'recipient');
		expect(recipient?.description).not.toMatch(/as chosen above/);
		expect(recipient?.description).toContain('Where Recipient Type is offered');
	});
});

describe('credential fields in n8n\'s credential window', () => {
	const field = (properties: INodeProperties[], name: string) => properties.find((p) => p.name === name);

	it('every field a user types has a description', () => {
		const wanted: Array<[INodeProperties[], string[]]> = [
			[new FacebookPageMessengerApi().properties, ['pageId', 'accessToken', 'graphApiVersion', 'baseUrl']],
			[new CmComMessengerApi().properties, ['productToken', 'baseUrl']],
			[new InfobipMessengerApi().properties, ['baseUrl', 'apiKey']],
		];
		for (const [properties, names] of wanted) {
			for (const name of names) expect({ name, described: Boolean(field(properties, name)?.description) }).toEqual({ name, described: true });
		}
	});

	it('Infobip\'s Base URL starts empty, so its per-account placeholder is what the user sees', () => {
		const baseUrl = field(new InfobipMessengerApi().properties, 'baseUrl');
		expect(baseUrl?.default).toBe('');
		expect(baseUrl?.placeholder).toBe('https://xxxxx.api.infobip.com');
		expect(baseUrl?.required).toBe(true);
	});
});

describe('the application picker\'s modes as n8n labels them', () => {
	it('the README names each mode with the label n8n shows', () => {
		const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
		for (const mode of infobipApplicationLocator().modes ?? []) {
			const label = modeLabel(mode);
			expect({ mode: mode.name, inReadme: readme.includes(`*${label}*`) || readme.includes(`**${label}**`) }).toEqual({ mode: mode.name, inReadme: true });
		}
	});
});
