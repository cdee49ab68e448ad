// What Meta changed by 2026 that the send side must know, in one place (sources in
// /work/shared/reference/provider-updates-2026.md, each named below). A correction is one edit here.
import type { OperationName, ProviderName, RecipientKind } from './message';

/**
 * Marketing messages (the `notification_messages` opt-in template and sends to
 * `recipient.notification_messages_token`) took no new integrations from 2025-09-01 and were
 * discontinued on 2026-02-10 (developers.facebook.com/docs/messenger-platform/marketing-messages).
 * Their successor is open only to reviewed tech providers, paid and regional
 * (developers.facebook.com/documentation/business-messaging/messenger-platform/marketing-messages-on-messenger).
 */
export const META_MARKETING_DISCONTINUED =
	'Meta discontinued marketing messages on Messenger (the notification_messages opt-in request and sends to a notification token) on 2026-02-10, so the Meta Graph API refuses them. ' +
	"Their successor, Meta's Marketing Message API for Messenger, is open only to tech providers that passed App Review (ads_management, pages_messaging, paid_marketing_messages or marketing_messages_messenger), is paid per message and does not deliver in the EU, UK, Japan, South Korea or Australia; this node does not send it. " +
	"CM.com's opt-in request and notification-token sends still work: choose the provider CM.com.";

/**
 * Operations a provider took away: still listed in the node (marked) so that a saved workflow opens
 * and fails with the reason instead of an unknown-parameter error; the validator refuses them.
 */
export const RETIRED_OPERATIONS: Readonly<Partial<Record<ProviderName, readonly OperationName[]>>> = {
	meta: ['optInRequest'],
};

/** What a provider took away, and why: the validator says this before any generic refusal. */
export const RETIRED_SENDS: Readonly<Partial<Record<ProviderName, { recipientKinds: readonly RecipientKind[]; reason: string }>>> = {
	meta: { recipientKinds: ['notificationToken'], reason: META_MARKETING_DISCONTINUED },
};

export interface MessageTagInfo {
	/** Shown in the node's tag list. */
	description: string;
	/** Providers that take the tag. */
	providers: readonly ProviderName[];
	/**
	 * Meta answers error 100 for the tag since this day. Meta's send-messages page ("Effective April
	 * 27th, 2026, all API requests containing the Message Tags CONFIRMED_EVENT_UPDATE, ACCOUNT_UPDATE,
	 * and POST_PURCHASE_UPDATE will receive error code 100"), as quoted in github.com/chatwoot/chatwoot/
	 * issues/14669 and reported in issues/14674 and github.com/emes30/facebook_messenger/issues/9.
	 * The node still sends it (CM.com may map it) and explains Meta's error when it comes.
	 */
	refusedByMetaSince?: string;
}

/** Every message tag the node offers, with the providers that take it: the one list. */
export const MESSAGE_TAGS: Readonly<Record<string, MessageTagInfo>> = {
	HUMAN_AGENT: {
		description: "A human agent's reply, up to 7 days after the user's message",
		providers: ['cm', 'meta'],
	},
	CONFIRMED_EVENT_UPDATE: {
		description: 'A reminder or update for an event the user registered for (Meta refuses it since 2026-04-27)',
		providers: ['cm', 'meta'],
		refusedByMetaSince: '2026-04-27',
	},
	POST_PURCHASE_UPDATE: {
		description: 'An update on a recent purchase (Meta refuses it since 2026-04-27)',
		providers: ['cm', 'meta'],
		refusedByMetaSince: '2026-04-27',
	},
	ACCOUNT_UPDATE: {
		description: "A non-recurring change to the user's application or account (Meta refuses it since 2026-04-27)",
		providers: ['cm', 'meta'],
		refusedByMetaSince: '2026-04-27',
	},
	NOTIFICATION_MESSAGE: {
		description: 'A marketing message to a notification token (CM.com; set automatically for notification tokens)',
		providers: ['cm'],
	},
};

export function messageTagsFor(provider: ProviderName): string[] {
	return Object.keys(MESSAGE_TAGS).filter((tag) => MESSAGE_TAGS[tag].providers.includes(provider));
}

/** The hint for Meta's error 100 on a tag it no longer takes: utility messages are Meta's route now. */
export const META_TAG_REFUSED_HINT =
	'Meta no longer takes the message tags CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE and ACCOUNT_UPDATE (error 100 since 2026-04-27). ' +
	'Reply inside the 24-hour window, use HUMAN_AGENT for a person\'s reply within 7 days, or send the update as a Meta utility message ' +
	'(an approved template under /{page-id}/message_templates, permission page_utility_messaging; see developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/utility-messages).';
