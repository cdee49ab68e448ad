// Every Infobip v1 Facebook limit the sandbox enforces, from seed 003 (POST /facebook/1/single),
// seed 000 (inbox) and providers.md (inbox `limit`).
export const INFOBIP_LIMITS = {
	/** Seed 003: "under 640 character limit. Messages longer than 640 character will be truncated." */
	textMaxChars: 640,
	/** Seed 003, payload object: "UTF-8 encoded text of up to 320 characters". Longer is rejected. */
	templateTextMaxChars: 320,
	/** Seed 003: "Set of, one to three, buttons". */
	buttonsMin: 1,
	buttonsMax: 3,
	/** Seed 003: "Button title. 20 character limit." */
	buttonTitleMaxChars: 20,
	/** Seed 003: POSTBACK payload "1000 character limit". */
	buttonPayloadMaxChars: 1000,
	/** providers.md: inbox pull `limit` default 50, max 1000. */
	inboxDefaultLimit: 50,
	inboxMaxLimit: 1000,
} as const;

export const MESSAGE_TYPES = ['TEXT', 'IMAGE', 'AUDIO', 'VIDEO', 'FILE', 'SENDER_ACTION', 'TEMPLATE'] as const;
export const MEDIA_TYPES = ['IMAGE', 'AUDIO', 'VIDEO', 'FILE'] as const;
export const SENDER_ACTIONS = ['MARK_SEEN', 'TYPING_ON', 'TYPING_OFF'] as const;
export const BUTTON_TYPES = ['POSTBACK', 'URL'] as const;

/** Seed 003's send response status: accepted and forwarded ("PENDING_ENROUTE"). */
export const STATUS_PENDING = {
	groupId: 1,
	groupName: 'PENDING',
	id: 7,
	name: 'PENDING_ENROUTE',
	description: 'Message sent to next instance',
} as const;

/**
 * Sandbox decision (seed 003 is silent on unknown user keys): a `to` that is not a registered user
 * key is answered HTTP 200 with a REJECTED status (Infobip's general status group 5), the way
 * Infobip's v1 send APIs report undeliverable destinations, and nothing is delivered. A client must
 * therefore check `status.groupName`, not only the HTTP status.
 */
export const STATUS_REJECTED_UNKNOWN_USER = {
	groupId: 5,
	groupName: 'REJECTED',
	id: 18,
	name: 'REJECTED_DESTINATION_NOT_REGISTERED',
	description: 'Destination not registered',
} as const;
