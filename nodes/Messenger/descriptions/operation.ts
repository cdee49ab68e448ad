import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { OPERATION_LABELS } from '../../shared/model/capabilities';
import { DEFAULT_PROVIDER, MESSENGER_CAPABILITIES, PROVIDER_LABELS, PROVIDER_NAMES, RETIRED_OPERATIONS } from '../../shared/providers';
import type { OperationName, ProviderName } from '../../shared/model/message';

type Resource = 'message' | 'template' | 'location' | 'senderAction' | 'marketing';

/**
 * The UI groups operations into resources (n8n's pattern for nodes with more than a handful). n8n's node
 * picker lists the actions from these names: each resource becomes a group "<name> Actions", each
 * operation an entry named by its `action` (editor-ui nodeCreator composables/useActionsGeneration.ts).
 */
const RESOURCES: ReadonlyArray<{
	value: Resource;
	name: string;
	description: string;
	operations: ReadonlyArray<[OperationName, string]>;
}> = [
	{
		value: 'message',
		name: 'Message',
		description: 'Text, media and quick replies',
		operations: [
			['text', 'Send a text message'],
			['media', 'Send an image, audio, video or file'],
			['quickReplies', 'Send a prompt with quick replies'],
		],
	},
	{
		value: 'template',
		name: 'Template',
		description: 'Buttons, cards, carousels, media and product templates',
		operations: [
			['buttonTemplate', 'Send a button template'],
			['genericTemplate', 'Send a generic template'],
			['carousel', 'Send a carousel of cards'],
			['mediaTemplate', 'Send a media template'],
			['productTemplate', 'Send a product template'],
		],
	},
	{
		// A resource of its own: n8n's picker lists a resource's actions from its first provider's
		// operation list, and Meta (first for Message) no longer sends locations.
		value: 'location',
		name: 'Location',
		description: 'A place on a map (Infobip Messenger API)',
		operations: [['location', 'Send a location']],
	},
	{
		value: 'senderAction',
		name: 'Chat Indicator',
		description: 'Typing indicator and read receipt (Infobip and Meta Graph API)',
		operations: [['senderAction', 'Show typing or mark as seen']],
	},
	{
		value: 'marketing',
		name: 'Marketing Message',
		description: 'Opt-in requests for marketing messages (CM.com and Meta Graph API)',
		operations: [['optInRequest', 'Send a marketing opt-in request']],
	},
];

/**
 * Meta's Graph API carries every operation, so its operation lists come first: n8n's picker builds each
 * resource's actions from the first `operation` parameter that shows for that resource, and an action
 * picked there sets the first value of each of that parameter's show conditions (provider: meta, the
 * default anyway).
 */
const PROVIDER_ORDER: readonly ProviderName[] = [
	DEFAULT_PROVIDER,
	...PROVIDER_NAMES.filter((name) => name !== DEFAULT_PROVIDER).sort(
		(a, b) => MESSENGER_CAPABILITIES[b].operations.length - MESSENGER_CAPABILITIES[a].operations.length,
	),
];

function supported(provider: ProviderName, operation: OperationName): boolean {
	return MESSENGER_CAPABILITIES[provider].operations.includes(operation);
}

function retired(provider: ProviderName, operation: OperationName): boolean {
	return RETIRED_OPERATIONS[provider].includes(operation);
}

/** Shown in the panel: what the provider carries, and what it took away (kept so saved workflows explain). */
function listed(provider: ProviderName, operation: OperationName): boolean {
	return supported(provider, operation) || retired(provider, operation);
}

/** The resources a provider lists none of, e.g. marketing messages on Infobip. */
export function unsupportedResources(provider: ProviderName): Resource[] {
	return RESOURCES.filter((resource) => !resource.operations.some(([op]) => listed(provider, op))).map((r) => r.value);
}

export function resourceName(value: string): string {
	return RESOURCES.find((resource) => resource.value === value)?.name ?? value;
}

/**
 * Providers that still carry one of the resource's operations first: n8n's picker takes a resource's
 * actions from the first `operation` parameter shown for it, so a discontinued one (Meta's opt-in
 * request) never becomes the picker's entry while another provider carries it.
 */
function providersFor(resource: (typeof RESOURCES)[number]): ProviderName[] {
	const carries = (provider: ProviderName) => resource.operations.some(([op]) => supported(provider, op));
	return [...PROVIDER_ORDER.filter(carries), ...PROVIDER_ORDER.filter((provider) => !carries(provider))];
}

/**
 * One `resource` parameter for all providers (several would repeat every action in n8n's picker), and
 * one `operation` parameter per provider and resource, each listing only what the capability table
 * allows: an operation a provider cannot carry never shows up, except one the provider took away
 * (RETIRED_OPERATIONS), kept and marked. A resource a provider has no operation for shows a notice.
 */
function buildOperationProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: RESOURCES.map(({ name, value, description }) => ({ name, value, description })),
			default: 'message',
		},
	];
	for (const resource of RESOURCES) {
		for (const provider of providersFor(resource)) {
			const options: INodePropertyOptions[] = resource.operations
				.filter(([op]) => listed(provider, op))
				.map(([op, action]) => ({
					name: retired(provider, op) ? `${OPERATION_LABELS[op]} (Discontinued)` : OPERATION_LABELS[op],
					value: op,
					action: retired(provider, op) ? `${action} (discontinued by the provider)` : action,
				}));
			if (!options.length) {
				properties.push({
					displayName: `${PROVIDER_LABELS[provider]} cannot send a ${resource.name.toLowerCase()}: choose another resource or provider`,
					name: `${resource.value}Unsupported`,
					type: 'notice',
					default: '',
					displayOptions: { show: { provider: [provider], resource: [resource.value] } },
				});
				continue;
			}
			properties.push({
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { provider: [provider], resource: [resource.value] } },
				options,
				default: String(options[0].value),
			});
		}
	}
	return properties;
}

export const operationProperties: INodeProperties[] = buildOperationProperties();
