// `richContent.conversation[]` (seed 004): text, media, suggestions, carousel.cards, tag, checked
// against the seed's input matrix (Text | Media | Suggestions | Header -> output) and the template
// tables. Combinations the matrix marks "Not supported" are rejected (304).
//
// Matrix as applied here (conversation items have no header; cards may):
//   item  text+media+suggestions           -> Not supported
//   item  suggestions only                 -> product template (all ViewProduct) or an opt-in request
//                                            (exactly one `optin` suggestion); else Not supported
//   item  media+suggestions                -> media template (image/video): 1 button, or quick replies
//   item  text+suggestions                 -> text with quick replies
//   item  carousel (+ suggestions)         -> cards; item suggestions become quick replies beneath;
//                                            a carousel is not combined with text or media
//   card  header+suggestions, single card  -> button template (header <= 640, 3 buttons)
//   card  header + anything else           -> generic template (header, text <= 80, image, 3 buttons)
//   card  no header                        -> as the item rows above (media template, product, text)
//   carousel of 2..10 cards                -> generic or product templates only, not mixed
import { CM_LIMITS, CM_TAGS, type CmAction } from './limits';
import { bodyError, fieldError, maxChars, onlyKeys, requireObject, stringField, type Json } from './shape';
import {
	asButtons,
	asQuickReplies,
	isProductList,
	rejectSpecialActions,
	validateMedia,
	validateSuggestions,
	type Suggestion,
} from './suggestions';

export interface RichContentInfo {
	/** Tags used by the conversation items. */
	tags: Set<string>;
	/** The message is a marketing-messages opt-in request. */
	optinRequest: boolean;
	/** ViewProduct suggestions in the whole message. */
	products: number;
}

interface Parts {
	text?: string;
	media?: unknown;
	suggestions?: Suggestion[];
	where: string;
}

function textField(obj: Json, where: string): string | undefined {
	const text = stringField(obj, 'text', where);
	if (text === undefined) return undefined;
	if (text.trim() === '') throw bodyError(`${where}.text must not be empty when given`);
	maxChars(text, CM_LIMITS.textMaxChars, `${where}.text`);
	return text;
}

function count(suggestions: Suggestion[] | undefined, action: CmAction): number {
	return (suggestions ?? []).filter((s) => s.action === action).length;
}

/** The matrix rows without a header, shared by conversation items and header-less cards. */
function headerlessOutput(parts: Parts, info: RichContentInfo, place: 'item' | 'single card' | 'carousel card'): 'product' | 'other' {
	const single = place !== 'carousel card';
	const { text, media, suggestions, where } = parts;
	const family = media !== undefined ? validateMedia(media, `${where}.media`) : undefined;
	if (suggestions && text === undefined && media === undefined) {
		const optins = count(suggestions, 'optin');
		if (optins > 0) {
			if (suggestions.length !== 1) throw bodyError(`${where}.suggestions: an opt-in request is a single suggestion on its own`);
			if (place !== 'item') throw bodyError(`${where}: an opt-in request is a conversation item's suggestion, not a card`);
			info.optinRequest = true;
			return 'other';
		}
		if (!isProductList(suggestions)) {
			throw bodyError(
				`${where}: suggestions without text, media or header are Not supported unless they are ViewProduct (product template)`,
			);
		}
		info.products += suggestions.length;
		return 'product';
	}
	if (!single) throw bodyError(`${where}: carousel cards must be generic templates (with a header) or product templates`);
	if (text !== undefined && media !== undefined && suggestions) {
		throw bodyError(`${where}: text + media + suggestions without a header is Not supported (seed 004 input matrix)`);
	}
	if (text === undefined && media === undefined) throw bodyError(`${where}: nothing to send (no text, media, suggestions or header)`);
	if (!suggestions) return 'other';
	rejectSpecialActions(suggestions, text !== undefined ? 'text' : 'media');
	if (text !== undefined) {
		asQuickReplies(suggestions, `${where}.suggestions`);
	} else {
		if (family !== 'image' && family !== 'video') throw bodyError(`${where}.media: a media template needs an image or a video`);
		asButtons(suggestions, CM_LIMITS.mediaTemplateButtonsMax, `${where}.suggestions`);
	}
	return 'other';
}

