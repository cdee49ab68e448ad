// Validation of the Messenger Profile properties: get_started, greeting, persistent_menu,
// ice_breakers, whitelisted_domains (providers.md; Meta's Messenger Profile API reference under
// developers.facebook.com/documentation/business-messaging/messenger-platform/).
import { MENU_BUTTONS, validateButton } from './buttons';
import { asArray, asObject, at, bool, fail, type Obj, onlyKeys, reqStr } from './fields';
import { META_LIMITS as L } from './limits';

const LOCALE = /^(default|[a-z]{2}_[A-Z]{2})$/;

function locale(o: Obj, path: string): string {
	const v = reqStr(o, 'locale', path);
	if (!LOCALE.test(v)) fail(`(#100) Param ${at(path, 'locale')} must be "default" or a locale like en_US - got "${v}"`);
	return v;
}

function localesOnce(locales: string[], path: string): void {
	const seen = new Set<string>();
	for (const l of locales) {
		if (seen.has(l)) fail(`(#100) Param ${path} has the locale "${l}" more than once`);
		seen.add(l);
	}
	if (!seen.has('default')) fail(`(#100) Param ${path} must include an item with locale "default"`);
}

export function validateGetStarted(v: unknown): void {
	const o = asObject(v, 'get_started');
	onlyKeys(o, ['payload'], 'get_started');
	reqStr(o, 'payload', 'get_started', L.getStartedPayloadMax);
}

export function validateGreeting(v: unknown): void {
	const list = asArray(v, 'greeting', 1, 200);
	localesOnce(
		list.map((item, i) => {
			const p = at('greeting', i);
			const g = asObject(item, p);
			onlyKeys(g, ['locale', 'text'], p);
			reqStr(g, 'text', p, L.greetingTextMax);
			return locale(g, p);
		}),
		'greeting',
	);
}

export function validatePersistentMenu(v: unknown): void {
	const list = asArray(v, 'persistent_menu', 1, 200);
	localesOnce(
		list.map((item, i) => {
			const p = at('persistent_menu', i);
			const menu = asObject(item, p);
			onlyKeys(menu, ['locale', 'composer_input_disabled', 'disabled_surfaces', 'call_to_actions'], p);
			bool(menu, 'composer_input_disabled', p);
			if (menu.disabled_surfaces !== undefined) {
				asArray(menu.disabled_surfaces, at(p, 'disabled_surfaces'), 0, 1).forEach((s, j) => {
					if (s !== 'customer_chat_plugin') fail(`(#100) Param ${at(at(p, 'disabled_surfaces'), j)} must be "customer_chat_plugin"`);
				});
			}
			const cp = at(p, 'call_to_actions');
			if (menu.call_to_actions === undefined) fail(`(#100) The parameter ${cp} is required`);
			asArray(menu.call_to_actions, cp, 1, L.persistentMenuItemsMax).forEach((item2, j) => {
				const ip = at(cp, j);
				// Nested menus (type "nested") were removed from the platform: one level of items only.
				if (typeof item2 === 'object' && item2 !== null && (item2 as Obj).type === 'nested') {
					fail(`(#100) Param ${at(ip, 'type')}: nested persistent menus are not supported; use web_url or postback items`);
				}
				validateButton(item2, ip, MENU_BUTTONS);
			});
			return locale(menu, p);
		}),
		'persistent_menu',
	);
}

function validateIceBreaker(item: unknown, p: string): void {
	const q = asObject(item, p);
	onlyKeys(q, ['question', 'payload'], p);
	reqStr(q, 'question', p);
	reqStr(q, 'payload', p, L.iceBreakerPayloadMax);
}

/**
 * Two documented shapes: the original `[{question, payload}]` (≤ 4), and the localized
 * `[{locale, call_to_actions:[{question, payload}]}]` (≤ 4 per locale, one `default`). Not mixed.
 */
export function validateIceBreakers(v: unknown): void {
	const list = asArray(v, 'ice_breakers', 1, 200);
	const localized = list.some((x) => typeof x === 'object' && x !== null && 'call_to_actions' in x);
	if (!localized) {
		asArray(list, 'ice_breakers', 1, L.iceBreakersMax).forEach((item, i) => validateIceBreaker(item, at('ice_breakers', i)));
		return;
	}
	localesOnce(
		list.map((item, i) => {
			const p = at('ice_breakers', i);
			const o = asObject(item, p);
			onlyKeys(o, ['locale', 'call_to_actions'], p);
			if (o.call_to_actions === undefined) fail(`(#100) The parameter ${at(p, 'call_to_actions')} is required (do not mix the two ice_breakers shapes)`);
			asArray(o.call_to_actions, at(p, 'call_to_actions'), 1, L.iceBreakersMax).forEach((q, j) =>
				validateIceBreaker(q, at(at(p, 'call_to_actions'), j)),
			);
			return locale(o, p);
		}),
		'ice_breakers',
	);
}

export function validateWhitelistedDomains(v: unknown): void {
	asArray(v, 'whitelisted_domains', 1, L.whitelistedDomainsMax).forEach((d, i) => {
		const p = at('whitelisted_domains', i);
		if (typeof d !== 'string') fail(`(#100) Param ${p} must be a string`);
		let ok = false;
		try {
			const u = new URL(d);
			ok = u.protocol === 'https:' && u.hostname.length > 0;
		} catch {
			ok = false;
		}
		if (!ok) fail(`(#100) Param ${p} must be an https URL - got "${d}"`);
	});
}

export const PROFILE_VALIDATORS: Record<string, (v: unknown) => void> = {
	get_started: validateGetStarted,
	greeting: validateGreeting,
	persistent_menu: validatePersistentMenu,
	ice_breakers: validateIceBreakers,
	whitelisted_domains: validateWhitelistedDomains,
};
