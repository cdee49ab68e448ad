// Buttons, shared by the button/generic/media templates and (with other limits) the persistent menu.
// Shapes: providers.md and Meta's button pages (developers.facebook.com/documentation/
// business-messaging/messenger-platform/send-messages/buttons: URL, postback, and call with "+" and
// the country code).
import { asObject, at, bool, fail, type Obj, oneOf, onlyKeys, reqStr, url } from './fields';
import { BUTTON_TYPES, META_LIMITS, WEBVIEW_HEIGHT_RATIOS } from './limits';

export interface ButtonRules {
	/** Button types allowed here. */
	types: readonly string[];
	titleMax: number;
}

export const TEMPLATE_BUTTONS: ButtonRules = { types: BUTTON_TYPES, titleMax: META_LIMITS.buttonTitleMax };
export const MENU_BUTTONS: ButtonRules = { types: ['web_url', 'postback'], titleMax: META_LIMITS.persistentMenuTitleMax };

const WEB_URL_EXTRAS = ['webview_height_ratio', 'messenger_extensions', 'fallback_url', 'webview_share_button'];

/** The webview options of a web_url button or a generic element's default_action. */
export function validateWebviewOptions(o: Obj, path: string): void {
	oneOf(o, 'webview_height_ratio', path, WEBVIEW_HEIGHT_RATIOS, false);
	bool(o, 'messenger_extensions', path);
	url(o, 'fallback_url', path);
	oneOf(o, 'webview_share_button', path, ['hide', 'show'], false);
}

export function validateButton(value: unknown, path: string, rules: ButtonRules): Obj {
	const b = asObject(value, path);
	const type = oneOf(b, 'type', path, rules.types, true);
	switch (type) {
		case 'web_url':
			onlyKeys(b, ['type', 'title', 'url', ...WEB_URL_EXTRAS], path);
			reqStr(b, 'title', path, rules.titleMax);
			url(b, 'url', path, { required: true });
			validateWebviewOptions(b, path);
			break;
		case 'postback':
			onlyKeys(b, ['type', 'title', 'payload'], path);
			reqStr(b, 'title', path, rules.titleMax);
			reqStr(b, 'payload', path, META_LIMITS.buttonPayloadMax);
			break;
		case 'phone_number': {
			onlyKeys(b, ['type', 'title', 'payload'], path);
			reqStr(b, 'title', path, rules.titleMax);
			const phone = reqStr(b, 'payload', path);
			if (!/^\+[0-9][0-9 ]{5,20}$/.test(phone)) {
				fail(`(#100) Param ${at(path, 'payload')} must be a phone number starting with + and the country code`);
			}
			break;
		}
		default:
			break;
	}
	return b;
}

export function validateButtons(value: unknown, path: string, min: number, max: number, rules: ButtonRules): void {
	if (!Array.isArray(value)) fail(`(#100) Param ${path} must be an array`);
	if (value.length < min) fail(`(#100) Param ${path} must have at least ${min} item${min === 1 ? '' : 's'}`);
	if (value.length > max) fail(`(#100) Param ${path} must have at most ${max} items, got ${value.length}`);
	value.forEach((b, i) => validateButton(b, at(path, i), rules));
}
