import type { ProviderAdapter } from '../types';
import { CM_CREDENTIAL_TYPE } from './credential';
import { buildCmRequest } from './build';
import { parseCmError, parseCmResponse } from './parse';

export const cmAdapter: ProviderAdapter = {
	name: 'cm',
	displayName: 'CM.com',
	credentialType: CM_CREDENTIAL_TYPE,
	senderName: "the Facebook page ID (credential field Default Page ID, or the node's Sender option)",
	defaultSender: (credentials) => String(credentials.pageId ?? ''),
	buildSendRequest: (request, credentials) => buildCmRequest(request, credentials),
	parseSendResponse: parseCmResponse,
	parseError: parseCmError,
};
