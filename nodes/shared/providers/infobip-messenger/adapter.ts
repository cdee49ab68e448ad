import type { ProviderAdapter } from '../types';
import { buildMessengerApiRequest } from './build';
import { INFOBIP_MESSENGER_CREDENTIAL_TYPE } from './credential';
import { parseMessengerApiError, parseMessengerApiResponse } from './parse';

export const infobipMessengerAdapter: ProviderAdapter = {
	name: 'infobipMessenger',
	displayName: 'Infobip (Messenger API)',
	credentialType: INFOBIP_MESSENGER_CREDENTIAL_TYPE,
	senderName: "the Facebook page ID connected to Infobip (credential field Default Sender, or the node's Sender option)",
	defaultSender: (credentials) => String(credentials.defaultSender ?? '').trim(),
	buildSendRequest: buildMessengerApiRequest,
	parseSendResponse: parseMessengerApiResponse,
	parseError: parseMessengerApiError,
};
