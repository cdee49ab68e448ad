// What registering a Messenger webhook needs (both levels: ./graph/app-subscriptions.ts and
// ./graph/page-subscriptions-requests.ts): the `page` object, the page webhook fields of the chosen
// events, and the credential's ids and tokens. This module only builds and reads; the trigger sends.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { graphId } from '../../model/path-input';
import type { GraphSubscriptionTarget } from './graph/app-subscriptions';
import { graphBaseUrl } from './graph/base-url';

/** Messenger's webhook object at the app level. */
export const MESSENGER_WEBHOOK_OBJECT = 'page';

export { webhookFieldsFor } from './webhook-fields';

export class MetaSetupError extends Error {}

/** Reads what registration needs from the Facebook Page credential, naming the first missing field. */
export function subscriptionTarget(
	credentials: ICredentialDataDecryptedObject,
	callbackUrl: string,
	fields: string[],
): GraphSubscriptionTarget {
	const text = (key: string) => String(credentials[key] ?? '').trim();
	const missing = [
		['pageId', 'Page ID'],
		['appId', 'App ID'],
		['appSecret', 'App Secret'],
		['verifyToken', 'Webhook Verify Token'],
	].find(([key]) => !text(key));
	if (missing) {
		throw new MetaSetupError(
			`The Facebook Page credential has no ${missing[1]}, which registering the webhook with Meta needs. ` +
				'Fill it in, or turn off "Register Webhook With Meta" and set the webhook up in the Meta app dashboard.',
		);
	}
	return {
		graphUrl: graphBaseUrl(credentials),
		object: MESSENGER_WEBHOOK_OBJECT,
		appId: graphId('appId', text('appId')),
		pageId: graphId('pageId', text('pageId')),
		callbackUrl,
		verifyToken: text('verifyToken'),
		fields,
	};
}

export { appTokenHeader, appSubscriptionState, createAppSubscriptionRequest, deleteAppSubscriptionRequest, listAppSubscriptionsRequest } from './graph/app-subscriptions';
export { listPageSubscriptionsRequest, pageSubscriptionComplete, subscribePageRequest, unsubscribePageRequest } from './graph/page-subscriptions-requests';
export { isAlreadyGone } from './graph/error';
export type { GraphSubscriptionTarget } from './graph/app-subscriptions';

/** The API these calls go to (its credential is the Facebook Page one). */
export { GRAPH_SETUP_API as SETUP_API } from './graph/setup-api';
