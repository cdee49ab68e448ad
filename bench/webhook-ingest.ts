// Webhook ingest cost per event, against a baseline measured in the same run on the same bodies.
//
//   ingest   = what the Messenger Trigger does with one Meta delivery before n8n starts the run:
//              size check, X-Hub-Signature-256 over the raw bytes (constant-time compare), JSON.parse,
//              normalization into MessengerEvent items, event filter, n8n item wrapping.
//   baseline = JSON.parse of the same body + one HMAC-SHA256 of it: the least any verifying receiver does.
//
// Bodies are ~1 KB Meta text-message deliveries (one event each), all distinct. Rounds alternate
// baseline and ingest so both see the same CPU state; the median round is reported. Single thread.
//
// Targets (issue 5): ingest <= 2x baseline, and >= 20,000 events/s. `npm run bench:ingest`; exits 1
// when a target is missed, so it can gate CI.
import { createHmac } from 'node:crypto';

import { signBody } from '../nodes/shared/providers/meta/graph/signature';
import type { EventType } from '../nodes/shared/model/event';
import { EVENT_TYPES } from '../nodes/shared/model/event';
import { handleDelivery } from '../nodes/MessengerTrigger/webhook';
import type { TriggerSettings } from '../nodes/MessengerTrigger/webhook';

const SECRET = 'bench-app-secret-0123456789abcdef';
const BODIES = 2000;
const ROUNDS = 15;
const TARGET_BYTES = 1024;

function metaDelivery(n: number): string {
	const event = {
		sender: { id: String(7000000000000000 + n) },
		recipient: { id: '100000000000001' },
		timestamp: 1763890000000 + n,
		message: { mid: `m_${n.toString(36)}_AQHRk3nLz0ccO8Dn-qmJ0E1rV8QkUZsCw3J9t2pYDxYx`, text: '' },
	};
	const body = { object: 'page', entry: [{ id: '100000000000001', time: 1763890000000 + n, messaging: [event] }] };
	const bare = JSON.stringify(body).length;
	event.message.text = `Hello from user ${n}, `.padEnd(TARGET_BYTES - bare, 'lorem ipsum dolor sit amet ');
	return JSON.stringify(body);
}

const raw = Array.from({ length: BODIES }, (_, n) => Buffer.from(metaDelivery(n)));
const requests = raw.map((rawBody) => ({
	headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(SECRET, rawBody) },
	rawBody,
	query: {},
	params: {},
}));
const settings: TriggerSettings = {
	format: 'meta',
	events: new Set<EventType>(EVENT_TYPES),
	maxBodyBytes: 5 * 1024 * 1024,
	appSecret: SECRET,
	auth: { kind: 'none' },
};

let sink = 0;

function baseline(): void {
	for (const body of raw) {
		const parsed = JSON.parse(body.toString('utf8')) as { entry: unknown[] };
		const digest = createHmac('sha256', SECRET).update(body).digest();
		sink += parsed.entry.length + digest[0];
	}
}

function ingest(): void {
	for (const request of requests) {
		const outcome = handleDelivery(request, settings);
		if (outcome.kind !== 'emit') throw new Error(`bench body refused: ${JSON.stringify(outcome)}`);
		const items = outcome.events.map((event) => ({ json: event }));
		sink += items.length;
	}
}

function timeNs(fn: () => void): number {
	const start = process.hrtime.bigint();
	fn();
	return Number(process.hrtime.bigint() - start);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

for (let i = 0; i < 3; i++) {
	baseline();
	ingest();
}
const base: number[] = [];
const ours: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
	base.push(timeNs(baseline) / BODIES);
	ours.push(timeNs(ingest) / BODIES);
}

const baseNs = median(base);
const ingestNs = median(ours);
const ratio = ingestNs / baseNs;
const eventsPerSecond = 1e9 / ingestNs;
const averageBytes = Math.round(raw.reduce((sum, body) => sum + body.length, 0) / BODIES);

console.log(`webhook ingest, Meta deliveries of ~${averageBytes} B, ${BODIES} bodies x ${ROUNDS} rounds (median), 1 thread`);
console.log(`  baseline JSON.parse + HMAC : ${(baseNs / 1000).toFixed(2)} us/event  (${Math.round(1e9 / baseNs).toLocaleString('en')} events/s)`);
console.log(`  ingest (verify+parse+items): ${(ingestNs / 1000).toFixed(2)} us/event  (${Math.round(eventsPerSecond).toLocaleString('en')} events/s)`);
console.log(`  ratio ingest/baseline      : ${ratio.toFixed(2)}x  (target <= 2.00x)`);
console.log(`  throughput                 : ${Math.round(eventsPerSecond).toLocaleString('en')} events/s (target >= 20,000)`);
if (sink < 0) console.log(sink);

const missed = [ratio > 2 && 'ratio above 2x', eventsPerSecond < 20_000 && 'below 20,000 events/s'].filter(Boolean);
if (missed.length) {
	console.error(`FAILED: ${missed.join(', ')}`);
	process.exitCode = 1;
}
