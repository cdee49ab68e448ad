import { graphId } from '../../model/path-input';
import type { ProviderAdapter } from '../types';
import { FACEBOOK_PAGE_CREDENTIAL_TYPE } from './credential';
import { buildMetaRequest } from './build';
import { parseMetaError, parseMetaResponse } from './parse';
import { PAGE_TOKENS } from './page-tokens';
import { metaUploader } from './upload';

export const metaAdapter: ProviderAdapter = {
	name: 'meta',
	displayName: 'Meta Graph API',
	credentialType: FACEBOOK_PAGE_CREDENTIAL_TYPE,
	senderName: "the Facebook page ID (credential field Page ID, or the node's Page option)",
	defaultSender: (credentials) => String(credentials.pageId ?? ''),
	buildSendRequest: buildMetaRequest,
	parseSendResponse: parseMetaResponse,
	parseError: parseMetaError,
	checkSender: (sender) => {
		graphId('sender', sender);
	},
	uploader: metaUploader,
	// A system-user credential sends as each page with that page's own token (./page-tokens.ts).
	senderTokens: PAGE_TOKENS,
};
