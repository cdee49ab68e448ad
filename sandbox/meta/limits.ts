// Every documented limit of the Meta Messenger Platform the sandbox enforces, in one table
// (providers.md, "Meta Messenger Platform"). Lengths are counted in Unicode code points.
export const META_LIMITS = {
	textMax: 2000,
	metadataMax: 1000,
	quickRepliesMin: 1,
	quickRepliesMax: 13,
	quickReplyTitleMax: 20,
	quickReplyPayloadMax: 1000,
	buttonTemplateTextMax: 640,
	buttonTemplateButtonsMin: 1,
	buttonTemplateButtonsMax: 3,
	buttonTitleMax: 20,
	buttonPayloadMax: 1000,
	genericElementsMin: 1,
	genericElementsMax: 10,
	genericTitleMax: 80,
	genericSubtitleMax: 80,
	genericButtonsMax: 3,
	productElementsMin: 1,
	productElementsMax: 10,
	mediaElements: 1,
	mediaButtonsMax: 3,
	notificationTitleMax: 65,
	notificationPayloadMax: 1000,
	getStartedPayloadMax: 1000,
	greetingTextMax: 160,
	persistentMenuItemsMax: 20,
	/** Persistent-menu items allow longer titles than template buttons. */
	persistentMenuTitleMax: 30,
	iceBreakersMax: 4,
	iceBreakerPayloadMax: 1000,
	whitelistedDomainsMax: 50,
} as const;

const HOUR = 60 * 60 * 1000;

/** Standard messaging window, counted from the user's last inbound message. */
export const RESPONSE_WINDOW_MS = 24 * HOUR;

export interface MessageTagInfo {
	/** How long after the user's last message the tag may be used; undefined = no window. */
	windowMs?: number;
	/** Unverified: Meta announced retirement of these tags in 2026 (providers.md). */
	retirementAnnounced: boolean;
}

/** The message tags the sandbox accepts with `messaging_type: MESSAGE_TAG`. The one place to change them. */
export const MESSAGE_TAGS: Readonly<Record<string, MessageTagInfo>> = {
	CONFIRMED_EVENT_UPDATE: { retirementAnnounced: true }, // unverified: retirement announced
	POST_PURCHASE_UPDATE: { retirementAnnounced: true }, // unverified: retirement announced
	ACCOUNT_UPDATE: { retirementAnnounced: true }, // unverified: retirement announced
	HUMAN_AGENT: { windowMs: 7 * 24 * HOUR, retirementAnnounced: false },
};

export const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] as const;
export const SENDER_ACTIONS = ['mark_seen', 'typing_on', 'typing_off'] as const;
export const NOTIFICATION_TYPES = ['REGULAR', 'SILENT_PUSH', 'NO_PUSH'] as const;
export const MEDIA_ATTACHMENT_TYPES = ['image', 'audio', 'video', 'file'] as const;
// `product` renders catalog items by id (Graph v8.0+ documents it: elements [{id}], up to 10).
export const TEMPLATE_TYPES = ['button', 'generic', 'media', 'product', 'notification_messages'] as const;
export const QUICK_REPLY_TYPES = ['text', 'user_phone_number', 'user_email'] as const;
export const BUTTON_TYPES = ['web_url', 'postback', 'phone_number'] as const;
export const WEBVIEW_HEIGHT_RATIOS = ['compact', 'tall', 'full'] as const;
export const NOTIFICATION_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export const NOTIFICATION_REOPTIN = ['ENABLED', 'DISABLED'] as const;
export const NOTIFICATION_CTA_TEXTS = ['ALLOW', 'FREQUENCY', 'GET', 'GET_UPDATES', 'OPT_IN', 'SIGN_UP'] as const;

/** Page webhook fields accepted by `subscribed_apps` and by app subscriptions with `object=page`. */
export const PAGE_WEBHOOK_FIELDS = [
	'messages',
	'messaging_postbacks',
	'messaging_optins',
	'messaging_optouts',
	'message_deliveries',
	'message_reads',
	'message_echoes',
	'message_edits',
	'messaging_referrals',
	'message_reactions',
	'messaging_handovers',
	'messaging_policy_enforcement',
	'messaging_account_linking',
	'messaging_game_plays',
	'messaging_customer_information',
	'messaging_feedback',
	'standby',
	'response_feedback',
	'inbox_labels',
	'feed',
	'mention',
	'name',
	'picture',
] as const;

/** Objects `POST /{app-id}/subscriptions` accepts; only `page` has its fields checked. */
export const APP_SUBSCRIPTION_OBJECTS = ['page', 'user', 'permissions', 'application', 'instagram', 'whatsapp_business_account'] as const;

export const MESSENGER_PROFILE_FIELDS = ['get_started', 'greeting', 'persistent_menu', 'ice_breakers', 'whitelisted_domains'] as const;
