// What the account sent through POST /messenger/1/messages: one record per destination, read by the
// logs (get-outbound-messenger-message-logs), the delivery reports (schema DeliveryReport, pulled once
// by get-outbound-messenger-message-delivery-reports or pushed to a webhook) and the seen reports.
// Infobip keeps logs and reports for 48 h ("you can only access reports for the last 48h"); records
// older than that are dropped when read.
import type { Json } from '../core/values';
import { ERROR, PRICE, formatInfobipTime, type MessageError, type MessageStatus } from './statuses';

export const RETENTION_MS = 48 * 60 * 60 * 1000;

export interface SentMessage {
	/** Insertion order, for cursors and stable sorting. */
	seq: number;
	bulkId: string;
	messageId: string;
	sender: string;
	destination: string;
	/** The content as accepted (schema FacebookOutboundContent). */
	content: Json;
	quickReplies?: unknown[];
	webhooks?: Json;
	options?: Json;
	sentAt: number;
	doneAt?: number;
	status: MessageStatus;
	error: MessageError;
	/** Whether the message reached the sandbox user (recorded in `delivered`). */
	reachedUser: boolean;
	/** The delivery report waits for GET /messenger/1/reports (it was not pushed to a webhook). */
	reportPending: boolean;
}

export interface Platform {
	entityId?: string;
	applicationId?: string;
}

export function platformOf(record: SentMessage): Platform | undefined {
	const p = (record.options?.platform ?? undefined) as Platform | undefined;
	return p && (p.entityId !== undefined || p.applicationId !== undefined) ? { ...p } : undefined;
}

export function campaignReferenceIdOf(record: SentMessage): string | undefined {
	return record.options?.campaignReferenceId as string | undefined;
}

export function callbackDataOf(record: SentMessage): string | undefined {
	return record.webhooks?.callbackData as string | undefined;
}

/** Schema DeliveryReport for one record (optional fields only when the message had them). */
export function deliveryReport(record: SentMessage): Json {
	const platform = platformOf(record);
	const campaignReferenceId = campaignReferenceIdOf(record);
	const callbackData = callbackDataOf(record);
	return {
		bulkId: record.bulkId,
		price: { ...PRICE },
		status: { ...record.status },
		error: { ...record.error },
		messageId: record.messageId,
		to: record.destination,
		sender: record.sender,
		sentAt: formatInfobipTime(record.sentAt),
		doneAt: formatInfobipTime(record.doneAt ?? record.sentAt),
		messageCount: 1,
		...(callbackData !== undefined ? { callbackData } : {}),
		...(platform ? { platform } : {}),
		...(campaignReferenceId !== undefined ? { campaignReferenceId } : {}),
	};
}

/** Schema SeenReport: `from` is the user and `to` the page (the opposite of a delivery report). */
export function seenReport(record: SentMessage, seenAt: number): Json {
	const platform = platformOf(record);
	const campaignReferenceId = campaignReferenceIdOf(record);
	return {
		messageId: record.messageId,
		from: record.destination,
		to: record.sender,
		sentAt: formatInfobipTime(record.sentAt),
		seenAt: formatInfobipTime(seenAt),
		...(platform?.applicationId !== undefined ? { applicationId: platform.applicationId } : {}),
		...(platform?.entityId !== undefined ? { entityId: platform.entityId } : {}),
		...(campaignReferenceId !== undefined ? { campaignReferenceId } : {}),
	};
}

export class SentStore {
	private records: SentMessage[] = [];
	private nextSeq = 1;

	add(record: Omit<SentMessage, 'seq' | 'error'> & { error?: MessageError }): SentMessage {
		const full: SentMessage = { error: { ...ERROR.NO_ERROR }, ...record, seq: this.nextSeq++ };
		this.records.push(full);
		return full;
	}

	/** Records of the last 48 h, oldest first. */
	recent(now = Date.now()): SentMessage[] {
		this.records = this.records.filter((r) => now - r.sentAt <= RETENTION_MS);
		return this.records;
	}

	find(messageId: string): SentMessage | undefined {
		return this.recent().find((r) => r.messageId === messageId);
	}

	/** The latest message sent to `destination` (the one a user's "seen" refers to). */
	latestTo(destination: string): SentMessage | undefined {
		const list = this.recent();
		for (let i = list.length - 1; i >= 0; i--) if (list[i].destination === destination) return list[i];
		return undefined;
	}

	all(): readonly SentMessage[] {
		return this.records;
	}

	clear(): void {
		this.records = [];
	}
}
