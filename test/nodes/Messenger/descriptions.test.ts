import { RETIRED_OPERATIONS } from '../../../nodes/shared/providers';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Messenger } from '../../../nodes/Messenger/Messenger.node';
import { OPERATION_LABELS } from '../../../nodes/shared/model/capabilities';
import { MESSENGER_CAPABILITIES, PROVIDER_NAMES } from '../../../nodes/shared/providers';
import type { OperationName, ProviderName } from '../../../nodes/shared/model/message';
import { DEFAULT_RETRY_POLICY } from '../../../nodes/shared/retry';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../../../nodes/shared/provider-http';
import { SEND_SETTING_LIMITS } from '../../../nodes/Messenger/read-request';
import { nodeOf, resolved, visible } from './panel';

const node = new Messenger();
const { properties } = node.description;
const PROVIDERS: readonly ProviderName[] = PROVIDER_NAMES;

/** The operations the UI offers for a provider, across its resources. */
function offeredOperations(provider: ProviderName): string[] {
	const resources = visible({ provider }).find((p) => p.name === 'resource')?.options ?? [];
	return resources.flatMap((resource) => {
		const operation = visible({ provider, resource: (resource as { value: string }).value }).find((p) => p.name === 'operation');
		return (operation?.options ?? []).map((option) => (option as { value: string }).value);
	});
}

