// Messenger's page webhook fields (Graph's names): which ones deliver each event the trigger reports.
import type { TriggerChoice } from '../../model/event';

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

/**
 * Page subscription fields a bot needs for what the Messenger Trigger reports (messages, postbacks,
 * opt-ins, referrals, deliveries, reads, reactions); pre-selected by the Messenger Application node.
 */
export const BOT_SUBSCRIBED_FIELDS = [
	'messages',
	'messaging_postbacks',
	'messaging_optins',
	'messaging_referrals',
	'message_deliveries',
	'message_reads',
	'message_reactions',
] as const;

/** Every page subscription field the node offers (Meta's Webhooks for Messenger Platform fields). */
export const PAGE_SUBSCRIBED_FIELDS = [
	...BOT_SUBSCRIBED_FIELDS,
	'message_echoes',
	'messaging_handovers',
	'messaging_policy_enforcement',
	'messaging_account_linking',
	'standby',
	'feed',
] as const;
