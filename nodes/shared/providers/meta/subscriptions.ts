// Meta webhook registration, both levels Meta needs before a page's events reach a URL
// (providers.md "Subscriptions"):
// - app level: `/{app-id}/subscriptions` with the app token `APP_ID|APP_SECRET` (object=page,
//   callback_url, verify_token, fields). Meta calls the callback with the verification GET before it
//   answers, so the webhook must already be live. One callback per app and object: the last POST wins
//   (which is why the trigger reads it before registering: ../../../MessengerTrigger/callback-claim.ts).
// - page level: `/{page-id}/subscribed_apps` with the page token (subscribed_fields).
// This module only builds requests and reads answers; the trigger node sends them.
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { TriggerChoice } from '../../model/event';
import { graphId, pathSegment } from '../../model/path-input';
import { isRecord } from '../util';
import { graphVersionOf } from './version';

/**
 * Page webhook fields (Graph's names) that deliver each event kind (webhook events reference:
 * developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/).
 */
export const WEBHOOK_FIELDS_BY_EVENT: Readonly<Record<TriggerChoice, readonly string[]>> = {
	text: ['messages'],
	attachment: ['messages'],
	quick_reply: ['messages'],
	postback: ['messaging_postbacks'],
	echo: ['message_echoes'],
	read: ['message_reads'],
	delivery: ['message_deliveries'],
	optin: ['messaging_optins'],
	referral: ['messaging_referrals'],
	reaction: ['message_reactions'],
	edit: ['message_edits'],
	// Handover protocol: events of threads another app holds.
	standby: ['standby'],
	feed: ['feed'],
	status_report: [],
	unknown: [],
};

/** The fields to subscribe for the chosen events, sorted; `messages` at least, so the page is reachable. */
export function webhookFieldsFor(eventTypes: readonly TriggerChoice[]): string[] {
	const fields = new Set<string>(eventTypes.flatMap((type) => WEBHOOK_FIELDS_BY_EVENT[type] ?? []));
	if (fields.size === 0) fields.add('messages');
	return [...fields].sort();
}

export interface MetaSubscriptionTarget {
	/** `https://graph.facebook.com/v26.0`, from the credential. */
	graphUrl: string;
	appId: string;
	pageId: string;
	callbackUrl: string;
	verifyToken: string;
	fields: string[];
}

export class MetaSetupError extends Error {}

/** Reads what registration needs from the Facebook Page credential, naming the first missing field. */
export function subscriptionTarget(
	credentials: ICredentialDataDecryptedObject,
	callbackUrl: string,
	fields: string[],
): MetaSubscriptionTarget {
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
	const base = text('baseUrl').replace(/\/+$/, '') || 'https://graph.facebook.com';
	return {
		graphUrl: `${base}/${pathSegment(graphVersionOf(credentials))}`,
		appId: graphId('appId', text('appId')),
		pageId: graphId('pageId', text('pageId')),
		callbackUrl,
		verifyToken: text('verifyToken'),
		fields,
	};
}

/**
 * The app access token is `APP_ID|APP_SECRET` (not what the credential's `authenticate` adds, which is
 * the page token), so app-level requests carry it themselves, in a header to keep it out of URLs.
 */
export function appTokenHeader(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	return { Authorization: `Bearer ${String(credentials.appId ?? '').trim()}|${String(credentials.appSecret ?? '').trim()}` };
}

export function listAppSubscriptionsRequest(target: MetaSubscriptionTarget): IHttpRequestOptions {
	return { method: 'GET', url: `${target.graphUrl}/${pathSegment(target.appId)}/subscriptions`, json: true };
}

export function createAppSubscriptionRequest(target: MetaSubscriptionTarget): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${target.graphUrl}/${pathSegment(target.appId)}/subscriptions`,
		body: {
			object: 'page',
			callback_url: target.callbackUrl,
			verify_token: target.verifyToken,
			fields: target.fields.join(','),
			include_values: true,
		},
		json: true,
	};
}

export function deleteAppSubscriptionRequest(target: MetaSubscriptionTarget): IHttpRequestOptions {
	return {
		method: 'DELETE',
		url: `${target.graphUrl}/${pathSegment(target.appId)}/subscriptions`,
		qs: { object: 'page' },
		json: true,
	};
}

export function listPageSubscriptionsRequest(target: MetaSubscriptionTarget): IHttpRequestOptions {
	return { method: 'GET', url: `${target.graphUrl}/${pathSegment(target.pageId)}/subscribed_apps`, json: true };
}

export function subscribePageRequest(target: MetaSubscriptionTarget): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${target.graphUrl}/${pathSegment(target.pageId)}/subscribed_apps`,
		qs: { subscribed_fields: target.fields.join(',') },
		json: true,
	};
}

export function unsubscribePageRequest(target: MetaSubscriptionTarget): IHttpRequestOptions {
	return { method: 'DELETE', url: `${target.graphUrl}/${pathSegment(target.pageId)}/subscribed_apps`, json: true };
}

function dataOf(body: unknown): IDataObject[] {
	return isRecord(body) && Array.isArray(body.data) ? (body.data.filter(isRecord) as IDataObject[]) : [];
}

function fieldNames(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value.map((field) => (isRecord(field) ? String(field.name ?? '') : String(field)));
}

export interface AppSubscriptionState {
	/** An active `page` subscription exists for this app. */
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

export function appSubscriptionState(body: unknown, target: MetaSubscriptionTarget): AppSubscriptionState {
	const page = dataOf(body).find((subscription) => subscription.object === 'page' && subscription.active !== false);
	if (!page) return { exists: false, ours: false, complete: false };
	const callbackUrl = String(page.callback_url ?? '');
	const ours = sameUrl(callbackUrl, target.callbackUrl);
	const have = new Set(fieldNames(page.fields));
	return { exists: true, ours, complete: ours && target.fields.every((field) => have.has(field)), callbackUrl };
}

/** The app is installed on the page with at least the fields this trigger needs. */
export function pageSubscriptionComplete(body: unknown, target: MetaSubscriptionTarget): boolean {
	const app = dataOf(body).find((installed) => String(installed.id ?? '') === target.appId);
	if (!app) return false;
	const have = new Set(fieldNames(app.subscribed_fields));
	return target.fields.every((field) => have.has(field));
}

/**
 * A Graph error that means "there is nothing to delete": HTTP 404, or code 100 with subcode 33
 * (object does not exist). Deactivation treats these as done, so it can run any number of times.
 */
export function isAlreadyGone(httpCode: number | undefined, body: unknown): boolean {
	if (httpCode === 404) return true;
	const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
	return error?.code === 100 && error.error_subcode === 33;
}
