// Page-level webhook subscriptions: `/{page-id}/subscribed_apps` with the page token, which installs
// the app on the page with its `subscribed_fields`. The Messenger Trigger (registration) and the
// Messenger Application node (Page Subscription) send these same calls.
import type { IHttpRequestOptions } from 'n8n-workflow';

import { pathSegment } from '../../../model/path-input';
import { dataOf, fieldNames, type GraphSubscriptionTarget } from './app-subscriptions';

export function listPageSubscriptionsRequest(target: GraphSubscriptionTarget): IHttpRequestOptions {
	return { method: 'GET', url: `${target.graphUrl}/${pathSegment(target.pageId)}/subscribed_apps`, json: true };
}

export function subscribePageRequest(target: GraphSubscriptionTarget): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${target.graphUrl}/${pathSegment(target.pageId)}/subscribed_apps`,
		qs: { subscribed_fields: target.fields.join(',') },
		json: true,
	};
}

export function unsubscribePageRequest(target: GraphSubscriptionTarget): IHttpRequestOptions {
	return { method: 'DELETE', url: `${target.graphUrl}/${pathSegment(target.pageId)}/subscribed_apps`, json: true };
}

/** The app is installed on the page with at least the fields this trigger needs. */
export function pageSubscriptionComplete(body: unknown, target: GraphSubscriptionTarget): boolean {
	const app = dataOf(body).find((installed) => String(installed.id ?? '') === target.appId);
	if (!app) return false;
	const have = new Set(fieldNames(app.subscribed_fields));
	return target.fields.every((field) => have.has(field));
}
