// What the trigger answers to one HTTP request, decided without touching n8n: the node (and the
// benchmark) feed it the request and act on the outcome. Everything that rejects a request runs
// before anything is parsed into items, so a forged, oversized, too deeply nested or malformed call,
// or one with more events than any provider sends at once, never starts a run.

import type { MessengerEvent, TriggerChoice } from '../shared/model/event';
import { triggerChoiceOf } from '../shared/model/event';
import { INBOUND_PARSERS, type InboundFormat } from '../shared/providers';
import type { HeaderMap, InboundAuth } from './auth';
import { checkInboundAuth } from './auth';
import { jsonDepthExceeds, MAX_EVENTS_PER_DELIVERY, MAX_JSON_DEPTH } from './delivery-limits';
import type { RecentEvents } from './recent-events';

export interface InboundRequest {
	headers: HeaderMap;
	/** The body exactly as received; what Meta's signature covers. */
	rawBody: Buffer;
	query: Record<string, unknown>;
	/** Path parameters (the `:secret` segment). */
	params: Record<string, unknown>;
}

export interface TriggerSettings {
	format: InboundFormat;
	events: ReadonlySet<TriggerChoice>;
	maxBodyBytes: number;
	/** Events one delivery may carry; MAX_EVENTS_PER_DELIVERY when unset. */
	maxEvents?: number;
	/** Signed providers (Meta): the credential's signing secret; when set, every delivery's signature is checked. */
	appSecret?: string;
	/**
	 * A signed provider without its secret: whether unsigned deliveries are taken (the user's explicit, insecure
	 * choice). Otherwise such a trigger refuses them, so a URL left behind takes nothing.
	 */
	unsignedAllowed?: boolean;
	/** Signed providers (Meta): the credential's verify token for the GET handshake. */
	verifyToken?: string;
	/** Unsigned providers (Infobip, CM.com): the configured authentication. */
	auth: InboundAuth;
	/** Only events of these pages start a run (Meta delivers every page of the app to one URL); unset or empty: all. */
	pages?: ReadonlySet<string>;
	/** Drops events this trigger (`scope`) started a run for recently; unset keeps every event. */
	redeliveries?: { recent: RecentEvents; scope: string };
}

export type Outcome =
	/** Answer the caller directly and start nothing. */
	| { kind: 'respond'; status: number; body: string; contentType: 'text/plain'; headers?: Record<string, string> }
	/** Start one run with these events (already filtered, never empty); `redelivered` were dropped. */
	| { kind: 'emit'; events: MessengerEvent[]; selected: number; redelivered: number }
	/**
	 * Well-formed, but nothing the user asked for, or only events already run: acknowledge (Meta
	 * retries anything but 2xx).
	 */
	| { kind: 'ignore'; received: number; selected: number; redelivered: number };

const text = (status: number, body: string, headers?: Record<string, string>): Outcome => ({
	kind: 'respond',
	status,
	body,
	contentType: 'text/plain',
	headers,
});

/**
 * The provider's verification GET (Meta's `hub.challenge`, answered by its registry row), as text/plain.
 * A provider that signs nothing has no handshake: it is told to POST, and nothing starts.
 */
export function answerHandshake(format: InboundFormat, query: Record<string, unknown>, verifyToken: string | undefined): Outcome {
	const signed = INBOUND_PARSERS[format].signed;
	if (!signed) return text(405, 'Use POST', { Allow: 'POST' });
	const answer = signed.answerHandshake(query, verifyToken);
	return text(answer.status, answer.body);
}

function parseJson(rawBody: Buffer): { ok: true; value: unknown } | { ok: false } {
	try {
		// A UTF-8 byte order mark is not JSON, but some senders prefix one.
		const source = rawBody.toString('utf8');
		return { ok: true, value: JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source) };
	} catch {
		return { ok: false };
	}
}

/**
 * A POST delivery: size, authenticity, nesting, JSON, format, event count, then the event and page
 * filters and the redeliveries, in that order.
 */
export function handleDelivery(request: InboundRequest, settings: TriggerSettings): Outcome {
	if (request.rawBody.length > settings.maxBodyBytes) return text(413, 'Payload too large');

	const parser = INBOUND_PARSERS[settings.format];
	if (parser.signed) {
		if (settings.appSecret) {
			const check = parser.signed.verifySignature(settings.appSecret, request.rawBody, request.headers[parser.signed.signatureHeader]);
			if (!check.ok) return text(check.status, `Invalid signature: ${check.reason}`);
		} else if (!settings.unsignedAllowed) {
			// Activation refuses this configuration; a credential emptied since gets here.
			return text(500, 'Trigger is not configured');
		}
	} else {
		const check = checkInboundAuth(settings.auth, request.headers, request.params);
		if (!check.ok) return text(check.status, `Unauthorized: ${check.reason}`, check.headers);
	}

	if (request.rawBody.length === 0) return text(400, 'Empty body');
	if (jsonDepthExceeds(request.rawBody, MAX_JSON_DEPTH)) return text(400, `JSON nested too deeply (at most ${MAX_JSON_DEPTH} levels)`);
	const json = parseJson(request.rawBody);
	if (!json.ok) return text(400, 'Body is not valid JSON');

	const parsed = parser.parse(json.value);
	if (!parsed.ok) return text(400, parsed.error.message);
	const maxEvents = settings.maxEvents ?? MAX_EVENTS_PER_DELIVERY;
	if (parsed.events.length > maxEvents) {
		return text(413, `Too many events in one delivery: ${parsed.events.length} (at most ${maxEvents})`);
	}

	const pages = settings.pages?.size ? settings.pages : undefined;
	const selected = parsed.events.filter(
		(event) => settings.events.has(triggerChoiceOf(event)) && (!pages || (event.pageId !== null && pages.has(event.pageId))),
	);
	const { fresh, dropped } = settings.redeliveries
		? settings.redeliveries.recent.admit(settings.redeliveries.scope, selected, (event) => parser.eventKey(event))
		: { fresh: selected, dropped: 0 };
	const counts = { selected: selected.length, redelivered: dropped };
	return fresh.length > 0 ? { kind: 'emit', events: fresh, ...counts } : { kind: 'ignore', received: parsed.events.length, ...counts };
}
