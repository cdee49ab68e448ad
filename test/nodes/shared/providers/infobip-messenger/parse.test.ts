import { parseMessengerApiError, parseMessengerApiResponse } from '../../../../../nodes/shared/providers/infobip-messenger/parse';
import { request, sampleMessage } from '../../fixtures';

// The spec's own examples (send-messenger-message responses, components/responses ApiError401).
const SENT = {
	bulkId: '2034072219640523072',
	messages: [
		{
			messageId: '2250be2d4219-3af1-78856-aabe-1362af1edfd2',
			status: { groupId: 1, groupName: 'PENDING', id: 26, name: 'PENDING_ACCEPTED', description: 'Message sent to next instance' },
			destination: '66855538125',
		},
	],
};

describe('Infobip Messenger API answers', () => {
	it('a send response becomes the one result shape: messageId, recipient (destination), accepted', () => {
		expect(parseMessengerApiResponse(SENT, request(sampleMessage('text')))).toEqual({
			messageId: '2250be2d4219-3af1-78856-aabe-1362af1edfd2',
			recipient: '66855538125',
			status: 'accepted',
			raw: SENT,
		});
		expect(parseMessengerApiError(200, SENT)).toBeUndefined();
	});

	it('an answer without messages keeps the requested recipient and no id', () => {
		const parsed = parseMessengerApiResponse({}, request(sampleMessage('text')));
		expect(parsed).toMatchObject({ messageId: null, recipient: request(sampleMessage('text')).recipient.id });
	});

	it('ApiError: description, violations, code and a hint', () => {
		const body = {
			errorCode: 'E400',
			description: 'Request cannot be processed.',
			action: 'Check the syntax, violations and adjust the request.',
			violations: [{ property: 'messages[0].content.text', violation: 'size must be between 0 and 2000' }],
			resources: [],
		};
		expect(parseMessengerApiError(400, body)).toMatchObject({
			message: 'Request cannot be processed. (messages[0].content.text: size must be between 0 and 2000)',
			code: 'E400',
			hint: expect.stringMatching(/sender/),
		});
		const unauthorized = { errorCode: 'E401', description: 'The request lacks valid authentication credentials for the requested resource.', action: 'x', violations: [], resources: [] };
		expect(parseMessengerApiError(401, unauthorized)).toMatchObject({ code: 'E401', hint: expect.stringMatching(/API key/) });
		expect(parseMessengerApiError(429, { ...unauthorized, errorCode: 'E429' })).toMatchObject({ code: 'E429', retryable: true });
	});

	it("an unknown ApiError code keeps Infobip's own action as the hint", () => {
		expect(parseMessengerApiError(500, { errorCode: 'E500', description: 'Something went wrong.', action: 'Try again later.', violations: [], resources: [] })).toMatchObject({
			message: 'Something went wrong.',
			code: 'E500',
			hint: 'Try again later.',
		});
	});

	it.each(['constructor', 'toString', '__proto__'])('an error code named like an Object property (%s) is just an unknown code', (errorCode) => {
		expect(parseMessengerApiError(403, { errorCode, description: 'Odd gateway', action: 'Ask the gateway' })).toEqual({
			message: 'Odd gateway',
			code: errorCode,
			hint: 'Ask the gateway',
			retryable: undefined,
		});
	});

	it("Infobip's older requestError body is read too", () => {
		const body = { requestError: { serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' } } };
		expect(parseMessengerApiError(401, body)).toMatchObject({ message: 'Invalid login details', code: 'UNAUTHORIZED', hint: expect.stringMatching(/API key/) });
	});

	it('a 200 whose message is REJECTED is an error with its status name and action', () => {
		const rejected = {
			messages: [{ messageId: 'm1', destination: '1', status: { groupId: 5, groupName: 'REJECTED', id: 51, name: 'REJECTED_DESTINATION', description: 'Destination rejected', action: 'Check the destination' } }],
		};
		expect(parseMessengerApiError(200, rejected)).toEqual({ message: 'Destination rejected', code: 'REJECTED_DESTINATION', hint: 'Check the destination' });
	});

	it('bodies that are no error give none', () => {
		for (const body of [undefined, null, 'text', [], {}, { messages: [] }, { messages: ['x'] }]) expect(parseMessengerApiError(200, body)).toBeUndefined();
	});
});
