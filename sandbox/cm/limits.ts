// Every CM.com Business Messaging limit and enumeration the sandbox enforces for Facebook Messenger,
// from seed 004 (fact sheet, media table, suggestions, templates, tags, opt-in, input matrix) and
// providers.md. One table, so a changed limit is one edit.
export const CM_LIMITS = {
	/** Fact sheet: "The maximum length of a Facebook Messenger message is 2.000 characters". */
	textMaxChars: 2000,
	/** Quick reply: "A maximum of 13 quick replies are supported by Facebook Messenger." */
	quickRepliesMax: 13,
	/** Reply / OpenUrl / Dial labels and quick reply labels: 20 characters. */
	labelMaxChars: 20,
	/** Quick reply postbackdata: "Maximum length is 1000 characters." */
	postbackMaxChars: 1000,
	/** Rich carousel: "Maximum of 10 templates supported." */
	cardsMax: 10,
	/** Button template: header "Maximum length is 640 characters", "Maximum of 3 buttons per card". */
	buttonTemplateHeaderMaxChars: 640,
	buttonTemplateButtonsMax: 3,
	/** Media template: "Maximum of 1 button per card". */
	mediaTemplateButtonsMax: 1,
	/** Generic template: header (title) and text (subtitle) 80 characters, 3 buttons per card. */
	genericHeaderMaxChars: 80,
	genericTextMaxChars: 80,
	genericButtonsMax: 3,
	/** Product template: "Up to 10 products", "With a maximum of 10 per message." */
	productsMax: 10,
	/** Opt-in request label: "Maximum lenght is 65 characters." */
	optinLabelMaxChars: 65,
} as const;

/** The channel name `allowedChannels` must include. */
export const MESSENGER_CHANNEL = 'Facebook Messenger';

/** Message tags (seed 004 table). NOTIFICATION_MESSAGE needs a notification token as recipient. */
export const CM_TAGS = ['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE', 'HUMAN_AGENT', 'NOTIFICATION_MESSAGE'] as const;
export const NOTIFICATION_TAG = 'NOTIFICATION_MESSAGE';

/** Suggestion actions, compared case-insensitively (the seed writes both `Reply` and `REPLY`). */
export const CM_ACTIONS = ['reply', 'openurl', 'dial', 'login', 'logout', 'viewproduct', 'optin'] as const;
export type CmAction = (typeof CM_ACTIONS)[number];
/** Actions that can be template buttons (seed 004 button table). */
export const BUTTON_ACTIONS: readonly CmAction[] = ['reply', 'openurl', 'dial', 'login', 'logout'];

/**
 * Fields each action may carry. Seed 004 names `label`, `postbackdata`, `url` (OpenUrl, Login),
 * "phone number" (Dial), `media` (quick reply thumbnail, opt-in image), `product.id` (ViewProduct)
 * and `optin`. The Dial's number is `dial: {phoneNumber}` "in international format", as CM.com's own
 * SDK sends it (github.com/cmdotcom/text-sdk-dotnet, MultiChannel/DialSuggestion.cs and Dial.cs).
 * Anything else is rejected.
 */
export const SUGGESTION_FIELDS: Record<CmAction, readonly string[]> = {
	reply: ['action', 'label', 'postbackdata', 'media'],
	openurl: ['action', 'label', 'url', 'postbackdata'],
	dial: ['action', 'label', 'dial', 'postbackdata'],
	login: ['action', 'label', 'url', 'postbackdata'],
	logout: ['action', 'label', 'postbackdata'],
	viewproduct: ['action', 'label', 'product'],
	optin: ['action', 'label', 'postbackdata', 'media', 'optin'],
};

/** Opt-in `frequency` values (seed 004: DAILY). */
export const OPTIN_FREQUENCIES = ['DAILY'] as const;

/**
 * Seed 004 media table. Its audio "acc" is a typo for AAC (`audio/aac`, IANA), which is accepted;
 * `audio/acc` is accepted too, as the seed writes it.
 * Documents: "All common MIME types supported", so any `application/*` or `text/*` type passes.
 * File extensions of `mediaName` must fit the family ("Media name attribute should end in the proper
 * file extension"); jpg is accepted for jpeg, aac for the seed's "acc".
 */
export const CM_MEDIA = {
	audio: { mimeTypes: ['audio/acc', 'audio/aac', 'audio/m4a', 'audio/wav', 'audio/mp4'], extensions: ['acc', 'aac', 'm4a', 'wav', 'mp4'] },
	image: { mimeTypes: ['image/png', 'image/jpeg', 'image/gif'], extensions: ['png', 'jpeg', 'jpg', 'gif'] },
	video: { mimeTypes: ['video/mp4', 'video/ogg', 'video/avi', 'video/mov', 'video/webm'], extensions: ['mp4', 'ogg', 'avi', 'mov', 'webm'] },
	documentFamilies: ['application', 'text'],
} as const;

/** `msg` fields the sandbox knows (seed 004's examples plus `reference`, echoed in the response). */
export const MSG_FIELDS = ['from', 'to', 'body', 'allowedChannels', 'richContent', 'reference'] as const;
/** `body.type` values. */
export const BODY_TYPES = ['auto', 'plain'] as const;
