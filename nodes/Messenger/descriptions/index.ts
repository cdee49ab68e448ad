import type { INodeProperties } from 'n8n-workflow';

import { OPERATION_LABELS } from '../../shared/model/capabilities';
import { PROVIDER_LABELS } from '../../shared/providers';

import { actionProperties } from './action';
import { inputModeProperty, locationProperties, mediaProperties, messageJsonProperty, textProperties } from './message';
import { operationProperties } from './operation';
import { optionsProperty } from './options';
import { providerProperty } from './provider';
import { recipientProperties } from './recipient';
import { templateProperties } from './template';

export { credentialsForProviders } from './provider';

/**
 * The canvas subtitle, e.g. "Send Text via CM.com": n8n evaluates it as an expression over the node's
 * parameters, so the labels travel inside it as lookup tables (the stored values are internal names).
 */
export const messengerSubtitle = `={{ (${JSON.stringify(OPERATION_LABELS)})[$parameter["operation"]] + " via " + (${JSON.stringify(PROVIDER_LABELS)})[$parameter["provider"]] }}`;

/** The node's parameters, in the order the UI shows them. */
export const messengerProperties: INodeProperties[] = [
	providerProperty,
	...operationProperties,
	...recipientProperties,
	inputModeProperty,
	messageJsonProperty,
	...textProperties,
	...mediaProperties,
	...locationProperties,
	...templateProperties,
	...actionProperties,
	optionsProperty,
];
