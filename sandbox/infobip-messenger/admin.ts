// The module's admin endpoints under /__sandbox/infobip-messenger/ (listed in index.ts). They answer
// like the core's admin API: JSON, `{error}` with 400 for a bad request, 404 for an unknown id, 502
// when the webhook receiver could not be reached.
import type { ModuleAdminRequest, SandboxResponse } from '../core/types';
import { isRecord, type Json } from '../core/values';
import { INBOUND_TYPES, type InboundSpec, type InboundType } from './inbound';
import { PULL_CONTENT_TYPES, type PullContentType, type PullSpec } from './messages-api-pull';
import { FORCEABLE_OUTCOMES } from './statuses';
import type { SubscriptionSpec } from './subscriptions';
import type { WebhookAttempt } from './webhooks';

/** What the admin endpoints need from the module (index.ts). */
export interface AdminActions {
	sendIncoming(spec: Omit<InboundSpec, 'to'> & { to?: string }, webhookUrl?: string): Promise<{ body: Json; delivery: WebhookAttempt }>;
	sendDeliveryReport(messageId: string, outcome: string | undefined, webhookUrl?: string): Promise<WebhookAttempt | 'unknown-message'>;
	sendSeenReport(target: { messageId?: string; from?: string }, webhookUrl?: string): Promise<WebhookAttempt | 'unknown-message'>;
	enqueuePull(count: number, spec: Partial<PullSpec> & { text?: string }): { queued: number; pending: number };
	pullPending(): number;
	addSubscription(spec: Partial<SubscriptionSpec>): Json;
	sent(): unknown[];
	webhookAttempts(): WebhookAttempt[];
}

/** The largest batch one POST .../pull may queue. */
export const MAX_PULL_BATCH = 100_000;

class AdminInputError extends Error {}

const bad = (message: string): SandboxResponse => ({ status: 400, body: { error: message } });

function fields(json: unknown, allowed: readonly string[]): Json {
	const body = json === undefined ? {} : json;
	if (!isRecord(body)) throw new AdminInputError('the body must be a JSON object');
	for (const key of Object.keys(body)) {
		if (!allowed.includes(key)) throw new AdminInputError(`unknown field "${key}" (allowed: ${allowed.join(', ')})`);
	}
	return body;
}

function optString(body: Json, key: string): string | undefined {
	const v = body[key];
	if (v === undefined) return undefined;
	if (typeof v !== 'string') throw new AdminInputError(`${key} must be a string`);
	return v;
}

function optNumber(body: Json, key: string, min = -Infinity, max = Infinity): number | undefined {
	const v = body[key];
	if (v === undefined) return undefined;
	if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new AdminInputError(`${key} must be a number within ${min}..${max}`);
	return v;
}

function optEnum<T extends string>(body: Json, key: string, allowed: readonly T[]): T | undefined {
	const v = optString(body, key);
	if (v === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(v)) throw new AdminInputError(`${key} must be one of ${allowed.join(', ')}`);
	return v as T;
}

function delivered(attempt: WebhookAttempt): SandboxResponse {
	const delivery = { url: attempt.url, status: attempt.status, responseBody: attempt.responseBody, error: attempt.error };
	if (attempt.error !== undefined) return { status: 502, body: { error: attempt.error, body: attempt.body, delivery } };
	return { status: 200, body: { body: attempt.body, delivery } };
}

const INCOMING_FIELDS = [
	'type', 'from', 'to', 'text', 'url', 'title', 'payload', 'quickReplyPayload', 'replyToMid', 'stickerId',
	'latitude', 'longitude', 'raw', 'callbackData', 'pairedMessageId', 'exampleShape', 'webhookUrl',
] as const;

async function incoming(json: unknown, actions: AdminActions): Promise<SandboxResponse> {
	const b = fields(json, INCOMING_FIELDS);
	const raw = b.raw;
	if (raw !== undefined && !isRecord(raw)) throw new AdminInputError('raw must be a JSON object');
	if (b.exampleShape !== undefined && typeof b.exampleShape !== 'boolean') throw new AdminInputError('exampleShape must be a boolean');
	const spec = {
		type: (optEnum(b, 'type', INBOUND_TYPES) ?? 'TEXT') as InboundType,
		from: optString(b, 'from') ?? '',
		to: optString(b, 'to'),
		text: optString(b, 'text'),
		url: optString(b, 'url'),
		title: optString(b, 'title'),
		payload: optString(b, 'payload'),
		quickReplyPayload: optString(b, 'quickReplyPayload'),
		replyToMid: optString(b, 'replyToMid'),
		stickerId: optString(b, 'stickerId'),
		latitude: optNumber(b, 'latitude', -90, 90),
		longitude: optNumber(b, 'longitude', -180, 180),
		raw: raw as Json | undefined,
		callbackData: optString(b, 'callbackData'),
		pairedMessageId: optString(b, 'pairedMessageId'),
		exampleShape: b.exampleShape as boolean | undefined,
	};
	const { delivery } = await actions.sendIncoming(spec, optString(b, 'webhookUrl'));
	return delivered(delivery);
}

