// The Messenger Application node's Page Subscription resource (providers.md):
//   GET|POST|DELETE /{version}/{page-id}/subscribed_apps   (POST with ?subscribed_fields=a,b)
// The token, and appsecret_proof when the credential has an app secret, are added by the credential.
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { graphId } from '../../model/path-input';
import { InputValidationError } from '../../model/setup-input';
import { isRecord } from '../util';
import type { GraphSubscriptionTarget } from './graph/app-subscriptions';
import { graphBaseUrl } from './graph/base-url';
import { listPageSubscriptionsRequest, subscribePageRequest, unsubscribePageRequest } from './graph/page-subscriptions-requests';
import { MESSENGER_WEBHOOK_OBJECT } from './webhook-registration';

export { BOT_SUBSCRIBED_FIELDS, PAGE_SUBSCRIBED_FIELDS } from './webhook-fields';

/** The API these calls go to (its credential is the Facebook Page one). */
export { GRAPH_SETUP_API as SETUP_API } from './graph/setup-api';

export function pageIdOf(credentials: ICredentialDataDecryptedObject, override?: string): string {
	const pageId = (override ?? '').trim() || String(credentials.pageId ?? '').trim();
	if (!pageId) throw new InputValidationError('pageId', 'No page ID: set it in the Facebook Page credential');
	return graphId('pageId', pageId);
}

export interface PageSubscription {
	appId: string;
	name: string;
	category: string;
	link: string;
	subscribedFields: string[];
}

/**
 * The page-level requests are the Messenger Trigger's (./graph/page-subscriptions-requests.ts), so both nodes send the same
 * calls; only the page and the fields matter for them, the callback fields stay empty.
 */
function pageTarget(credentials: ICredentialDataDecryptedObject, pageId: string | undefined, fields: readonly string[]): GraphSubscriptionTarget {
	return {
		graphUrl: graphBaseUrl(credentials),
		object: MESSENGER_WEBHOOK_OBJECT,
		appId: String(credentials.appId ?? '').trim(),
		pageId: pageIdOf(credentials, pageId),
		callbackUrl: '',
		verifyToken: '',
		fields: [...fields],
	};
}

export function buildListPageSubscriptions(credentials: ICredentialDataDecryptedObject, pageId?: string): IHttpRequestOptions {
	return listPageSubscriptionsRequest(pageTarget(credentials, pageId, []));
}

export function buildSubscribePage(
	fields: readonly string[],
	credentials: ICredentialDataDecryptedObject,
	pageId?: string,
): IHttpRequestOptions {
	if (!fields.length) throw new InputValidationError('subscribedFields', 'Select at least one field to subscribe the page to');
	return subscribePageRequest(pageTarget(credentials, pageId, fields));
}

export function buildUnsubscribePage(credentials: ICredentialDataDecryptedObject, pageId?: string): IHttpRequestOptions {
	return unsubscribePageRequest(pageTarget(credentials, pageId, []));
}

function stringList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((entry) => (isRecord(entry) ? String(entry.name ?? '') : String(entry))).filter(Boolean);
	if (typeof value === 'string') return value.split(',').map((entry) => entry.trim()).filter(Boolean);
	return [];
}

/** `{data:[{id, name, category, link, subscribed_fields:[...]}]}`. */
export function parsePageSubscriptions(body: unknown): PageSubscription[] {
	const data = isRecord(body) && Array.isArray(body.data) ? body.data : [];
	return data.filter(isRecord).map((app) => ({
		appId: String(app.id ?? ''),
		name: String(app.name ?? ''),
		category: String(app.category ?? ''),
		link: String(app.link ?? ''),
		subscribedFields: stringList(app.subscribed_fields),
	}));
}

/** What a subscribe call would change, given the app's current fields (undefined: not subscribed). */
export function planSubscription(
	current: readonly string[] | undefined,
	requested: readonly string[],
	keepExisting: boolean,
): { fields: string[]; added: string[]; removed: string[]; change: 'subscribed' | 'updated' | 'unchanged' } {
	const wanted = [...new Set(requested.map((field) => field.trim()).filter(Boolean))];
	const before = current ?? [];
	const fields = keepExisting ? [...new Set([...before, ...wanted])] : wanted;
	const added = fields.filter((field) => !before.includes(field));
	const removed = before.filter((field) => !fields.includes(field));
	const change = current === undefined ? 'subscribed' : added.length || removed.length ? 'updated' : 'unchanged';
	return { fields, added, removed, change };
}
