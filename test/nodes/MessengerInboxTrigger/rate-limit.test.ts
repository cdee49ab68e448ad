import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { MAX_RETRY_AFTER_MS, pendingWait, rateLimitWait, rememberWait } from '../../../nodes/MessengerInboxTrigger/rate-limit';

const answer = (headers: Record<string, string>): IN8nHttpFullResponse => ({ statusCode: 429, headers, body: {} });

describe('inbox rate-limit wait', () => {
	it('reads Retry-After in seconds or as an HTTP date, in any header case', () => {
		expect(rateLimitWait(answer({ 'Retry-After': '120' }), 1000)).toEqual({ until: 121_000, askedSeconds: 120, capped: false });
		const date = new Date(61_000).toUTCString();
		expect(rateLimitWait(answer({ 'retry-after': date }), 1000)).toEqual({ until: 61_000, askedSeconds: 60, capped: false });
		expect(rateLimitWait(answer({}), 1000)).toBeUndefined();
		expect(rateLimitWait(answer({ 'retry-after': 'soon' }), 1000)).toBeUndefined();
	});

	it('cuts a wait longer than an hour to an hour', () => {
		expect(rateLimitWait(answer({ 'retry-after': String(7 * 24 * 3600) }), 0)).toEqual({ until: MAX_RETRY_AFTER_MS, askedSeconds: 604800, capped: true });
	});

	it('skips polls until the wait is over, then forgets it', () => {
		const staticData: IDataObject = {};
		rememberWait(staticData, { until: 5000, askedSeconds: 5, capped: false });
		expect(pendingWait(staticData, 4999)).toBe(5000);
		expect(pendingWait(staticData, 5000)).toBeUndefined();
		expect(staticData).toEqual({});
	});
});
