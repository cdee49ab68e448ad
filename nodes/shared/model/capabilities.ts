import type {
	ButtonType,
	MediaSourceKind,
	OperationName,
	QuickReplyType,
	RecipientKind,
	SenderAction,
} from './message';

/** The human names of operations, used by the node's UI and in every error (providers': the registry). */
export const OPERATION_LABELS: Readonly<Record<OperationName, string>> = {
	text: 'Send Text',
	quickReplies: 'Send Quick Replies',
	media: 'Send Media',
	buttonTemplate: 'Send Button Template',
	genericTemplate: 'Send Generic Template',
	carousel: 'Send Carousel',
	mediaTemplate: 'Send Media Template',
	productTemplate: 'Send Product Template',
	senderAction: 'Send Sender Action',
	optInRequest: 'Send Opt-In Request',
	location: 'Send Location',
};

/** What a provider can carry; each provider's row is in its folder (providers/<name>/capabilities.ts). */
export interface ProviderCapabilities {
	operations: readonly OperationName[];
	recipientKinds: readonly RecipientKind[];
	mediaSources: readonly MediaSourceKind[];
	buttonTypes: readonly ButtonType[];
	/** Operations that may carry quick replies beneath them. */
	quickRepliesOn: readonly OperationName[];
	/** The kinds of quick reply the provider takes (text everywhere; the user's phone number or e-mail on some). */
	quickReplyTypes: readonly QuickReplyType[];
	/** Message tags (the allowed values are in MESSENGER_LIMITS). */
	messageTags: boolean;
	/** Graph's RESPONSE / UPDATE choice. */
	messagingType: boolean;
	/** A card can open a URL when tapped (Graph `default_action`); CM.com cards have no such field. */
	cardDefaultAction: boolean;
	/** What the Sender option is: an Infobip application key, or a Facebook page ID (digits). */
	sender: 'applicationKey' | 'pageId';
	/** Sender actions the provider takes (Graph adds react / unreact). */
	senderActions: readonly SenderAction[];
	/**
	 * What the provider took away, and why. Its operations stay listed in the node (marked) so that a
	 * saved workflow opens and fails with the reason instead of an unknown-parameter error; the
	 * validator says the reason before any generic refusal.
	 */
	retired?: { operations: readonly OperationName[]; recipientKinds: readonly RecipientKind[]; reason: string };
}
