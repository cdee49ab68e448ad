import { withSetupHints } from '../setup-hints';
import type { SetupApi } from '../types';
import { INFOBIP_CREDENTIAL_TYPE } from './credential';
import { parseInfobipError } from './parse';

export const INFOBIP_SETUP_API: SetupApi = {
	displayName: 'Infobip',
	credentialType: INFOBIP_CREDENTIAL_TYPE,
	parseError: withSetupHints(parseInfobipError, {
		BAD_REQUEST: 'Infobip refused the application details: check the page access token, the Facebook App ID and the App Secret',
		NOT_FOUND: 'No application with this key in this Infobip account: list the applications to see the keys',
	}),
};
