import type { ProviderAdapter } from '../types';
import { buildMessengerApiRequest } from './build';
import { INFOBIP_MESSENGER_CREDENTIAL_TYPE } from './credential';
import { parseMessengerApiError, parseMessengerApiResponse } from './parse';

export const infobipMessengerAdapter: ProviderAdapter = {
	name: 'infobipMessenger',
	displayName: 'Infobip (Messenger API)',
	credentialType: INFOBIP_MESSENGER_CREDENTIAL_TYPE,
	senderName: "the Facebook page ID connected to Infobip (credential field Page ID (Messenger API), or the node's Sender option)",
	// Its own field: the same credential also serves the v1 API, whose sender is an application key.
	defaultSender: (credentials) => String(credentials.messengerPageId ?? '').trim(),
	buildSendRequest: buildMessengerApiRequest,
	parseSendResponse: parseMessengerApiResponse,
	parseError: parseMessengerApiError,
};
