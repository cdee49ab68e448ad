// App-level webhook subscriptions (providers.md "Subscriptions"): `/{app-id}/subscriptions` with the
// app token `APP_ID|APP_SECRET`, one callback per app and object (the last POST wins, which is why the
// Messenger Trigger reads it before registering: ../../../../MessengerTrigger/callback-claim.ts). Meta
// calls the callback with the verification GET before it answers, so the webhook must already be live.
// Parameterised by the webhook `object`, so every Graph product registers through the same calls.
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { pathSegment } from '../../../model/path-input';
import { isRecord } from '../../util';

/** A webhook registration at both levels: the app's callback for one object, and the page's fields. */
export interface GraphSubscriptionTarget {
	/** `https://graph.facebook.com/v26.0`, from the credential (./base-url.ts). */
	graphUrl: string;
	/** The webhook object of the app-level subscription: `page` for Messenger, `instagram` for Instagram. */
	object: string;
	appId: string;
	pageId: string;
	callbackUrl: string;
	verifyToken: string;
	fields: string[];
}

/**
 * The app access token is `APP_ID|APP_SECRET` (not what the credential's `authenticate` adds, which is
 * the page token), so app-level requests carry it themselves, in a header to keep it out of URLs.
 */
export function appTokenHeader(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	return { Authorization: `Bearer ${String(credentials.appId ?? '').trim()}|${String(credentials.appSecret ?? '').trim()}` };
}

export function listAppSubscriptionsRequest(target: GraphSubscriptionTarget): IHttpRequestOptions {
	return { method: 'GET', url: `${target.graphUrl}/${pathSegment(target.appId)}/subscriptions`, json: true };
}

export function createAppSubscriptionRequest(target: GraphSubscriptionTarget): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${target.graphUrl}/${pathSegment(target.appId)}/subscriptions`,
		body: {
			object: target.object,
			callback_url: target.callbackUrl,
			verify_token: target.verifyToken,
			fields: target.fields.join(','),
			include_values: true,
		},
		json: true,
	};
}

export function deleteAppSubscriptionRequest(target: GraphSubscriptionTarget): IHttpRequestOptions {
	return {
		method: 'DELETE',
		url: `${target.graphUrl}/${pathSegment(target.appId)}/subscriptions`,
		qs: { object: target.object },
		json: true,
	};
}

export function dataOf(body: unknown): IDataObject[] {
	return isRecord(body) && Array.isArray(body.data) ? (body.data.filter(isRecord) as IDataObject[]) : [];
}

export function fieldNames(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value.map((field) => (isRecord(field) ? String(field.name ?? '') : String(field)));
}

export interface AppSubscriptionState {
	/** An active subscription for the target's object exists for this app. */
	exists: boolean;
	/** ...and it calls this trigger's URL. */
	ours: boolean;
	/** ...and it already carries every field this trigger needs. */
	complete: boolean;
	/** The URL Meta calls for the app's pages, when a subscription exists. */
	callbackUrl?: string;
}

/**
 * A URL as a comparable string: scheme and host in lower case, the default port dropped, the path's
 * percent-encoding made uniform (WHATWG URL). Meta answers with the callback as it was registered,
 * but a hand-typed one in the dashboard may differ from n8n's in just these ways.
 */
export function normalizedUrl(url: string): string {
	try {
		return new URL(url).href;
	} catch {
		return url;
	}
}

export const sameUrl = (a: string, b: string): boolean => normalizedUrl(a) === normalizedUrl(b);

export function appSubscriptionState(body: unknown, target: GraphSubscriptionTarget): AppSubscriptionState {
	const page = dataOf(body).find((subscription) => subscription.object === target.object && subscription.active !== false);
	if (!page) return { exists: false, ours: false, complete: false };
	const callbackUrl = String(page.callback_url ?? '');
	const ours = sameUrl(callbackUrl, target.callbackUrl);
	const have = new Set(fieldNames(page.fields));
	return { exists: true, ours, complete: ours && target.fields.every((field) => have.has(field)), callbackUrl };
}
