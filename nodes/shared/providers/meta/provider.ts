import type { ProviderDefinition } from '../types';
import { metaAdapter } from './adapter';
import { META_CAPABILITIES } from './capabilities';
import { FACEBOOK_PAGE_CREDENTIAL_TYPE } from './credential';
import { answerMetaHandshake } from './graph/handshake';
import { metaEventKey, parseMetaWebhook } from './inbound';
import { META_LIMITS } from './limits';
import { GRAPH_SETUP_API } from './graph/setup-api';
import { SIGNATURE_HEADER, verifySignature } from './graph/signature';
import { META_TRIGGER } from './trigger-description';

/** Messenger through Meta's Graph API with a page access token (providers.md): its registry row. */
export const metaProvider: ProviderDefinition = {
	name: 'meta',
	label: 'Meta Graph API',
	brand: 'Meta',
	options: {
		send: {
			name: 'Meta Graph API (Direct)',
			description: 'Meta\'s Send API with a page access token; uses a Facebook Page (Messenger) API credential',
		},
		trigger: { name: 'Meta Graph API (Direct)', description: 'Meta calls this URL with every page event; signed with the app secret' },
	},
	credentialType: FACEBOOK_PAGE_CREDENTIAL_TYPE,
	capabilities: META_CAPABILITIES,
	limits: META_LIMITS,
	send: metaAdapter,
	inbound: {
		displayName: 'Meta (Graph API webhook)',
		parse: parseMetaWebhook,
		eventKey: metaEventKey,
		signed: {
			signatureHeader: SIGNATURE_HEADER,
			verifySignature,
			secretsOf: (credentials) => ({
				signingSecret: String(credentials.appSecret ?? ''),
				verifyToken: String(credentials.verifyToken ?? ''),
			}),
			answerHandshake: answerMetaHandshake,
		},
		registersWebhook: true,
		trigger: META_TRIGGER,
	},
	setup: GRAPH_SETUP_API,
};