async function deliveryReport(json: unknown, actions: AdminActions): Promise<SandboxResponse> {
	const b = fields(json, ['messageId', 'status', 'webhookUrl']);
	const messageId = optString(b, 'messageId');
	if (!messageId) throw new AdminInputError('messageId (of a message sent through POST /messenger/1/messages) is required');
	const outcome = optEnum(b, 'status', Object.keys(FORCEABLE_OUTCOMES));
	const attempt = await actions.sendDeliveryReport(messageId, outcome, optString(b, 'webhookUrl'));
	if (attempt === 'unknown-message') return { status: 404, body: { error: `no message ${messageId} was sent in the last 48 h` } };
	return delivered(attempt);
}

async function seenReport(json: unknown, actions: AdminActions): Promise<SandboxResponse> {
	const b = fields(json, ['messageId', 'from', 'webhookUrl']);
	const messageId = optString(b, 'messageId');
	const from = optString(b, 'from');
	if (!messageId && !from) throw new AdminInputError('messageId, or from (a user: their latest message is seen), is required');
	const attempt = await actions.sendSeenReport({ messageId, from }, optString(b, 'webhookUrl'));
	if (attempt === 'unknown-message') return { status: 404, body: { error: `no message ${messageId ?? `to ${from}`} was sent in the last 48 h` } };
	return delivered(attempt);
}

function pull(json: unknown, actions: AdminActions): SandboxResponse {
	const b = fields(json, ['count', 'from', 'type', 'text', 'url', 'payload', 'latitude', 'longitude', 'ageHours', 'entityId', 'applicationId', 'campaignReferenceId']);
	const count = optNumber(b, 'count', 1, MAX_PULL_BATCH) ?? 1;
	if (!Number.isInteger(count)) throw new AdminInputError(`count must be an integer 1..${MAX_PULL_BATCH}`);
	const ageHours = optNumber(b, 'ageHours', 0, 24 * 365) ?? 0;
	const entityId = optString(b, 'entityId');
	const applicationId = optString(b, 'applicationId');
	const spec: Partial<PullSpec> = {
		from: optString(b, 'from'),
		type: (optEnum(b, 'type', PULL_CONTENT_TYPES) ?? 'TEXT') as PullContentType,
		text: optString(b, 'text'),
		url: optString(b, 'url'),
		payload: optString(b, 'payload'),
		latitude: optNumber(b, 'latitude', -90, 90),
		longitude: optNumber(b, 'longitude', -180, 180),
		receivedAt: Date.now() - ageHours * 60 * 60 * 1000,
		...(entityId !== undefined || applicationId !== undefined ? { platform: { entityId, applicationId } } : {}),
		campaignReferenceId: optString(b, 'campaignReferenceId'),
	};
	return { status: 200, body: actions.enqueuePull(count, spec) };
}

function subscription(json: unknown, actions: AdminActions): SandboxResponse {
	const b = fields(json, ['pageId', 'title', 'timezone', 'reoptin', 'userTokenStatus']);
	return {
		status: 201,
		body: actions.addSubscription({
			pageId: optString(b, 'pageId'),
			title: optString(b, 'title'),
			timezone: optString(b, 'timezone'),
			reoptin: optEnum(b, 'reoptin', ['ENABLED', 'DISABLED', 'UNKNOWN'] as const),
			userTokenStatus: optEnum(b, 'userTokenStatus', ['REFRESHED', 'NOT_REFRESHED', 'UNKNOWN'] as const),
		}),
	};
}

export async function handleMessengerAdmin(req: ModuleAdminRequest, actions: AdminActions): Promise<SandboxResponse | undefined> {
	const path = req.path.replace(/\/+$/, '') || '/';
	try {
		switch (`${req.method} ${path}`) {
			case 'POST /incoming':
				return await incoming(req.json, actions);
			case 'POST /delivery-report':
				return await deliveryReport(req.json, actions);
			case 'POST /seen-report':
				return await seenReport(req.json, actions);
			case 'POST /pull':
				return pull(req.json, actions);
			case 'GET /pull':
				return { status: 200, body: { pending: actions.pullPending() } };
			case 'POST /subscriptions':
				return subscription(req.json, actions);
			case 'GET /sent':
				return { status: 200, body: { sent: actions.sent() } };
			case 'GET /webhooks':
				return { status: 200, body: { attempts: actions.webhookAttempts() } };
			default:
				return undefined;
		}
	} catch (e) {
		if (e instanceof AdminInputError) return bad(e.message);
		throw e;
	}
}

export { AdminInputError };
