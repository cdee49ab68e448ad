import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MESSENGER_CAPABILITIES, OPERATION_LABELS } from '../../shared/model/capabilities';
import type { OperationName, ProviderName } from '../../shared/model/message';
import { RETIRED_OPERATIONS } from '../../shared/model/provider-changes';

type Resource = 'message' | 'template' | 'senderAction' | 'marketing';

/** The UI groups operations into resources (n8n's pattern for nodes with more than a handful). */
const RESOURCES: ReadonlyArray<{ value: Resource; name: string; operations: ReadonlyArray<[OperationName, string]> }> = [
	{
		value: 'message',
		name: 'Message',
		operations: [
			['text', 'Send a text message'],
			['media', 'Send an image, audio, video or file'],
			['quickReplies', 'Send a prompt with quick replies'],
		],
	},
	{
		value: 'template',
		name: 'Template',
		operations: [
			['buttonTemplate', 'Send a button template'],
			['genericTemplate', 'Send a generic template'],
			['carousel', 'Send a carousel of cards'],
			['mediaTemplate', 'Send a media template'],
			['productTemplate', 'Send a product template'],
		],
	},
	{ value: 'senderAction', name: 'Sender Action', operations: [['senderAction', 'Send a sender action']] },
	{ value: 'marketing', name: 'Marketing Message', operations: [['optInRequest', 'Send a marketing opt-in request']] },
];

const PROVIDER_ORDER: readonly ProviderName[] = ['infobip', 'cm', 'meta'];

function supported(provider: ProviderName, operation: OperationName): boolean {
	return MESSENGER_CAPABILITIES[provider].operations.includes(operation);
}

function retired(provider: ProviderName, operation: OperationName): boolean {
	return RETIRED_OPERATIONS[provider]?.includes(operation) ?? false;
}

function listed(provider: ProviderName, operation: OperationName): boolean {
	return supported(provider, operation) || retired(provider, operation);
}

/**
 * One `resource` property per provider and one `operation` property per provider and resource, each
 * listing only what the capability table allows: an operation a provider cannot carry never shows up,
 * except one the provider took away (RETIRED_OPERATIONS), kept and marked so saved workflows explain.
 */
function buildOperationProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [];
	for (const provider of PROVIDER_ORDER) {
		const resources = RESOURCES.filter((resource) => resource.operations.some(([op]) => listed(provider, op)));
		properties.push({
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { provider: [provider] } },
			options: resources.map((resource) => ({ name: resource.name, value: resource.value })),
			default: 'message',
		});
		for (const resource of resources) {
			const options: INodePropertyOptions[] = resource.operations
				.filter(([op]) => listed(provider, op))
				.map(([op, action]) => ({
					name: retired(provider, op) ? `${OPERATION_LABELS[op]} (Discontinued)` : OPERATION_LABELS[op],
					value: op,
					action: retired(provider, op) ? `${action} (discontinued by the provider)` : action,
				}));
			const firstOperation = String(options[0].value);
			properties.push({
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { provider: [provider], resource: [resource.value] } },
				options,
				default: firstOperation,
			});
		}
	}
	return properties;
}

export const operationProperties: INodeProperties[] = buildOperationProperties();
