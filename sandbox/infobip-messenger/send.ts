// POST /messenger/1/messages (operation send-messenger-message): body schema FacebookRequest, answer
// schema ResponseEnvelopeMessageResponseMessageResponseDetails {bulkId, messages:[{messageId, status,
// destination}]}, one entry per destination in request order. Errors: 400 ApiError listing every
// violation (errors.ts, schema.ts).
//
// What happens to an accepted message (sandbox decisions, statuses.ts):
//  - bulkId: `options.schedule.bulkId` or a generated one; messageId: `destinations[].messageId` or a
//    generated one.
//  - It is processed at once, or at `options.schedule.sendAt` when that lies in the future. Processing
//    delivers it to the sandbox user (`delivered`, provider `infobip-messenger`, message {sender,
//    content, quickReplies}) unless it is a SENDER_ACTION, or marks it UNDELIVERABLE when `to` is no
//    user. COMMENT and POST replies go to a comment/post id, so any `to` is delivered.
//  - Then its delivery report goes to `webhooks.delivery.url`, else to
//    config.infobip.messengerApi.deliveryReportUrl; with neither (or `webhooks.delivery.notify: false`)
//    it waits for GET /messenger/1/reports.
//  - validityPeriod, deliveryTimeWindow, sendingSpeedLimit and smsFailover are validated, not acted on.
import { randomInt, randomUUID } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import type { Json } from '../core/values';
import { REPLY_CONTENT_TYPES } from './content-schemas';
import { ApiRequestError } from './errors';
import { parseDateTime, validate } from './schema';
import { FACEBOOK_REQUEST } from './send-schemas';
import { ERROR, STATUS } from './statuses';
import type { SentMessage, SentStore } from './store';

export interface SendDeps {
	store: SentStore;
	pageIds(): readonly string[];
	userExists(psid: string): boolean;
	/** Records a message that reached the user (the core's `delivered` list). */
	deliver(record: SentMessage): void;
	/** Pushes or queues the delivery report of a finished record. */
	report(record: SentMessage): void;
	/** Runs `fn` after `ms` (scheduled messages); the module cancels pending ones on reset. */
	later(ms: number, fn: () => void): void;
}

/** A 19-digit numeric id like the OpenAPI's example bulkId "2034072219640523072". */
export function newBulkId(): string {
	return `${randomInt(1, 10)}${Array.from({ length: 18 }, () => randomInt(0, 10)).join('')}`;
}

/** Processes an accepted record: delivered to the user, or undeliverable; then its report. */
export function finishRecord(record: SentMessage, deps: SendDeps): void {
	const type = String(record.content.type);
	record.doneAt = Date.now();
	if (REPLY_CONTENT_TYPES.includes(type) || deps.userExists(record.destination)) {
		record.status = { ...STATUS.DELIVERED_TO_HANDSET };
		record.error = { ...ERROR.NO_ERROR };
		if (type !== 'SENDER_ACTION') {
			record.reachedUser = true;
			deps.deliver(record);
		}
	} else {
		record.status = { ...STATUS.UNDELIVERABLE_NOT_DELIVERED };
		record.error = { ...ERROR.EC_UNKNOWN_SUBSCRIBER };
	}
	deps.report(record);
}

function requireJson(req: SandboxRequest): unknown {
	if (req.json !== undefined) return req.json;
	const text = req.rawBody.length === 0 ? 'request body is required (JSON)' : 'request body must be JSON sent with Content-Type: application/json';
	throw new ApiRequestError([{ property: 'body', violation: text }]);
}

export function handleSend(req: SandboxRequest, deps: SendDeps): SandboxResponse {
	const body = requireJson(req);
	const violations = validate(FACEBOOK_REQUEST, body, '');
	if (violations.length > 0) throw new ApiRequestError(violations);

	const request = body as { messages: Json[]; options?: { schedule?: { bulkId?: string; sendAt?: string } } };
	const schedule = request.options?.schedule;
	const bulkId = schedule?.bulkId ?? newBulkId();
	const sendAt = schedule?.sendAt !== undefined ? (parseDateTime(schedule.sendAt) as number) : undefined;
	const now = Date.now();
	const pages = deps.pageIds();
	const answers: Json[] = [];

	for (const message of request.messages) {
		const sender = message.sender as string;
		const known = pages.includes(sender);
		for (const destination of message.destinations as Array<{ to: string; messageId?: string }>) {
			const record = deps.store.add({
				bulkId,
				messageId: destination.messageId ?? randomUUID(),
				sender,
				destination: destination.to,
				content: message.content as Json,
				...(message.quickReplies !== undefined ? { quickReplies: message.quickReplies as unknown[] } : {}),
				...(message.webhooks !== undefined ? { webhooks: message.webhooks as Json } : {}),
				...(message.options !== undefined ? { options: message.options as Json } : {}),
				sentAt: now,
				status: { ...(known ? STATUS.PENDING_ACCEPTED : STATUS.REJECTED_SENDER) },
				reachedUser: false,
				reportPending: false,
			});
			answers.push({ messageId: record.messageId, status: { ...record.status }, destination: record.destination });
			if (!known) {
				record.doneAt = now;
				deps.report(record);
			} else if (sendAt !== undefined && sendAt > now) {
				deps.later(sendAt - now, () => finishRecord(record, deps));
			} else {
				finishRecord(record, deps);
			}
		}
	}
	return { status: 200, body: { bulkId, messages: answers } };
}
