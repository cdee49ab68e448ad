// Every documented limit of the Meta Messenger Platform the sandbox enforces, in one table
// (providers.md, "Meta Messenger Platform"; what changed by 2026 from provider-updates-2026.md, each
// line naming its Meta page). Lengths are counted in Unicode code points.
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
	// Media template page: "a structured message with an optional button"; one element, at most one button.
	mediaButtonsMax: 1,
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
	/**
	 * Reported, not announced by Meta: since 2026 these tags answer error 100 (github.com/chatwoot/
	 * chatwoot/issues/14674, github.com/emes30/facebook_messenger/issues/9). Meta's route for such
	 * updates is utility messages (.../messenger-platform/send-messages/utility-messages). Set to false
	 * to accept the tag again.
	 */
	refused: boolean;
}

/** The message tags the sandbox knows with `messaging_type: MESSAGE_TAG`. The one place to change them. */
export const MESSAGE_TAGS: Readonly<Record<string, MessageTagInfo>> = {
	CONFIRMED_EVENT_UPDATE: { refused: true },
	POST_PURCHASE_UPDATE: { refused: true },
	ACCOUNT_UPDATE: { refused: true },
	HUMAN_AGENT: { windowMs: 7 * 24 * HOUR, refused: false },
};

/** Marketing messages (notification_messages template and token) were discontinued on this day. */
export const MARKETING_MESSAGES_DISCONTINUED = '2026-02-10';

export const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] as const;
// Sender actions page (updated 2026-01-21): react / unreact take `payload: {message_id, reaction}`.
export const SENDER_ACTIONS = ['mark_seen', 'typing_on', 'typing_off', 'react', 'unreact'] as const;
export const NOTIFICATION_TYPES = ['REGULAR', 'SILENT_PUSH', 'NO_PUSH'] as const;
export const MEDIA_ATTACHMENT_TYPES = ['image', 'audio', 'video', 'file'] as const;
// `product` renders catalog items by id (Graph v8.0+ documents it: elements [{id}], up to 10).
// notification_messages is known only to answer that it was discontinued (marketing-messages page).
export const TEMPLATE_TYPES = ['button', 'generic', 'media', 'product', 'notification_messages'] as const;
// Quick replies page (developers.facebook.com/documentation/business-messaging/messenger-platform/
// send-messages/quick-replies, updated 2026-04-22): content_type is one of these; title and payload are
// required for text only (validate-message.ts). The location quick reply is no longer documented.
export const QUICK_REPLY_TYPES = ['text', 'user_phone_number', 'user_email'] as const;
export const BUTTON_TYPES = ['web_url', 'postback', 'phone_number'] as const;
export const WEBVIEW_HEIGHT_RATIOS = ['compact', 'tall', 'full'] as const;

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
