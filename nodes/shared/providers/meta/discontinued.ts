// What Meta took away by 2026 that the send side must explain (sources in
// /work/shared/reference/provider-updates-2026.md, each named below). A correction is one edit here.

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

/** The hint for Meta's error 100 on a tag it no longer takes: utility messages are Meta's route now. */
export const META_TAG_REFUSED_HINT =
	'Meta no longer takes the message tags CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE and ACCOUNT_UPDATE (error 100 since 2026-04-27). ' +
	'Reply inside the 24-hour window, use HUMAN_AGENT for a person\'s reply within 7 days, or send the update as a Meta utility message ' +
	'(an approved template under /{page-id}/message_templates, permission page_utility_messaging; see developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/utility-messages).';
