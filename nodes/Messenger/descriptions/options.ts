import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MESSENGER_LIMITS } from '../../shared/providers';
import { MESSAGE_TAGS } from '../../shared/model/message-tags';
import { ALL_PROVIDERS, providersWhere, showOptionFor } from './display';
import { CONTENT_OPERATIONS } from './message';

// The defaults and limits below are literals for n8n's lint; a test checks them against
// DEFAULT_RETRY_POLICY, DEFAULT_PROVIDER_TIMEOUT_MS and SEND_SETTING_LIMITS.
export const DEFAULT_CONCURRENCY = 10;

/** Every tag of the limits table (from the one tag table), each offered to the providers that list it. */
function tagOptions(): INodePropertyOptions[] {
	const tags = [...new Set(ALL_PROVIDERS.flatMap((provider) => MESSENGER_LIMITS[provider].messageTags))];
	return tags.map((tag) => ({ name: tag, value: tag, description: MESSAGE_TAGS[tag].description }));
}

// Tags and messaging type apply to messages; an opt-in request is sent without them.
const sendOperations = CONTENT_OPERATIONS.filter((operation) => operation !== 'optInRequest');

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 10,
			description: 'How many items are sent at the same time; lower it if the provider rate-limits you',
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			displayOptions: showOptionFor(['media', 'mediaTemplate']),
			description:
				'The media\'s file name with its extension; taken from the URL or the binary file when empty (CM.com needs the extension)',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description:
				'Retries (0 to 10) when the provider answers 429, 503 or a temporary error (Graph 1200); never after the provider accepted the message',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 3600 },
			default: 60,
			description: 'The longest single wait (1 to 3,600 s); an item whose Retry-After asks for more fails instead',
		},
		{
			displayName: 'Message Tag',
			name: 'tag',
			type: 'options',
			displayOptions: showOptionFor(sendOperations, providersWhere((capabilities) => capabilities.messageTags)),
			options: tagOptions(),
			default: 'HUMAN_AGENT',
			description: 'Allows a personal update outside the 24-hour window, for the use the tag names only',
		},
		{
			displayName: 'Messaging Type',
			name: 'messagingType',
			type: 'options',
			displayOptions: showOptionFor(sendOperations, providersWhere((capabilities) => capabilities.messagingType)),
			options: [
				{ name: 'Response', value: 'RESPONSE', description: 'A reply inside the 24-hour window' },
				{ name: 'Update', value: 'UPDATE', description: 'A proactive message inside the 24-hour window' },
			],
			default: 'RESPONSE',
			description: 'Graph\'s messaging_type; a message tag always sends MESSAGE_TAG',
		},
		{
			displayName: 'MIME Type',
			name: 'mimeType',
			type: 'string',
			default: '',
			placeholder: 'image/png',
			displayOptions: showOptionFor(['media', 'mediaTemplate']),
			description: 'Derived from the file name when empty',
		},
		{
			displayName: 'Opt-In Frequency',
			name: 'frequency',
			type: 'options',
			displayOptions: showOptionFor(['optInRequest']),
			options: [{ name: 'Daily', value: 'DAILY' }],
			default: 'DAILY',
		},
		{
			displayName: 'Opt-In Re-Opt-In',
			name: 'reoptin',
			type: 'boolean',
			default: true,
			displayOptions: showOptionFor(['optInRequest']),
			description: 'Whether to ask the user again automatically when the subscription ends',
		},
		{
			displayName: 'Opt-In Timezone',
			name: 'timezone',
			type: 'string',
			default: '',
			placeholder: 'Europe/Amsterdam',
			displayOptions: showOptionFor(['optInRequest']),
			description: 'The timezone the daily window is counted in; UTC when empty',
		},
		{
			displayName: 'Retry Initial Delay (Ms)',
			name: 'retryDelay',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 3600000 },
			default: 1000,
			description:
				'The first backoff delay (0 to 3,600,000 ms); it doubles with each retry, and a Retry-After never shortens it',
		},
		{
			displayName: 'Reusable Attachment',
			name: 'reusable',
			type: 'boolean',
			default: false,
			displayOptions: showOptionFor(['media', 'mediaTemplate'], providersWhere((capabilities) => capabilities.mediaSources.includes('binary'))),
			description: 'Whether Meta keeps the media so its attachment ID can be sent again',
		},
		// One stored name for both meanings, so saved workflows keep their sender; the label says which
		// one this provider reads, and a page ID that is not one is refused when the node runs.
		{
			displayName: 'Sender (Application Key)',
			name: 'sender',
			type: 'string',
			default: '',
			placeholder: 'e.g. 0F3C3F29829FAB88714BA205BEC6D28F',
			displayOptions: { show: { '/provider': providersWhere((capabilities) => capabilities.sender === 'applicationKey') } },
			description: 'The Infobip application key to send from, instead of the credential\'s Default Sender',
		},
		{
			displayName: 'Sender (Page ID)',
			name: 'sender',
			type: 'string',
			default: '',
			placeholder: 'e.g. 100000000000001',
			displayOptions: { show: { '/provider': providersWhere((capabilities) => capabilities.sender === 'pageId') } },
			description: 'The Facebook page ID (digits) to send from, instead of the credential\'s page ID',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 300000 },
			default: 30000,
			description:
				'Time in ms (up to 300,000) to wait for the provider\'s answer to each request; a send that times out may have been delivered and is not retried',
		},
	],
};