describe('Messenger node description', () => {
	it('is usable as an AI tool, with the three credentials each shown for its providers', () => {
		expect(node.description.usableAsTool).toBe(true);
		// Hidden for the others rather than shown for some: see nodes/Messenger/descriptions/provider.ts.
		// Infobip's two APIs share one credential, listed once.
		expect(node.description.credentials?.map((c) => [c.name, c.displayOptions?.hide?.provider])).toEqual([
			['infobipMessengerApi', ['cm', 'meta']],
			['cmComMessengerApi', ['infobip', 'infobipMessenger', 'meta']],
			['facebookPageMessengerApi', ['infobip', 'infobipMessenger', 'cm']],
		]);
	});

	it.each(PROVIDERS)('%s: the UI offers exactly the operations of the capability table', (provider) => {
		// Plus what the provider took away, kept and marked so a saved workflow explains itself.
		const retired = RETIRED_OPERATIONS[provider] ?? [];
		expect(offeredOperations(provider).sort()).toEqual([...MESSENGER_CAPABILITIES[provider].operations, ...retired].sort());
	});

	it('names every operation after the capability table\'s labels', () => {
		const names = new Map<string, string>();
		for (const property of properties.filter((p) => p.name === 'operation')) {
			for (const option of property.options ?? []) names.set((option as { value: string }).value, option.name.replace(/ \(Discontinued\)$/, ''));
		}
		for (const [operation, label] of Object.entries(OPERATION_LABELS)) expect(names.get(operation)).toBe(label);
	});

	it('hides what a provider cannot carry: recipient types, upload, tags, messaging type, quick replies', () => {
		const names = (values: INodeParameters) => visible(values).map((p) => p.name);
		expect(names({ provider: 'infobip', resource: 'message', operation: 'text' })).not.toContain('recipientType');
		expect(names({ provider: 'infobip', resource: 'message', operation: 'text' })).not.toContain('quickReplies');
		expect(names({ provider: 'cm', resource: 'message', operation: 'text' })).toContain('quickReplies');
		expect(names({ provider: 'cm', resource: 'message', operation: 'media' })).not.toContain('quickReplies');
		expect(names({ provider: 'meta', resource: 'message', operation: 'media' })).toContain('quickReplies');
		expect(names({ provider: 'cm', resource: 'message', operation: 'media' })).not.toContain('mediaSource');
		expect(names({ provider: 'meta', resource: 'message', operation: 'media' })).toEqual(expect.arrayContaining(['mediaSource', 'mediaUrl']));
		expect(names({ provider: 'meta', resource: 'message', operation: 'media', mediaSource: 'binary' })).toContain('binaryPropertyName');
		const option = (provider: ProviderName, name: string, operation = 'text') => {
			const options = visible({ provider, resource: 'message', operation }).find((p) => p.name === 'options')?.options ?? [];
			const parameters = resolved({ provider, resource: 'message', operation });
			return options.some(
				(o) => (o as INodeProperties).name === name && NodeHelpers.displayParameterPath(parameters, o as INodeProperties, 'options', nodeOf(parameters), node.description),
			);
		};
		expect(option('infobip', 'tag')).toBe(false);
		expect(option('cm', 'tag')).toBe(true);
		expect(option('meta', 'messagingType')).toBe(true);
		expect(option('cm', 'messagingType')).toBe(false);
	});

	it('Send Location: its own resource, with latitude, longitude, name and address, offered by the Infobip Messenger API only', () => {
		const names = visible({ provider: 'infobipMessenger', resource: 'location', operation: 'location' }).map((p) => p.name);
		expect(names).toEqual(expect.arrayContaining(['operation', 'recipientType', 'recipient', 'inputMode', 'latitude', 'longitude', 'locationName', 'locationAddress', 'quickReplies']));
		expect(names).not.toContain('text');
		for (const provider of ['infobip', 'cm', 'meta'] as const) {
			const shown = visible({ provider, resource: 'location' }).map((p) => p.name);
			expect(shown).toContain('locationUnsupported');
			expect(shown).not.toEqual(expect.arrayContaining(['latitude']));
		}
		// Coordinates are typed as text: an empty field must fail by name, not send 0, 0.
		const latitude = properties.find((p) => p.name === 'latitude');
		expect({ type: latitude?.type, default: latitude?.default, required: latitude?.required }).toEqual({ type: 'string', default: '', required: true });
	});

	it('a quick reply has a Type (Text, Phone Number, Email) where the provider takes more than text; title, payload and image show for Text only', () => {
		const replyValues = (provider: ProviderName) => {
			const collection = visible({ provider, resource: 'message', operation: 'quickReplies' }).find((p) => p.name === 'quickReplies');
			return (collection?.options?.[0] as { values: INodeProperties[] }).values;
		};
		for (const provider of ['infobipMessenger', 'meta'] as const) {
			const [type, ...own] = replyValues(provider);
			expect(type.name).toBe('type');
			expect(type.default).toBe('text');
			expect(type.options?.map((o) => (o as { value: string }).value)).toEqual(['text', 'phoneNumber', 'email']);
			expect(own.map((value) => [value.name, value.displayOptions?.show?.type])).toEqual([
				['title', ['text']],
				['payload', ['text']],
				['imageUrl', ['text']],
			]);
		}
		// CM.com takes text quick replies only: no Type to choose, as before.
		expect(replyValues('cm').map((value) => value.name)).toEqual(['title', 'payload', 'imageUrl']);
	});

	it('the Infobip Messenger API offers Recipient Type PSID or Comment ID (PSID by default), not for a sender action', () => {
		const recipientType = (values: INodeParameters) => visible(values).find((p) => p.name === 'recipientType');
		const shown = recipientType({ provider: 'infobipMessenger', resource: 'message', operation: 'text' });
		expect(shown?.options?.map((o) => (o as { value: string }).value)).toEqual(['psid', 'commentId']);
		expect(shown?.default).toBe('psid');
		expect(recipientType({ provider: 'infobipMessenger', resource: 'senderAction', operation: 'senderAction' })).toBeUndefined();
	});

	it('reads no parameter the description does not define', () => {
		const defined = new Set(properties.map((p) => p.name));
		const read = ['provider', 'resource', 'operation', 'recipientType', 'recipient', 'inputMode', 'messageJson', 'text', 'quickReplies', 'mediaType',
			'mediaSource', 'mediaUrl', 'binaryPropertyName', 'attachmentId', 'buttons', 'cardTitle', 'cardSubtitle', 'cardImageUrl', 'cardDefaultActionUrl',
			'cards', 'productIds', 'senderAction', 'optInTitle', 'optInPayload', 'optInImageUrl', 'latitude', 'longitude', 'locationName', 'locationAddress', 'options'];
		for (const name of read) expect(defined.has(name)).toBe(true);
	});

	it('defaults the retry options to DEFAULT_RETRY_POLICY', () => {
		const options = properties.find((p) => p.name === 'options')?.options as INodeProperties[];
		const value = (name: string) => options.find((o) => o.name === name)?.default;
		expect(value('maxRetries')).toBe(DEFAULT_RETRY_POLICY.maxRetries);
		expect(value('retryDelay')).toBe(DEFAULT_RETRY_POLICY.initialDelayMs);
		expect(value('maxRetryWait')).toBe(DEFAULT_RETRY_POLICY.maxDelayMs / 1000);
		expect(value('timeout')).toBe(DEFAULT_PROVIDER_TIMEOUT_MS);
	});

	it('gives the number options the limits the node checks expressions against', () => {
		const options = properties.find((p) => p.name === 'options')?.options as INodeProperties[];
		for (const [name, limits] of Object.entries(SEND_SETTING_LIMITS)) {
			const option = options.find((o) => o.name === name);
			expect(option?.typeOptions).toEqual({ minValue: limits.min, maxValue: limits.max });
			expect(option?.description).toContain(limits.max.toLocaleString('en-US'));
		}
	});

	it('every operation can be given as JSON except sender actions', () => {
		const all = Object.keys(OPERATION_LABELS) as OperationName[];
		for (const operation of all) {
			const names = visible({ provider: 'meta', resource: 'message', operation }).map((p) => p.name);
			expect(names.includes('inputMode')).toBe(operation !== 'senderAction');
		}
	});
});
