import type { INodeProperties } from 'n8n-workflow';

import { actionProperties } from './action';
import { inputModeProperty, mediaProperties, messageJsonProperty, textProperties } from './message';
import { operationProperties } from './operation';
import { optionsProperty } from './options';
import { providerProperty } from './provider';
import { recipientProperties } from './recipient';
import { templateProperties } from './template';

export { credentialsForProviders } from './provider';

/** The node's parameters, in the order the UI shows them. */
export const messengerProperties: INodeProperties[] = [
	providerProperty,
	...operationProperties,
	...recipientProperties,
	inputModeProperty,
	messageJsonProperty,
	...textProperties,
	...mediaProperties,
	...templateProperties,
	...actionProperties,
	optionsProperty,
];
