// Delivery reports by pull, for who cannot take Infobip's delivery-report webhook: the Messenger API's
// `GET /messenger/1/reports?limit=N` (messenger-api-openapi.json, "Get Messenger delivery reports"):
// "batches of the latest delivery reports ... returned only once", at most 1000 per call (default 50).
// The answer is DeliveryReports, `{results: [DeliveryReport]}`: the same reports as the webhook, read
// by the same parser, with no count of what still waits.
import { InboundFormatError } from '../../model/event';
import type { InboxPage, InboxPull } from '../types';
import { baseUrlOf, isRecord } from '../util';
import { deliveryReportEvent } from './inbound';

const FORMAT = 'Infobip Messenger API delivery reports';

export function parseReportsPage(body: unknown): InboxPage {
	if (!isRecord(body)) return { ok: false, error: new InboundFormatError(FORMAT, 'expected a JSON object') };
	if (!Array.isArray(body.results)) return { ok: false, error: new InboundFormatError(FORMAT, 'missing the "results" array') };
	const index = body.results.findIndex((result) => !isRecord(result));
	// Handed out once: a page that cannot be read whole is reported as unreadable, not half read.
	if (index >= 0) return { ok: false, error: new InboundFormatError(FORMAT, `results[${index}] is not a delivery report object`) };
	return { ok: true, events: (body.results as Array<Record<string, unknown>>).map(deliveryReportEvent), pendingMessageCount: null, messageCount: null };
}

export const MESSENGER_API_REPORTS_PULL: InboxPull = {
	description: "The Messenger API's delivery reports, GET /messenger/1/reports (each report once)",
	what: 'the delivery reports',
	maxLimit: 1000,
	buildPullRequest: (credentials, limit, timeout) => ({
		method: 'GET',
		url: `${baseUrlOf(credentials)}/messenger/1/reports`,
		qs: { limit },
		json: true,
		timeout,
	}),
	parsePage: parseReportsPage,
	errorHints: {
		E403: 'The API key may not read Messenger delivery reports: give it the Messenger scope on the API keys page of the Infobip portal',
	},
};
