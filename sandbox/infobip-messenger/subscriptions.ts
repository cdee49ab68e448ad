// GET /messenger/1/pages/{pageId}/subscriptions (operation get-messenger-marketing-subscriptions):
// answer schema PageMarketingSubscriptionResponse, every field of which is required:
// {notificationMessagesToken, recipientId, notificationMessagesReoptin (ENABLED|DISABLED|UNKNOWN),
// creationDatetime, tokenExpiry, userTokenStatus (REFRESHED|NOT_REFRESHED|UNKNOWN), title,
// notificationMessagesTimezone, nextEligibleDatetime}. 404 "Page Does Not Exist" (no body documented).
//
// Sandbox decisions: the operation says "Get all ... subscriptions" yet its schema is ONE object, so the
// sandbox answers the page's most recent subscription as that object. A page the account does not own
// is a 404 without a body, as documented; a page of the account with no subscription is a 404 too (the
// schema has no empty form). Subscriptions are added by POST /__sandbox/infobip-messenger/subscriptions
// ("collecting subscription tokens still works", says the operation). `recipientId` is "Page ID" in the
// schema, so it holds the page id; tokens expire after a year, the next message is eligible at once.
import { randomBytes } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import type { Json } from '../core/values';
import { formatInfobipTime } from './statuses';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export interface SubscriptionSpec {
	pageId: string;
	title?: string;
	timezone?: string;
	reoptin?: 'ENABLED' | 'DISABLED' | 'UNKNOWN';
	userTokenStatus?: 'REFRESHED' | 'NOT_REFRESHED' | 'UNKNOWN';
}

export class SubscriptionStore {
	private readonly byPage = new Map<string, Json[]>();

	add(spec: SubscriptionSpec, now = Date.now()): Json {
		const subscription: Json = {
			notificationMessagesToken: randomBytes(24).toString('base64url'),
			recipientId: spec.pageId,
			notificationMessagesReoptin: spec.reoptin ?? 'ENABLED',
			creationDatetime: formatInfobipTime(now),
			tokenExpiry: formatInfobipTime(now + YEAR_MS),
			userTokenStatus: spec.userTokenStatus ?? 'NOT_REFRESHED',
			title: spec.title ?? 'Sandbox updates',
			notificationMessagesTimezone: spec.timezone ?? 'UTC',
			nextEligibleDatetime: formatInfobipTime(now),
		};
		const list = this.byPage.get(spec.pageId) ?? [];
		list.push(subscription);
		this.byPage.set(spec.pageId, list);
		return subscription;
	}

	latest(pageId: string): Json | undefined {
		const list = this.byPage.get(pageId);
		return list?.[list.length - 1];
	}

	clear(): void {
		this.byPage.clear();
	}
}

export function handleSubscriptions(req: SandboxRequest, store: SubscriptionStore, pageIds: readonly string[]): SandboxResponse {
	const pageId = req.params.pageId;
	const subscription = pageIds.includes(pageId) ? store.latest(pageId) : undefined;
	if (!subscription) return { status: 404 };
	return { status: 200, body: structuredClone(subscription) };
}
