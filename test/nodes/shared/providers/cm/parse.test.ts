import { parseCmError, parseCmResponse } from '../../../../../nodes/shared/providers/cm/parse';
import { request, sampleMessage } from '../../fixtures';

const text = request(sampleMessage('text'));

describe('CM.com answers', () => {
	const ok = { details: 'Created 1 message(s)', errorCode: 0, messages: [{ to: 'psid', status: 'Accepted', reference: 'ref-1', parts: 1, messageDetails: null, messageErrorCode: 0 }] };

	it('reads an accepted message', () => {
		expect(parseCmError(200, ok)).toBeUndefined();
		expect(parseCmResponse(ok, text)).toEqual({ messageId: 'ref-1', recipient: 'psid', status: 'accepted', raw: ok });
	});

	it('HTTP 200 with errorCode 102 is a failure with the out-of-credits hint', () => {
		expect(parseCmError(200, { details: 'No account found', errorCode: 102, messages: [] })).toEqual({
			message: 'No account found',
			code: '102',
			hint: expect.stringContaining('out of credits'),
		});
	});

	it('a Rejected message is a failure named by its messageErrorCode, and is never retried', () => {
		const rejected = { details: 'One or more messages rejected', errorCode: 201, messages: [{ status: 'Rejected', messageErrorCode: 303, messageDetails: 'Unknown recipient' }] };
		expect(parseCmError(400, rejected)).toEqual({ message: 'Unknown recipient', code: '303', hint: expect.stringContaining('PSID') });
		expect(parseCmError(400, rejected)?.retryable).toBeUndefined();
	});
});
