// GET /messenger/1/logs (operation get-outbound-messenger-message-logs): answers schema
// LogResponseLogFacebookOutboundContent {results: LogFacebookOutboundContent[], cursor?: CursorPageInfo}.
// "Available are the logs for the last 48 hours." Query: sender, destination, bulkId and messageId
// (comma-separated, at most 2048 characters), generalStatus (MessageGeneralStatus), sentSince,
// sentUntil, limit (default 50, max 1000), entityId, applicationId, campaignReferenceId
// (comma-separated), useCursor, cursor.
// Sandbox decisions: newest first ("the latest 50 records"); logs are read as often as asked (unlike
// reports); with useCursor=true the answer carries `cursor {limit, nextCursor}` while more results
// remain, and `cursor=<nextCursor>` continues after the last result handed out. A cursor the sandbox
// did not issue is a 400.
import type { SandboxRequest, SandboxResponse } from '../core/types';
import type { Json } from '../core/values';
import { violation } from './errors';
import { parseBoolean, parseEnum, parseLimit, parseList, parseTime } from './query';
import { PRICE, formatInfobipTime } from './statuses';
import { campaignReferenceIdOf, platformOf, type SentMessage, type SentStore } from './store';

export const GENERAL_STATUSES = ['ACCEPTED', 'PENDING', 'UNDELIVERABLE', 'DELIVERED', 'EXPIRED', 'REJECTED'] as const;
const LIST_MAX_CHARS = 2048;

export function logEntry(record: SentMessage): Json {
	const platform = platformOf(record);
	const campaignReferenceId = campaignReferenceIdOf(record);
	return {
		sender: record.sender,
		destination: record.destination,
		bulkId: record.bulkId,
		messageId: record.messageId,
		sentAt: formatInfobipTime(record.sentAt),
		...(record.doneAt !== undefined ? { doneAt: formatInfobipTime(record.doneAt) } : {}),
		messageCount: 1,
		price: { ...PRICE },
		status: { ...record.status },
		error: { ...record.error },
		...(platform ? { platform } : {}),
		content: structuredClone(record.content),
		...(campaignReferenceId !== undefined ? { campaignReferenceId } : {}),
	};
}

function encodeCursor(seq: number): string {
	return Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(raw: string): number {
	const m = /^seq:(\d+)$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
	if (!m) throw violation('cursor', 'is not a cursor this API returned');
	return Number(m[1]);
}

export function handleLogs(req: SandboxRequest, store: SentStore): SandboxResponse {
	const q = req.query;
	const limit = parseLimit(q.limit);
	const bulkIds = parseList(q.bulkId, 'bulkId', LIST_MAX_CHARS);
	const messageIds = parseList(q.messageId, 'messageId', LIST_MAX_CHARS);
	const campaigns = parseList(q.campaignReferenceId, 'campaignReferenceId');
	const generalStatus = parseEnum(q.generalStatus, 'generalStatus', GENERAL_STATUSES);
	const since = parseTime(q.sentSince, 'sentSince');
	const until = parseTime(q.sentUntil, 'sentUntil');
	const useCursor = parseBoolean(q.useCursor, 'useCursor') ?? false;
	const after = q.cursor !== undefined ? decodeCursor(q.cursor) : undefined;

	const selected = store
		.recent()
		.filter((r) => {
			const platform = platformOf(r);
			if (q.sender !== undefined && r.sender !== q.sender) return false;
			if (q.destination !== undefined && r.destination !== q.destination) return false;
			if (bulkIds && !bulkIds.includes(r.bulkId)) return false;
			if (messageIds && !messageIds.includes(r.messageId)) return false;
			if (campaigns && !campaigns.includes(campaignReferenceIdOf(r) ?? '')) return false;
			if (generalStatus && r.status.groupName !== generalStatus) return false;
			if (since !== undefined && r.sentAt <= since) return false;
			if (until !== undefined && r.sentAt >= until) return false;
			if (q.entityId !== undefined && platform?.entityId !== q.entityId) return false;
			if (q.applicationId !== undefined && platform?.applicationId !== q.applicationId) return false;
			if (after !== undefined && r.seq >= after) return false;
			return true;
		})
		.reverse();
	const page = selected.slice(0, limit);
	const more = selected.length > page.length;
	const body: Json = { results: page.map(logEntry) };
	if (useCursor || after !== undefined) {
		body.cursor = { limit, ...(more ? { nextCursor: encodeCursor(page[page.length - 1].seq) } : {}) };
	}
	return { status: 200, body };
}
