// The provider-neutral message model: what a user asks to send, before any provider shapes it.

export type ProviderName = 'infobip' | 'cm' | 'meta';

export type Recipient =
	| { kind: 'psid'; id: string }
	| { kind: 'userRef'; id: string }
	| { kind: 'notificationToken'; id: string };

export interface TextMessage {
	type: 'text';
	text: string;
}

export type OutboundMessage = TextMessage;

export type OperationName = OutboundMessage['type'];

export interface SendRequest {
	/** Infobip application key, CM.com page id or Graph page id; adapters fall back to the credential. */
	sender?: string;
	recipient: Recipient;
	message: OutboundMessage;
}

/** The one result shape every provider's answer is turned into. */
export interface SendResult {
	provider: ProviderName;
	messageId: string | null;
	recipient: string;
	status: 'accepted' | 'sent';
	/** Non-fatal notes, e.g. a text the provider will truncate. */
	warnings?: string[];
	raw: unknown;
}
