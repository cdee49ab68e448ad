import type { MessengerEvent } from '../../../nodes/shared/model/event';
import { EVENT_TYPES } from '../../../nodes/shared/model/event';

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
	'raw',
].sort();

const nullableString = (value: unknown) => value === null || typeof value === 'string';

/**
 * The normalized shape, checked without jest matchers so property tests can use it as a predicate:
 * returns the first violation, or undefined.
 */
export function eventShapeViolation(event: MessengerEvent): string | undefined {
	const keys = Object.keys(event).sort();
	if (JSON.stringify(keys) !== JSON.stringify(KEYS)) return `keys ${keys.join(',')}`;
	if (!['meta', 'infobip', 'cm'].includes(event.provider)) return `provider ${event.provider}`;
	if (!(EVENT_TYPES as readonly string[]).includes(event.eventType)) return `eventType ${event.eventType}`;
	for (const key of ['pageId', 'senderId', 'recipientId', 'messageId', 'text', 'quickReplyPayload', 'postbackPayload'] as const) {
		if (!nullableString(event[key])) return `${key} is ${typeof event[key]}`;
	}
	if (event.timestamp !== null && (typeof event.timestamp !== 'string' || Number.isNaN(Date.parse(event.timestamp)))) {
		return `timestamp ${String(event.timestamp)}`;
	}
	if (event.timestamp !== null && new Date(event.timestamp).toISOString() !== event.timestamp) return 'timestamp not ISO';
	if (typeof event.isEcho !== 'boolean') return 'isEcho';
	if (!Array.isArray(event.attachments)) return 'attachments';
	for (const attachment of event.attachments) {
		if (typeof attachment.type !== 'string') return 'attachment.type';
		if (!nullableString(attachment.url) || !nullableString(attachment.mimeType) || !nullableString(attachment.name)) {
			return 'attachment fields';
		}
	}
	return undefined;
}

export function expectEventShape(event: MessengerEvent): void {
	expect(eventShapeViolation(event)).toBeUndefined();
}
