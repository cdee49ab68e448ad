// The message tags the Messenger node offers, with what each is for and what Meta changed by 2026
// (sources in /work/shared/reference/provider-updates-2026.md). Which provider takes which tag is in
// the provider's own limits (providers/<name>/limits.ts).

export interface MessageTagInfo {
	/** Shown in the node's tag list. */
	description: string;
	/**
	 * Meta answers error 100 for the tag since this day. Meta's send-messages page ("Effective April
	 * 27th, 2026, all API requests containing the Message Tags CONFIRMED_EVENT_UPDATE, ACCOUNT_UPDATE,
	 * and POST_PURCHASE_UPDATE will receive error code 100"), as quoted in github.com/chatwoot/chatwoot/
	 * issues/14669 and reported in issues/14674 and github.com/emes30/facebook_messenger/issues/9.
	 * The node still sends it (CM.com may map it) and explains Meta's error when it comes.
	 */
	refusedByMetaSince?: string;
}

/** Every message tag the node offers: the one list. */
export const MESSAGE_TAGS = {
	HUMAN_AGENT: {
		description: "A human agent's reply, up to 7 days after the user's message",
	},
	CONFIRMED_EVENT_UPDATE: {
		description: 'A reminder or update for an event the user registered for (Meta refuses it since 2026-04-27)',
		refusedByMetaSince: '2026-04-27',
	},
	POST_PURCHASE_UPDATE: {
		description: 'An update on a recent purchase (Meta refuses it since 2026-04-27)',
		refusedByMetaSince: '2026-04-27',
	},
	ACCOUNT_UPDATE: {
		description: "A non-recurring change to the user's application or account (Meta refuses it since 2026-04-27)",
		refusedByMetaSince: '2026-04-27',
	},
	NOTIFICATION_MESSAGE: {
		description: 'A marketing message to a notification token (CM.com; set automatically for notification tokens)',
	},
} as const satisfies Readonly<Record<string, MessageTagInfo>>;

export type MessageTag = keyof typeof MESSAGE_TAGS;
