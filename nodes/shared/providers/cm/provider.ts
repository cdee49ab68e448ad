import type { ProviderDefinition } from '../types';
import { cmAdapter } from './adapter';
import { CM_CAPABILITIES } from './capabilities';
import { CM_CREDENTIAL_TYPE } from './credential';
import { cmEventKey, parseCmInbound } from './inbound';
import { CM_LIMITS } from './limits';
import { CM_SETUP_API } from './setup-api';
import { CM_TRIGGER } from './trigger-description';

/** CM.com Business Messaging (seed 004): its row in the provider registry. */
export const cmProvider: ProviderDefinition = {
	name: 'cm',
	label: 'CM.com',
	brand: 'CM.com',
	options: {
		send: { name: 'CM.com', description: 'CM.com Business Messaging; uses a CM.com (Messenger) API credential' },
		trigger: { name: 'CM.com', description: 'CM.com inbound (MO) messages and status reports, set up in the Channels app' },
	},
	credentialType: CM_CREDENTIAL_TYPE,
	capabilities: CM_CAPABILITIES,
	limits: CM_LIMITS,
	send: cmAdapter,
	inbound: { displayName: 'CM.com (inbound and status report webhooks)', parse: parseCmInbound, eventKey: cmEventKey, trigger: CM_TRIGGER },
	setup: CM_SETUP_API,
};
