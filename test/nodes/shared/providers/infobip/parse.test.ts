import { parseInfobipError, parseInfobipResponse } from '../../../../../nodes/shared/providers/infobip/parse';
import { request, sampleMessage } from '../../fixtures';

const text = request(sampleMessage('text'));

describe('Infobip answers', () => {
	it('reads seed 003\'s response into the uniform result', () => {
		const body = { to: 'user-key', status: { groupId: 1, groupName: 'PENDING', id: 7, name: 'PENDING_ENROUTE' }, messageCount: 1, messageId: 'ib-1' };
		expect(parseInfobipResponse(body, text)).toEqual({ messageId: 'ib-1', recipient: 'user-key', status: 'accepted', raw: body });
		expect(parseInfobipError(200, body)).toBeUndefined();
	});

	it('turns requestError and a REJECTED status into errors, with a hint for bad credentials', () => {
		expect(parseInfobipError(401, { requestError: { serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' } } })).toEqual({
			message: 'Invalid login details',
			code: 'UNAUTHORIZED',
			hint: expect.stringContaining('API key'),
		});
		expect(parseInfobipError(200, { status: { groupId: 5, groupName: 'REJECTED', name: 'REJECTED_DESTINATION', description: 'Destination rejected' } })).toMatchObject({
			message: 'Destination rejected',
			code: 'REJECTED_DESTINATION',
		});
	});
});
