// "Trigger On" entries every provider's list ends with (the providers' trigger-description.ts files).
import type { INodePropertyOptions } from 'n8n-workflow';

export const TEXT_CHOICE: INodePropertyOptions = { name: 'Text Message', value: 'text', description: 'A text message from the user' };

export const UNKNOWN_CHOICE: INodePropertyOptions = {
	name: 'Unknown',
	value: 'unknown',
	description: 'Anything well-formed this node does not recognise, passed as is',
};
