import type { SetupApi } from '../types';
import { INFOBIP_MESSENGER_CREDENTIAL_TYPE } from './credential';
import { parseMessengerApiError } from './parse';

/** The calls besides sending (the inbox pull): the same account, the same ApiError body. */
export const INFOBIP_MESSENGER_SETUP_API: SetupApi = {
	displayName: 'Infobip (Messenger API)',
	credentialType: INFOBIP_MESSENGER_CREDENTIAL_TYPE,
	parseError: parseMessengerApiError,
};
