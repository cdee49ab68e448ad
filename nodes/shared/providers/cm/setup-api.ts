import type { SetupApi } from '../types';
import { CM_CREDENTIAL_TYPE } from './credential';
import { parseCmError } from './parse';

/** No setup call goes to CM.com yet; its send error parser reads any answer. */
export const CM_SETUP_API: SetupApi = {
	displayName: 'CM.com',
	credentialType: CM_CREDENTIAL_TYPE,
	parseError: parseCmError,
};
