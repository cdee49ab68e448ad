// GET /messenger/1/reports (operation get-outbound-messenger-message-delivery-reports): answers schema
// DeliveryReports {results: DeliveryReport[]} with reports that were not pushed to a webhook. "Each
// request towards this endpoint will return batches of the latest delivery reports. Please note they
// will be returned only once." Query: bulkId, messageId, limit (default 50, max 1000, 400 above),
// entityId, applicationId, campaignReferenceId; only the last 48 h.
// Sandbox decisions: the filters select which pending reports are handed out (the others stay
// pending); reports come oldest first, so repeated calls drain the queue in order.
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { parseLimit } from './query';
import { campaignReferenceIdOf, deliveryReport, platformOf, type SentMessage, type SentStore } from './store';

function matches(record: SentMessage, query: Record<string, string>): boolean {
	const platform = platformOf(record);
	if (query.bulkId !== undefined && record.bulkId !== query.bulkId) return false;
	if (query.messageId !== undefined && record.messageId !== query.messageId) return false;
	if (query.entityId !== undefined && platform?.entityId !== query.entityId) return false;
	if (query.applicationId !== undefined && platform?.applicationId !== query.applicationId) return false;
	if (query.campaignReferenceId !== undefined && campaignReferenceIdOf(record) !== query.campaignReferenceId) return false;
	return true;
}

export function handleReports(req: SandboxRequest, store: SentStore): SandboxResponse {
	const limit = parseLimit(req.query.limit);
	const taken = store
		.recent()
		.filter((r) => r.reportPending && matches(r, req.query))
		.slice(0, limit);
	for (const record of taken) record.reportPending = false;
	return { status: 200, body: { results: taken.map(deliveryReport) } };
}
