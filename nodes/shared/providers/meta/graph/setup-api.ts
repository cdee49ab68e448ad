import { withSetupHints } from '../../setup-hints';
import type { SetupApi } from '../../types';
import { FACEBOOK_PAGE_CREDENTIAL_TYPE } from '../credential';
import { parseMetaError } from '../parse';

export const GRAPH_SETUP_API: SetupApi = {
	displayName: 'Meta Graph API',
	credentialType: FACEBOOK_PAGE_CREDENTIAL_TYPE,
	parseError: withSetupHints(parseMetaError, {
		'100/2018001': 'No user with this PSID for this page: PSIDs are page-scoped, so use the sender ID of this page\'s own webhook events',
		'100/33': 'The page ID of the Facebook Page credential is wrong, or its token belongs to another page',
		'200': 'The page token lacks a permission this call needs (pages_messaging, pages_manage_metadata for subscriptions and the profile)',
		'210': 'This call needs a page access token, not a user or app token',
	}),
};
