// Media objects and suggestions (seed 004: media table, Suggestions, Quick reply, button tables,
// product template, opt-in request; the Dial's shape from CM.com's SDK, see limits.ts), and how a
// list of suggestions renders in a given place.
import { BUTTON_ACTIONS, CM_ACTIONS, CM_LIMITS, CM_MEDIA, OPTIN_FREQUENCIES, SUGGESTION_FIELDS, type CmAction } from './limits';
import { bodyError, fieldError, isHttpUrl, maxChars, onlyKeys, requireObject, stringField, type Json } from './shape';

export type MediaFamily = 'audio' | 'image' | 'video' | 'document';

/** Validates `{mediaName, mediaUri, mimeType}`; returns the media family. */
export function validateMedia(value: unknown, where: string): MediaFamily {
	const media = requireObject(value, where);
	onlyKeys(media, ['mediaName', 'mediaUri', 'mimeType'], where);
	const name = stringField(media, 'mediaName', where, true) as string;
	const uri = stringField(media, 'mediaUri', where, true) as string;
	const mimeType = (stringField(media, 'mimeType', where, true) as string).toLowerCase();
	if (!isHttpUrl(uri)) throw bodyError(`${where}.mediaUri must be an absolute http(s) URL (got "${uri}")`);
	const [family, subtype] = mimeType.split('/');
	if (!subtype) throw bodyError(`${where}.mimeType "${mimeType}" is not a MIME type`);
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	if (family === 'audio' || family === 'image' || family === 'video') {
		const table = CM_MEDIA[family];
		if (!(table.mimeTypes as readonly string[]).includes(mimeType)) {
			throw bodyError(`${where}.mimeType "${mimeType}" is not supported for ${family} (supported: ${table.mimeTypes.join(', ')})`);
		}
		if (!(table.extensions as readonly string[]).includes(extension)) {
			throw bodyError(`${where}.mediaName "${name}" must end in one of the ${family} file extensions (${table.extensions.join(', ')})`);
		}
		return family;
	}
	if (!(CM_MEDIA.documentFamilies as readonly string[]).includes(family)) {
		throw bodyError(`${where}.mimeType "${mimeType}" is not a supported media type`);
	}
	if (!extension) throw bodyError(`${where}.mediaName "${name}" must end in a file extension`);
	return 'document';
}

export interface Suggestion {
	action: CmAction;
	json: Json;
	where: string;
}

function requireImage(media: unknown, where: string): void {
	if (validateMedia(media, where) !== 'image') throw bodyError(`${where} must be an image (png, jpeg, gif)`);
}

/** Validates one suggestion on its own (fields per action, labels, postback data). */
export function validateSuggestion(value: unknown, where: string): Suggestion {
	const json = requireObject(value, where);
	const rawAction = stringField(json, 'action', where, true) as string;
	const action = rawAction.toLowerCase() as CmAction;
	if (!CM_ACTIONS.includes(action)) {
		throw fieldError(`${where}.action "${rawAction}" is not supported on Facebook Messenger (${CM_ACTIONS.join(', ')})`);
	}
	onlyKeys(json, SUGGESTION_FIELDS[action], `${where} (action ${rawAction})`);
	const labelRequired = action === 'reply' || action === 'openurl' || action === 'dial' || action === 'optin';
	const label = stringField(json, 'label', where, labelRequired);
	const labelMax = action === 'optin' ? CM_LIMITS.optinLabelMaxChars : CM_LIMITS.labelMaxChars;
	if (label !== undefined) maxChars(label, labelMax, `${where}.label`);
	const postbackRequired = action === 'reply' || action === 'optin';
	const postback = stringField(json, 'postbackdata', where, postbackRequired);
	if (postback !== undefined) maxChars(postback, CM_LIMITS.postbackMaxChars, `${where}.postbackdata`);
	if (action === 'openurl' || action === 'login') {
		const url = stringField(json, 'url', where, true) as string;
		if (!isHttpUrl(url)) throw bodyError(`${where}.url must be an absolute http(s) URL (got "${url}")`);
	}
	if (action === 'dial') {
		const dial = requireObject(json.dial, `${where}.dial`);
		onlyKeys(dial, ['phoneNumber'], `${where}.dial`);
		const phone = stringField(dial, 'phoneNumber', `${where}.dial`, true) as string;
		if (!/^\+[1-9][0-9 ]{5,19}$/.test(phone)) {
			throw bodyError(`${where}.dial.phoneNumber "${phone}" is not a phone number in international format (+ and the country code)`);
		}
	}
	if (action === 'viewproduct') {
		const product = requireObject(json.product, `${where}.product`);
		onlyKeys(product, ['id'], `${where}.product`);
		stringField(product, 'id', `${where}.product`, true);
	}
	if (json.media !== undefined) requireImage(json.media, `${where}.media`);
	if (action === 'optin') {
		const optin = requireObject(json.optin, `${where}.optin`);
		onlyKeys(optin, ['frequency', 'reoptin', 'timezone'], `${where}.optin`);
		const frequency = stringField(optin, 'frequency', `${where}.optin`, true) as string;
		if (!(OPTIN_FREQUENCIES as readonly string[]).includes(frequency)) {
			throw bodyError(`${where}.optin.frequency must be ${OPTIN_FREQUENCIES.join(' or ')} (got "${frequency}")`);
		}
		if (optin.reoptin !== undefined && typeof optin.reoptin !== 'boolean') throw fieldError(`${where}.optin.reoptin must be true or false`);
		stringField(optin, 'timezone', `${where}.optin`);
	}
	return { action, json, where };
}

export function validateSuggestions(value: unknown, where: string): Suggestion[] {
	if (!Array.isArray(value)) throw fieldError(`${where} must be an array`);
	if (value.length === 0) throw bodyError(`${where} must not be empty`);
	return value.map((item, i) => validateSuggestion(item, `${where}[${i}]`));
}

/** Quick replies: Reply actions only (seed 004: "A reply action can be used as ... a quick reply"), at most 13. */
export function asQuickReplies(suggestions: Suggestion[], where: string): void {
	if (suggestions.length > CM_LIMITS.quickRepliesMax) {
		throw bodyError(`${where}: at most ${CM_LIMITS.quickRepliesMax} quick replies are supported (got ${suggestions.length})`);
	}
	for (const s of suggestions) {
		if (s.action !== 'reply') throw bodyError(`${s.where}: only Reply suggestions can be quick replies (got ${String(s.json.action)})`);
	}
}

/**
 * Template buttons: up to `max` buttons of the button actions; "If more are given, all will be
 * included as quick replies, instead of buttons" (so then the quick reply rules apply).
 */
export function asButtons(suggestions: Suggestion[], max: number, where: string): void {
	if (suggestions.length > max) {
		asQuickReplies(suggestions, `${where} (more than ${max} buttons render as quick replies)`);
		return;
	}
	for (const s of suggestions) {
		if (!BUTTON_ACTIONS.includes(s.action)) throw bodyError(`${s.where}: action ${String(s.json.action)} cannot be a button here`);
	}
}

export const isProductList = (suggestions: Suggestion[]): boolean => suggestions.every((s) => s.action === 'viewproduct');

export function rejectSpecialActions(suggestions: Suggestion[], context: string): void {
	for (const s of suggestions) {
		if (s.action === 'viewproduct') {
			throw bodyError(`${s.where}: ViewProduct suggestions make a product template and cannot be combined with ${context}`);
		}
		if (s.action === 'optin') {
			throw bodyError(`${s.where}: an opt-in request is a single suggestion on its own and cannot be combined with ${context}`);
		}
	}
}
