import type { ProviderDefinition } from '../types';
import { infobipMessengerAdapter } from './adapter';
import { INFOBIP_MESSENGER_CAPABILITIES } from './capabilities';
import { INFOBIP_MESSENGER_CREDENTIAL_TYPE } from './credential';
import { messengerApiEventKey, parseMessengerApiInbound } from './inbound';
import { MESSAGES_API_INBOX_PULL } from './inbox-pull';
import { MESSENGER_API_REPORTS_PULL } from './reports-pull';
import { INFOBIP_MESSENGER_LIMITS } from './limits';
import { INFOBIP_MESSENGER_SETUP_API } from './setup-api';
import { INFOBIP_MESSENGER_TRIGGER } from './trigger-description';

/**
 * Infobip today (OpenAPI 3.210.0): the Messenger API to send and for its webhooks, the Messages API's
 * inbound pull for the inbox. Its row in the provider registry, beside the v1 Facebook API row; both
 * use the same Infobip credential.
 */
export const infobipMessengerProvider: ProviderDefinition = {
	name: 'infobipMessenger',
	label: 'Infobip (Messenger API)',
	brand: 'Infobip',
	options: {
		send: {
			name: 'Infobip (Messenger API)',
			description: "Infobip's current Messenger API; uses an Infobip (Messenger) API credential",
		},
		trigger: {
			name: 'Infobip (Messenger API Webhook)',
			description: 'Infobip calls this URL with incoming messages, delivery reports and seen reports',
		},
	},
	credentialType: INFOBIP_MESSENGER_CREDENTIAL_TYPE,
	capabilities: INFOBIP_MESSENGER_CAPABILITIES,
	limits: INFOBIP_MESSENGER_LIMITS,
	send: infobipMessengerAdapter,
	inbound: {
		displayName: 'Infobip (Messenger API webhook)',
		parse: parseMessengerApiInbound,
		eventKey: messengerApiEventKey,
		trigger: INFOBIP_MESSENGER_TRIGGER,
	},
	inboxPull: MESSAGES_API_INBOX_PULL,
	reportsPull: MESSENGER_API_REPORTS_PULL,
	setup: INFOBIP_MESSENGER_SETUP_API,
};
