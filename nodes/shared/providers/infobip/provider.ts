import type { ProviderDefinition } from '../types';
import { infobipAdapter } from './adapter';
import { INFOBIP_CAPABILITIES } from './capabilities';
import { INFOBIP_CREDENTIAL_TYPE } from './credential';
import { infobipEventKey, parseInfobipInbound } from './inbound';
import { INFOBIP_INBOX_PULL } from './inbox-pull';
import { INFOBIP_LIMITS } from './limits';
import { INFOBIP_SETUP_API } from './setup-api';
import { INFOBIP_TRIGGER } from './trigger-description';

/** Infobip's Facebook Messenger API (seeds 000-003): its row in the provider registry. */
export const infobipProvider: ProviderDefinition = {
	name: 'infobip',
	label: 'Infobip',
	brand: 'Infobip',
	options: {
		send: {
			name: 'Infobip (Facebook API v1, Legacy)',
			description: "Infobip's 2016 Facebook API (/facebook/1/*), which Infobip's current API description no longer lists; uses an Infobip (Messenger) API credential",
		},
		trigger: {
			name: 'Infobip (Facebook API v1 HTTP Forward, Legacy)',
			description: 'Infobip forwards each incoming message (Forward action of the Facebook configuration)',
		},
	},
	credentialType: INFOBIP_CREDENTIAL_TYPE,
	capabilities: INFOBIP_CAPABILITIES,
	limits: INFOBIP_LIMITS,
	send: infobipAdapter,
	inbound: { displayName: 'Infobip (HTTP forward)', parse: parseInfobipInbound, eventKey: infobipEventKey, trigger: INFOBIP_TRIGGER },
	inboxPull: INFOBIP_INBOX_PULL,
	setup: INFOBIP_SETUP_API,
};
