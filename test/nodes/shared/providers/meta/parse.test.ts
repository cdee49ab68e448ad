import { parseMetaError, parseMetaResponse } from '../../../../../nodes/shared/providers/meta/parse';
import { request, sampleMessage } from '../../fixtures';

const text = request(sampleMessage('text'));

describe('Graph answers', () => {
	it('reads {recipient_id, message_id}', () => {
		expect(parseMetaResponse({ recipient_id: '1', message_id: 'm_1' }, text)).toEqual({ messageId: 'm_1', recipient: '1', status: 'sent', raw: { recipient_id: '1', message_id: 'm_1' } });
		expect(parseMetaResponse({ recipient_id: '1' }, text).messageId).toBeNull();
	});

	it.each([
		[190, undefined, '190', 'expired'],
		[10, 2018278, '10/2018278', '24 hours'],
		[100, 2018001, '100/2018001', 'PSID'],
		[551, undefined, '551', 'not available'],
	])('code %s/%s gets a hint', (code, subcode, full, hint) => {
		const info = parseMetaError(400, { error: { message: 'm', type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'x' } });
		expect(info?.code).toBe(full);
		expect(info?.hint).toContain(hint);
		expect(info?.retryable).toBe(false);
	});

	it.each([1200, 4, 32, 613])('code %s is retryable', (code) => {
		expect(parseMetaError(500, { error: { message: 'Temporary', code } })?.retryable).toBe(true);
	});

	it('a body without error is not an error', () => {
		expect(parseMetaError(200, { recipient_id: '1' })).toBeUndefined();
		expect(parseMetaError(502, 'not json')).toBeUndefined();
	});
});
