import type { ProviderAdapter } from '../types';
import { INFOBIP_CREDENTIAL_TYPE } from './credential';
import { buildInfobipRequest } from './build';
import { parseInfobipError, parseInfobipResponse } from './parse';

export const infobipAdapter: ProviderAdapter = {
	name: 'infobip',
	displayName: 'Infobip',
	credentialType: INFOBIP_CREDENTIAL_TYPE,
	senderName: "the Infobip application key (credential field Default Sender, or the node's Sender option)",
	defaultSender: (credentials) => String(credentials.defaultSender ?? ''),
	buildSendRequest: buildInfobipRequest,
	parseSendResponse: parseInfobipResponse,
	parseError: parseInfobipError,
};