function validateCard(value: unknown, where: string, single: boolean, info: RichContentInfo): 'generic' | 'product' | 'other' {
	const card = requireObject(value, where);
	onlyKeys(card, ['header', 'text', 'media', 'suggestions'], where);
	const header = stringField(card, 'header', where);
	const suggestions = card.suggestions !== undefined ? validateSuggestions(card.suggestions, `${where}.suggestions`) : undefined;
	if (header === undefined) {
		const text = textField(card, where);
		return headerlessOutput({ text, media: card.media, suggestions, where }, info, single ? 'single card' : 'carousel card');
	}
	if (header.trim() === '') throw bodyError(`${where}.header must not be empty`);
	if (suggestions) rejectSpecialActions(suggestions, 'a header');
	const text = stringField(card, 'text', where);
	if (single && text === undefined && card.media === undefined && suggestions) {
		maxChars(header, CM_LIMITS.buttonTemplateHeaderMaxChars, `${where}.header (button template)`);
		asButtons(suggestions, CM_LIMITS.buttonTemplateButtonsMax, `${where}.suggestions`);
		return 'other';
	}
	maxChars(header, CM_LIMITS.genericHeaderMaxChars, `${where}.header (generic template)`);
	if (text !== undefined) maxChars(text, CM_LIMITS.genericTextMaxChars, `${where}.text (generic template)`);
	if (card.media !== undefined && validateMedia(card.media, `${where}.media`) !== 'image') {
		throw bodyError(`${where}.media: a generic template shows an image (png, jpeg, gif)`);
	}
	if (suggestions) asButtons(suggestions, CM_LIMITS.genericButtonsMax, `${where}.suggestions`);
	return 'generic';
}

function validateCarousel(value: unknown, where: string, info: RichContentInfo): void {
	const carousel = requireObject(value, where);
	onlyKeys(carousel, ['cards'], where);
	const cards = carousel.cards;
	if (!Array.isArray(cards)) throw fieldError(`${where}.cards must be an array`);
	if (cards.length === 0) throw bodyError(`${where}.cards must hold at least one card`);
	if (cards.length > CM_LIMITS.cardsMax) throw bodyError(`${where}.cards: at most ${CM_LIMITS.cardsMax} cards are supported (got ${cards.length})`);
	const single = cards.length === 1;
	const kinds = new Set(cards.map((card, i) => validateCard(card, `${where}.cards[${i}]`, single, info)));
	if (kinds.has('generic') && kinds.has('product')) throw bodyError(`${where}.cards: a carousel holds generic or product templates, not both`);
}

function validateItem(value: unknown, where: string, info: RichContentInfo): void {
	const item = requireObject(value, where);
	onlyKeys(item, ['text', 'media', 'suggestions', 'carousel', 'tag'], where);
	const tag = stringField(item, 'tag', where);
	if (tag !== undefined) {
		if (!(CM_TAGS as readonly string[]).includes(tag)) throw fieldError(`${where}.tag "${tag}" is not a supported tag (${CM_TAGS.join(', ')})`);
		info.tags.add(tag);
	}
	const text = textField(item, where);
	const suggestions = item.suggestions !== undefined ? validateSuggestions(item.suggestions, `${where}.suggestions`) : undefined;
	if (item.carousel !== undefined) {
		if (text !== undefined || item.media !== undefined) throw bodyError(`${where}: a carousel cannot be combined with text or media in one item`);
		validateCarousel(item.carousel, `${where}.carousel`, info);
		if (suggestions) {
			rejectSpecialActions(suggestions, 'a carousel');
			asQuickReplies(suggestions, `${where}.suggestions`);
		}
		return;
	}
	headerlessOutput({ text, media: item.media, suggestions, where }, info, 'item');
}

/** Validates `richContent`; throws CmMessageError (304/305) on the first violation. */
export function validateRichContent(value: unknown, where = 'richContent'): RichContentInfo {
	const rich = requireObject(value, where);
	onlyKeys(rich, ['conversation'], where);
	const conversation = rich.conversation;
	if (!Array.isArray(conversation)) throw fieldError(`${where}.conversation must be an array`);
	if (conversation.length === 0) throw bodyError(`${where}.conversation must hold at least one item`);
	const info: RichContentInfo = { tags: new Set(), optinRequest: false, products: 0 };
	conversation.forEach((item, i) => validateItem(item, `${where}.conversation[${i}]`, info));
	if (info.products > CM_LIMITS.productsMax) {
		throw bodyError(`${where}: at most ${CM_LIMITS.productsMax} ViewProduct suggestions per message (got ${info.products})`);
	}
	if (info.optinRequest && conversation.length > 1) throw bodyError(`${where}: an opt-in request is sent on its own`);
	return info;
}
