// Parameters whose meaning depends on the provider, checked where the panel cannot protect them: the
// operation a resource has none of for this provider, and the Sender option, which keeps its value
// when the provider changes (one stored name, `options.sender`, for every provider).
import type { IExecuteFunctions } from 'n8n-workflow';

import { MESSENGER_CAPABILITIES, PROVIDER_LABELS, PROVIDERS } from '../shared/providers';
import { InputValidationError } from '../shared/model/input-error';
import type { OperationName, ProviderName } from '../shared/model/message';
import { resourceName } from './descriptions/operation';

/**
 * The operation, or an error naming the resource when this provider has no operation for it (the
 * panel then shows a notice in place of Operation, and n8n drops the hidden operation value).
 */
export function readOperation(fn: IExecuteFunctions, itemIndex: number): OperationName {
	const operation = fn.getNodeParameter('operation', itemIndex, '') as string;
	if (operation) return operation as OperationName;
	const provider = fn.getNodeParameter('provider', itemIndex) as ProviderName;
	const resource = String(fn.getNodeParameter('resource', itemIndex, ''));
	throw new InputValidationError(
		'resource',
		`${PROVIDER_LABELS[provider] ?? provider} cannot send a ${resourceName(resource).toLowerCase()}: choose another resource or provider`,
	);
}

/**
 * The Sender option as the provider reads it. CM.com and Graph take a Facebook page ID, which is all
 * digits; anything else there is most likely an Infobip application key left over from a provider
 * switch, and would be sent as the page. Infobip keys have no documented form, so they pass as typed.
 */
export function checkSenderOption(provider: ProviderName, sender: string): string {
	const value = sender.trim();
	if (MESSENGER_CAPABILITIES[provider].sender === 'pageId' && !/^\d+$/.test(value)) {
		// The panel calls the option Page where the credential can speak for many pages (descriptions/options.ts).
		const option = PROVIDERS[provider].send.senderTokens ? 'Page' : 'Sender';
		throw new InputValidationError(
			'sender',
			`Options > ${option} must be a Facebook page ID (digits only) for ${PROVIDER_LABELS[provider]}, not "${value}"; an Infobip application key belongs to the Infobip provider. Clear the option to use the credential's page ID`,
		);
	}
	return value;
}
