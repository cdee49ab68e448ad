import type { INode } from 'n8n-workflow';

import { providerApiError } from '../../../nodes/shared/provider-error';

const node: INode = { id: '1', name: 'Messenger', type: 'n8n-nodes-messenger.messenger', typeVersion: 1, position: [0, 0], parameters: {} };

describe('providerApiError', () => {
	it('ends the provider\'s hint as a sentence before the error code', () => {
		const error = providerApiError(node, 'CM.com', 400, { message: 'Invalid from', code: '301', hint: 'Check the Sender option' });
		expect(error.description).toBe('Check the Sender option. CM.com error code: 301.');
	});

	it('keeps a hint that already ends a sentence as it is', () => {
		const error = providerApiError(node, 'Graph', 400, { message: 'x', code: '190', hint: 'Generate a new token.' });
		expect(error.description).toBe('Generate a new token. Graph error code: 190.');
	});
});
