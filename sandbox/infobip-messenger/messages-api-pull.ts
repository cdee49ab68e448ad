// GET /messages-api/1/inbound (Messages API operation get-messages-api-inbound-messages), channel
// MESSENGER: answer schema MessagesApiIncomingMessageResponse {results: MessagesApiMoEvent[],
// messageCount?, pendingMessageCount?}. "Each request will return a batch of received messages, only
// once." Query: channel (required, InboundMoGetEndpointChannel), limit ("If not set, last 50 records are
// returned. Maximum limit is 1000 and you can only access messages for the last 48h"), applicationId,
// entityId, campaignReferenceId.
// An event (MessagesApiMoEvent): {event: "MO", channel, sender (user PSID), destination (page), content:
// [MessagesApiMoEventContent], receivedAt, messageId, messageCount, platform?}. Content types used for
// Messenger: TEXT {text, cleanText}, IMAGE / AUDIO / VIDEO / FILE / URL {url}, BUTTON_REPLY {text,
// payload} (a quick reply or postback tap), LOCATION {latitude, longitude}.
//
// Sandbox decisions:
//  - By default the answer is `{results}` only, as the OpenAPI's MESSENGER example; with
//    config.infobip.messengerApi.pullPendingCount it adds `messageCount` and `pendingMessageCount`.
//  - limit outside 1..1000 or not an integer: 400. A missing or unknown channel: 400; another valid
//    channel (SMS, WHATSAPP...): 200 with no results (the sandbox has only Messenger users).
//  - Messages received more than 48 h before the pull are dropped, never handed out.
//  - applicationId / entityId / campaignReferenceId select messages whose `platform` /
//    `campaignReferenceId` match; the others stay waiting.
import { randomUUID } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import type { Json } from '../core/values';
import { violation } from './errors';
import { parseEnum, parseLimit } from './query';
import { formatInfobipTime } from './statuses';
import { RETENTION_MS } from './store';

export const PULL_CHANNELS = ['APPLE_MB', 'MESSENGER', 'MMS', 'SMS', 'VIBER_BM', 'WHATSAPP'] as const;
export const PULL_CONTENT_TYPES = ['TEXT', 'IMAGE', 'AUDIO', 'VIDEO', 'FILE', 'URL', 'BUTTON_REPLY', 'LOCATION'] as const;
export type PullContentType = (typeof PULL_CONTENT_TYPES)[number];

export interface PullSpec {
	from: string;
	to: string;
	type: PullContentType;
	text?: string;
	url?: string;
	payload?: string;
	latitude?: number;
	longitude?: number;
	receivedAt?: number;
	platform?: { entityId?: string; applicationId?: string };
	campaignReferenceId?: string;
}

interface Waiting {
	receivedAt: number;
	event: Json;
}

function pullContent(spec: PullSpec): Json {
	switch (spec.type) {
		case 'TEXT':
			return { type: 'TEXT', text: spec.text ?? '', cleanText: spec.text ?? '' };
		case 'BUTTON_REPLY':
			return { type: 'BUTTON_REPLY', text: spec.text ?? spec.payload ?? '', ...(spec.payload !== undefined ? { payload: spec.payload } : {}) };
		case 'LOCATION':
			return { type: 'LOCATION', latitude: spec.latitude ?? 0, longitude: spec.longitude ?? 0 };
		default:
			return { type: spec.type, url: spec.url ?? '' };
	}
}

export function moEvent(spec: PullSpec): Json {
	return {
		event: 'MO',
		channel: 'MESSENGER',
		sender: spec.from,
		destination: spec.to,
		content: [pullContent(spec)],
		receivedAt: formatInfobipTime(spec.receivedAt ?? Date.now()),
		messageId: randomUUID(),
		messageCount: 1,
		...(spec.platform ? { platform: { ...spec.platform } } : {}),
		...(spec.campaignReferenceId !== undefined ? { campaignReferenceId: spec.campaignReferenceId } : {}),
	};
}

export class PullQueue {
	private waiting: Waiting[] = [];

	push(spec: PullSpec): Json {
		const receivedAt = spec.receivedAt ?? Date.now();
		const event = moEvent({ ...spec, receivedAt });
		this.waiting.push({ receivedAt, event });
		return event;
	}

	/** Messages still waiting (those of the last 48 h). */
	pending(now = Date.now()): number {
		this.dropExpired(now);
		return this.waiting.length;
	}

	private dropExpired(now: number): void {
		if (this.waiting.some((w) => now - w.receivedAt > RETENTION_MS)) {
			this.waiting = this.waiting.filter((w) => now - w.receivedAt <= RETENTION_MS);
		}
	}

	/** Removes and returns up to `limit` matching events, oldest first. */
	take(limit: number, accept: (event: Json) => boolean = () => true): Json[] {
		this.dropExpired(Date.now());
		const taken: Json[] = [];
		const kept: Waiting[] = [];
		for (const w of this.waiting) {
			if (taken.length < limit && accept(w.event)) taken.push(w.event);
			else kept.push(w);
		}
		this.waiting = kept;
		return taken;
	}

	clear(): void {
		this.waiting = [];
	}
}

export function handleInboundPull(req: SandboxRequest, queue: PullQueue, withCounts: boolean): SandboxResponse {
	const q = req.query;
	if (q.channel === undefined) throw violation('channel', `must not be null (one of ${PULL_CHANNELS.join(', ')})`);
	const channel = parseEnum(q.channel, 'channel', PULL_CHANNELS);
	const limit = parseLimit(q.limit);
	const results =
		channel === 'MESSENGER'
			? queue.take(limit, (event) => {
					const platform = event.platform as { entityId?: string; applicationId?: string } | undefined;
					if (q.applicationId !== undefined && platform?.applicationId !== q.applicationId) return false;
					if (q.entityId !== undefined && platform?.entityId !== q.entityId) return false;
					if (q.campaignReferenceId !== undefined && event.campaignReferenceId !== q.campaignReferenceId) return false;
					return true;
				})
			: [];
	const body: Json = { results };
	if (withCounts) {
		body.messageCount = results.length;
		body.pendingMessageCount = channel === 'MESSENGER' ? queue.pending() : 0;
	}
	return { status: 200, body };
}
