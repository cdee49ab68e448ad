// The outbound content schemas of the Messenger OpenAPI (operation send-messenger-message), transcribed:
//   FacebookOutboundContent (discriminator `type`): FacebookOutbound{Text,Image,Location,Video,Audio,
//     Document,SenderAction,Template,Comment,Post,OptInFollowup,MarketingMessage}Content
//   FacebookBodyContent (inside COMMENT and POST): FacebookBody{Text,Image,Location,Video,Audio,Document,
//     SenderAction,Template}Content
//   FacebookTemplatePayload (discriminator `type`): ButtonFacebookTemplatePayload,
//     GenericFacebookTemplatePayload (+ GenericTemplateElement, DefaultAction), and the marketing ones
//   Button (discriminator `type`): UrlButton, PostbackButton, CallButton
//   SenderAction enum
// Every maxLength/maxItems/minItems/minimum/maximum below is the schema's own; none is invented.
//
// Sandbox decisions:
//  - MARKETING_MESSAGE content and the OPT_IN, OPT_IN_CAROUSEL and MARKETING_MESSAGE template payloads
//    are refused (400): the operation's description says marketing messages "will fail with an error"
//    after 2026-01-12, and Meta discontinued them on 2026-02-10 (provider-updates-2026.md).
//  - `url` of media content must not be blank (the schema allows an empty string; nothing could be sent).
//  - The BUTTON template's `buttons` has no upper bound in the schema (maxItems 2147483647); Meta's own
//    limit is 3, which the sandbox does not add.
import type { ObjectSchema, Schema, StringSchema, UnionSchema } from './schema';

const str = (extra: Omit<StringSchema, 'kind'> = {}): StringSchema => ({ kind: 'string', ...extra });
const TYPE: StringSchema = str();

/** A discriminated variant: its own properties plus the discriminator `type`. */
function variant(title: string, properties: Record<string, Schema>, required: readonly string[]): ObjectSchema {
	return { kind: 'object', title, properties: { type: TYPE, ...properties }, required: ['type', ...required] };
}

export const SENDER_ACTIONS = ['MARK_SEEN', 'TYPING_ON', 'TYPING_OFF'] as const;

const MARKETING_REFUSAL =
	'marketing messages on Messenger are no longer available (deprecated 2026-01-12; Meta discontinued them on 2026-02-10)';

const DEFAULT_ACTION: ObjectSchema = { kind: 'object', title: 'DefaultAction', properties: { url: str() }, required: ['url'] };

export const BUTTON: UnionSchema = {
	kind: 'union',
	title: 'Button',
	discriminator: 'type',
	mapping: {
		URL: variant('UrlButton', { title: str(), url: str() }, ['title', 'url']),
		POSTBACK: variant('PostbackButton', { title: str(), payload: str() }, ['payload', 'title']),
		CALL: variant('CallButton', { title: str({ maxLength: 20, minLength: 0 }), payload: str() }, ['payload', 'title']),
	},
};

const GENERIC_ELEMENT: ObjectSchema = {
	kind: 'object',
	title: 'GenericTemplateElement',
	properties: {
		title: str({ maxLength: 80, minLength: 0 }),
		subtitle: str({ maxLength: 80, minLength: 0 }),
		imageUrl: str(),
		defaultAction: DEFAULT_ACTION,
		buttons: { kind: 'array', items: BUTTON, maxItems: 3, minItems: 0 },
	},
	required: ['title'],
};

/** The marketing payloads are refused before their fields are read, so their schemas are not transcribed. */
const REFUSED_PAYLOAD = variant('MarketingPayload', {}, []);

export const TEMPLATE_PAYLOAD: UnionSchema = {
	kind: 'union',
	title: 'FacebookTemplatePayload',
	discriminator: 'type',
	mapping: {
		BUTTON: variant('ButtonFacebookTemplatePayload', { text: str(), buttons: { kind: 'array', items: BUTTON, minItems: 1, maxItems: 2147483647 } }, ['buttons', 'text']),
		GENERIC: variant('GenericFacebookTemplatePayload', { elements: { kind: 'array', items: GENERIC_ELEMENT, minItems: 1, maxItems: 10 } }, ['elements']),
		OPT_IN: REFUSED_PAYLOAD,
		OPT_IN_CAROUSEL: REFUSED_PAYLOAD,
		MARKETING_MESSAGE: REFUSED_PAYLOAD,
	},
	refused: { OPT_IN: MARKETING_REFUSAL, OPT_IN_CAROUSEL: MARKETING_REFUSAL, MARKETING_MESSAGE: MARKETING_REFUSAL },
};

/** The eight message kinds both FacebookOutbound*Content and FacebookBody*Content describe. */
function messageKinds(prefix: 'FacebookOutbound' | 'FacebookBody'): Record<string, ObjectSchema> {
	const media = (kind: string, maxLength: number) =>
		variant(`${prefix}${kind}Content`, { url: str({ maxLength, minLength: 0, nonBlank: true }) }, ['url']);
	return {
		TEXT: variant(`${prefix}TextContent`, { text: str({ maxLength: 2000, minLength: 0 }) }, ['text']),
		IMAGE: media('Image', 1000),
		LOCATION: variant(
			`${prefix}LocationContent`,
			{
				latitude: { kind: 'number', minimum: -90, maximum: 90 },
				longitude: { kind: 'number', minimum: -180, maximum: 180 },
				name: str(),
				address: str(),
			},
			['latitude', 'longitude'],
		),
		VIDEO: media('Video', 800),
		AUDIO: media('Audio', 800),
		DOCUMENT: media('Document', 800),
		SENDER_ACTION: variant(`${prefix}SenderActionContent`, { senderAction: str({ enum: SENDER_ACTIONS }) }, ['senderAction']),
		TEMPLATE: variant(`${prefix}TemplateContent`, { payload: TEMPLATE_PAYLOAD }, ['payload']),
	};
}

export const BODY_CONTENT: UnionSchema = {
	kind: 'union',
	title: 'FacebookBodyContent',
	discriminator: 'type',
	mapping: messageKinds('FacebookBody'),
};

export const OUTBOUND_CONTENT: UnionSchema = {
	kind: 'union',
	title: 'FacebookOutboundContent',
	discriminator: 'type',
	mapping: {
		...messageKinds('FacebookOutbound'),
		COMMENT: variant('FacebookOutboundCommentContent', { content: BODY_CONTENT }, ['content']),
		POST: variant('FacebookOutboundPostContent', { content: BODY_CONTENT }, ['content']),
		OPT_IN_FOLLOWUP: variant('FacebookOutboundOptInFollowupContent', { text: str() }, ['text']),
		MARKETING_MESSAGE: variant('FacebookOutboundMarketingMessageContent', {}, []),
	},
	refused: { MARKETING_MESSAGE: MARKETING_REFUSAL },
};

/** Content types whose `destinations[].to` is a comment or post id rather than a user's PSID. */
export const REPLY_CONTENT_TYPES: readonly string[] = ['COMMENT', 'POST'];
