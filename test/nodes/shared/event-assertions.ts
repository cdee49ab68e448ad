import type { MessengerEvent } from '../../../nodes/shared/model/event';
import { EVENT_TYPES } from '../../../nodes/shared/model/event';
import { isProviderName } from '../../../nodes/shared/providers';

const KEYS = [
	'provider',
	'eventType',
	'pageId',
	'senderId',
	'recipientId',
	'timestamp',
	'messageId',
	'text',
	'attachments',
	'quickReplyPayload',
	'postbackPayload',
	'isEcho',
	'userRef',
	'standby',
	'inReplyTo',
	'callbackData',
	'status',
	'errorCode',
	'errorDescription',
	'editCount',
	'reaction',
	'referral',
	'optin',
	'raw',
].sort();

const NESTED_KEYS: Record<'reaction' | 'referral' | 'optin', string[]> = {
	reaction: ['action', 'emoji', 'reaction', 'messageId'],
	referral: ['ref', 'source', 'type', 'adId'],
	optin: ['type', 'ref', 'payload', 'notificationToken', 'tokenExpiresAt'],
};

const STATUSES = ['accepted', 'delivered', 'read', 'failed', 'unknown'];

const nullableString = (value: unknown) => value === null || typeof value === 'string';

/**
 * The normalized shape, checked without jest matchers so property tests can use it as a predicate:
 * returns the first violation, or undefined.
 */
export function eventShapeViolation(event: MessengerEvent): string | undefined {
	const keys = Object.keys(event).sort();
	if (JSON.stringify(keys) !== JSON.stringify(KEYS)) return `keys ${keys.join(',')}`;
	if (!isProviderName(event.provider)) return `provider ${event.provider}`;
	if (!(EVENT_TYPES as readonly string[]).includes(event.eventType)) return `eventType ${event.eventType}`;
	for (const key of [
		'pageId',
		'senderId',
		'recipientId',
		'messageId',
		'text',
		'quickReplyPayload',
		'postbackPayload',
		'userRef',
		'inReplyTo',
		'callbackData',
		'errorCode',
		'errorDescription',
	] as const) {
		if (!nullableString(event[key])) return `${key} is ${typeof event[key]}`;
	}
	if (typeof event.standby !== 'boolean') return 'standby';
	if (event.status !== null && !STATUSES.includes(event.status)) return `status ${String(event.status)}`;
	if (event.editCount !== null && !Number.isInteger(event.editCount)) return 'editCount';
	for (const key of ['reaction', 'referral', 'optin'] as const) {
		const nested = event[key] as Record<string, unknown> | null;
		if (nested === null) continue;
		if (JSON.stringify(Object.keys(nested).sort()) !== JSON.stringify([...NESTED_KEYS[key]].sort())) return `${key} keys`;
		for (const [name, value] of Object.entries(nested)) {
			if (!nullableString(value)) return `${key}.${name} is ${typeof value}`;
		}
	}
	if (event.timestamp !== null && (typeof event.timestamp !== 'string' || Number.isNaN(Date.parse(event.timestamp)))) {
		return `timestamp ${String(event.timestamp)}`;
	}
	if (event.timestamp !== null && new Date(event.timestamp).toISOString() !== event.timestamp) return 'timestamp not ISO';
	if (typeof event.isEcho !== 'boolean') return 'isEcho';
	if (!Array.isArray(event.attachments)) return 'attachments';
	for (const attachment of event.attachments) {
		if (typeof attachment.type !== 'string') return 'attachment.type';
		if (JSON.stringify(Object.keys(attachment).sort()) !== JSON.stringify(['coordinates', 'mimeType', 'name', 'stickerId', 'type', 'url'])) {
			return 'attachment keys';
		}
		if (
			!nullableString(attachment.url) ||
			!nullableString(attachment.mimeType) ||
			!nullableString(attachment.name) ||
			!nullableString(attachment.stickerId)
		) {
			return 'attachment fields';
		}
	}
	return undefined;
}

export function expectEventShape(event: MessengerEvent): void {
	expect(eventShapeViolation(event)).toBeUndefined();
}
