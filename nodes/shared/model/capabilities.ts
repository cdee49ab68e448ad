import type {
	ButtonType,
	MediaSourceKind,
	OperationName,
	ProviderName,
	RecipientKind,
	SenderAction,
} from './message';

/** The human names of operations and providers, used by the node's UI and in every error. */
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
};

export const PROVIDER_LABELS: Readonly<Record<ProviderName, string>> = {
	infobip: 'Infobip',
	cm: 'CM.com',
	meta: 'Meta Graph API',
};

export interface ProviderCapabilities {
	operations: readonly OperationName[];
	recipientKinds: readonly RecipientKind[];
	mediaSources: readonly MediaSourceKind[];
	buttonTypes: readonly ButtonType[];
	/** Operations that may carry quick replies beneath them. */
	quickRepliesOn: readonly OperationName[];
	/** Message tags (the allowed values are in MESSENGER_LIMITS). */
	messageTags: boolean;
	/** Graph's RESPONSE / UPDATE choice. */
	messagingType: boolean;
	/** A card can open a URL when tapped (Graph `default_action`); CM.com cards have no such field. */
	cardDefaultAction: boolean;
	/** Sender actions the provider takes (Graph adds react / unreact). */
	senderActions: readonly SenderAction[];
}

/**
 * What each provider can carry, in one place: the node hides what is missing here, and the validator
 * refuses it by name if it is reached anyway (an expression, an imported workflow, an AI agent).
 *
 * - Infobip: the v1 Facebook API of seed 003 knows TEXT, IMAGE/AUDIO/VIDEO/FILE by URL, SENDER_ACTION
 *   and the BUTTON template with POSTBACK and URL buttons; nothing else.
 * - CM.com (seed 004): rich content suggestions and cards, tags, marketing opt-in and notification
 *   tokens; media by URL only; no sender actions. Quick replies ride on text only, because with media
 *   or a card CM.com turns suggestions into template buttons (seed 004's input matrix).
 * - Graph (providers.md): everything, including uploads through `message_attachments` and `user_ref`,
 *   except marketing messages (opt-in requests and notification tokens), discontinued on 2026-02-10
 *   (provider-changes.ts); reactions as sender actions since 2026-01.
 */
export const MESSENGER_CAPABILITIES: Readonly<Record<ProviderName, ProviderCapabilities>> = {
	infobip: {
		operations: ['text', 'media', 'buttonTemplate', 'senderAction'],
		recipientKinds: ['psid'],
		mediaSources: ['url'],
		buttonTypes: ['postback', 'url'],
		quickRepliesOn: [],
		messageTags: false,
		messagingType: false,
		cardDefaultAction: false,
		senderActions: ['mark_seen', 'typing_on', 'typing_off'],
	},
	cm: {
		operations: [
			'text',
			'quickReplies',
			'media',
			'buttonTemplate',
			'genericTemplate',
			'carousel',
			'mediaTemplate',
			'productTemplate',
			'optInRequest',
		],
		recipientKinds: ['psid', 'notificationToken'],
		mediaSources: ['url'],
		buttonTypes: ['postback', 'url', 'call'],
		quickRepliesOn: ['text', 'quickReplies'],
		messageTags: true,
		messagingType: false,
		cardDefaultAction: false,
		senderActions: [],
	},
	meta: {
		operations: [
			'text',
			'quickReplies',
			'media',
			'buttonTemplate',
			'genericTemplate',
			'carousel',
			'mediaTemplate',
			'productTemplate',
			'senderAction',
		],
		recipientKinds: ['psid', 'userRef'],
		mediaSources: ['url', 'binary', 'attachmentId'],
		buttonTypes: ['postback', 'url', 'call'],
		quickRepliesOn: [
			'text',
			'quickReplies',
			'media',
			'buttonTemplate',
			'genericTemplate',
			'carousel',
			'mediaTemplate',
			'productTemplate',
		],
		messageTags: true,
		messagingType: true,
		cardDefaultAction: true,
		senderActions: ['mark_seen', 'typing_on', 'typing_off', 'react', 'unreact'],
	},
};

export function providersSupporting(operation: OperationName): ProviderName[] {
	return (Object.keys(MESSENGER_CAPABILITIES) as ProviderName[]).filter((provider) =>
		MESSENGER_CAPABILITIES[provider].operations.includes(operation),
	);
}

/** Providers for which `pick(capabilities)` contains `value`: drives the node's displayOptions. */
export function providersWith<T>(pick: (capabilities: ProviderCapabilities) => readonly T[] | boolean, value?: T) {
	return (Object.keys(MESSENGER_CAPABILITIES) as ProviderName[]).filter((provider) => {
		const picked = pick(MESSENGER_CAPABILITIES[provider]);
		return typeof picked === 'boolean' ? picked : picked.includes(value as T);
	});
}
