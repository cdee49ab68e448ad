// The Messenger Application node's Messenger Profile resource (providers.md):
//   GET|POST|DELETE /{version}/me/messenger_profile        (GET ?fields=, DELETE {fields:[...]})
// The token, and appsecret_proof when the credential has an app secret, are added by the credential.
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { InputValidationError, checkLength, checkNotEmpty } from '../../model/setup-input';
import { isRecord } from '../util';
import { graphRequestBase as graph } from './graph/base-url';
import { PROFILE_FIELDS, PROFILE_LIMITS, type ProfileField } from './profile-limits';

export { PROFILE_FIELDS, PROFILE_LIMITS, type ProfileField } from './profile-limits';
export { pageIdOf } from './page-subscriptions';

/** The API these calls go to (its credential is the Facebook Page one). */
export { GRAPH_SETUP_API as SETUP_API } from './graph/setup-api';

export interface PostbackMenuItem {
	type: 'postback';
	title: string;
	payload: string;
}

export interface WebUrlMenuItem {
	type: 'web_url';
	title: string;
	url: string;
	webview_height_ratio?: string;
}

export type MenuItem = PostbackMenuItem | WebUrlMenuItem;

export interface LocalizedMenu {
	locale: string;
	composer_input_disabled?: boolean;
	call_to_actions: MenuItem[];
}

export interface IceBreakerSet {
	locale: string;
	call_to_actions: Array<{ question: string; payload: string }>;
}

/** The Messenger profile fields this package manages, in Graph's shape. */
export interface MessengerProfile {
	get_started?: { payload: string };
	greeting?: Array<{ locale: string; text: string }>;
	persistent_menu?: LocalizedMenu[];
	ice_breakers?: IceBreakerSet[];
	whitelisted_domains?: string[];
}

const PROFILE_PATH = '/me/messenger_profile';

export function checkProfileFields(fields: readonly string[]): ProfileField[] {
	const unique = [...new Set(fields)];
	for (const field of unique) {
		if (!(PROFILE_FIELDS as readonly string[]).includes(field)) {
			throw new InputValidationError('fields', `Unknown Messenger profile field "${field}"; expected one of ${PROFILE_FIELDS.join(', ')}`);
		}
	}
	if (!unique.length) throw new InputValidationError('fields', 'Select at least one Messenger profile field');
	return unique as ProfileField[];
}

export function buildGetProfile(fields: readonly string[], credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	return { ...graph(credentials), method: 'GET', url: PROFILE_PATH, qs: { fields: checkProfileFields(fields).join(',') } };
}

export function buildSetProfile(profile: MessengerProfile, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	return { ...graph(credentials), method: 'POST', url: PROFILE_PATH, body: profile as IDataObject };
}

export function buildDeleteProfile(fields: readonly string[], credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	return { ...graph(credentials), method: 'DELETE', url: PROFILE_PATH, body: { fields: checkProfileFields(fields) } };
}

/** `{data:[{get_started:..., greeting:[...], ...}]}`; `{data:[]}` when nothing is set. */
export function parseProfile(body: unknown): MessengerProfile {
	const data = isRecord(body) && Array.isArray(body.data) ? body.data : [];
	const merged: Record<string, unknown> = {};
	for (const entry of data) if (isRecord(entry)) Object.assign(merged, entry);
	const profile: Record<string, unknown> = {};
	for (const field of PROFILE_FIELDS) if (merged[field] !== undefined && merged[field] !== null) profile[field] = merged[field];
	return profile as MessengerProfile;
}

function checkLocales(field: string, locales: string[]): void {
	const seen = new Set<string>();
	for (const locale of locales) {
		if (!locale) throw new InputValidationError(`${field}.locale`, `${field}: a locale is empty`);
		if (!PROFILE_LIMITS.localePattern.test(locale)) {
			throw new InputValidationError(`${field}.locale`, `${field}: locale "${locale}" is not "default" or a Facebook locale like en_US`);
		}
		if (seen.has(locale)) throw new InputValidationError(`${field}.locale`, `${field}: locale "${locale}" appears twice`);
		seen.add(locale);
	}
	if (!seen.has(PROFILE_LIMITS.defaultLocale)) {
		throw new InputValidationError(
			`${field}.locale`,
			`${field} needs an entry for locale "${PROFILE_LIMITS.defaultLocale}" (Meta shows it to every user whose locale has none)`,
		);
	}
}

function checkUrl(field: string, value: string, protocols: readonly string[]): void {
	const url = URL.canParse(value) ? new URL(value) : undefined;
	if (!url) throw new InputValidationError(field, `${field} is not a valid URL: "${value}"`);
	if (!protocols.includes(url.protocol)) {
		throw new InputValidationError(field, `${field} must be a ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL: "${value}"`);
	}
}

function checkCount(field: string, count: number, min: number, max: number): void {
	if (count < min) throw new InputValidationError(field, `${field} has ${count} entries; at least ${min} is required`);
	if (count > max) throw new InputValidationError(field, `${field} has ${count} entries; the limit is ${max}`);
}

function checkMenuItem(field: string, item: MenuItem): void {
	const limits = PROFILE_LIMITS.persistentMenu;
	if (!(limits.itemTypes as readonly string[]).includes(item.type)) {
		throw new InputValidationError(`${field}.type`, `${field}.type "${String(item.type)}" is not one of ${limits.itemTypes.join(', ')}`);
	}
	checkLength(`${field}.title`, checkNotEmpty(`${field}.title`, item.title ?? ''), limits.title);
	if (item.type === 'postback') {
		checkLength(`${field}.payload`, checkNotEmpty(`${field}.payload`, item.payload ?? ''), limits.payload);
	} else {
		checkUrl(`${field}.url`, checkNotEmpty(`${field}.url`, item.url ?? ''), ['http:', 'https:']);
		const ratio = item.webview_height_ratio;
		if (ratio !== undefined && !(limits.webviewHeightRatios as readonly string[]).includes(ratio)) {
			throw new InputValidationError(
				`${field}.webview_height_ratio`,
				`${field}.webview_height_ratio "${ratio}" is not one of ${limits.webviewHeightRatios.join(', ')}`,
			);
		}
	}
}

/** Checks a profile against Meta's limits; needs no request, so it runs before any. */
export function validateProfile(profile: MessengerProfile): void {
	const keys = Object.keys(profile);
	if (!keys.length) throw new InputValidationError('profile', 'Nothing to set: add at least one Messenger profile field');
	for (const key of keys) checkProfileFields([key]);

	if (profile.get_started !== undefined) {
		if (!isRecord(profile.get_started)) throw new InputValidationError('get_started', 'get_started must be an object {payload}');
		const payload = checkNotEmpty('get_started.payload', String(profile.get_started.payload ?? ''));
		checkLength('get_started.payload', payload, PROFILE_LIMITS.getStarted.payload);
	}

	if (profile.greeting !== undefined) {
		if (!Array.isArray(profile.greeting) || !profile.greeting.length) {
			throw new InputValidationError('greeting', 'greeting must list at least one {locale, text}');
		}
		checkLocales('greeting', profile.greeting.map((entry) => String(entry?.locale ?? '')));
		for (const entry of profile.greeting) {
			const field = `greeting[${entry.locale}].text`;
			checkLength(field, checkNotEmpty(field, String(entry.text ?? '')), PROFILE_LIMITS.greeting.text);
		}
	}

	if (profile.persistent_menu !== undefined) {
		const menus = profile.persistent_menu;
		if (!Array.isArray(menus) || !menus.length) {
			throw new InputValidationError('persistent_menu', 'persistent_menu must list at least one {locale, call_to_actions}');
		}
		checkLocales('persistent_menu', menus.map((menu) => String(menu?.locale ?? '')));
		for (const menu of menus) {
			const field = `persistent_menu[${menu.locale}].call_to_actions`;
			const items = Array.isArray(menu.call_to_actions) ? menu.call_to_actions : [];
			checkCount(field, items.length, 1, PROFILE_LIMITS.persistentMenu.items);
			items.forEach((item, index) => checkMenuItem(`${field}[${index}]`, item));
		}
	}

	if (profile.ice_breakers !== undefined) {
		const sets = profile.ice_breakers;
		if (!Array.isArray(sets) || !sets.length) {
			throw new InputValidationError('ice_breakers', 'ice_breakers must list at least one {locale, call_to_actions}');
		}
		checkLocales('ice_breakers', sets.map((set) => String(set?.locale ?? '')));
		const limits = PROFILE_LIMITS.iceBreakers;
		for (const set of sets) {
			const field = `ice_breakers[${set.locale}].call_to_actions`;
			const questions = Array.isArray(set.call_to_actions) ? set.call_to_actions : [];
			checkCount(field, questions.length, 1, limits.max);
			questions.forEach((entry, index) => {
				const question = `${field}[${index}].question`;
				const payload = `${field}[${index}].payload`;
				checkLength(question, checkNotEmpty(question, String(entry?.question ?? '')), limits.question);
				checkLength(payload, checkNotEmpty(payload, String(entry?.payload ?? '')), limits.payload);
			});
		}
	}

	if (profile.whitelisted_domains !== undefined) {
		const domains = profile.whitelisted_domains;
		if (!Array.isArray(domains)) throw new InputValidationError('whitelisted_domains', 'whitelisted_domains must be a list of URLs');
		checkCount('whitelisted_domains', domains.length, 1, PROFILE_LIMITS.whitelistedDomains.max);
		domains.forEach((domain, index) =>
			checkUrl(`whitelisted_domains[${index}]`, String(domain ?? ''), PROFILE_LIMITS.whitelistedDomains.protocols),
		);
	}
}

/**
 * The rule that spans fields, checked against what the page has now: a persistent menu needs a Get
 * Started button, set in the same call or already.
 */
export function checkProfileDependencies(profile: MessengerProfile, current: MessengerProfile): void {
	if (profile.persistent_menu === undefined || !PROFILE_LIMITS.persistentMenu.requiresGetStarted) return;
	if (profile.get_started !== undefined || current.get_started !== undefined) return;
	throw new InputValidationError(
		'persistent_menu',
		'A persistent menu needs a Get Started button: set get_started in the same call, or first',
	);
}

/**
 * Accepts a profile as the user wrote it in JSON: Graph's shape, plus two conveniences (a greeting or
 * get_started given as a plain string, ice breakers in Meta's older flat `[{question, payload}]` form).
 */
export function normalizeProfile(input: unknown): MessengerProfile {
	if (!isRecord(input)) throw new InputValidationError('profile', 'The profile JSON must be an object');
	const profile: Record<string, unknown> = { ...input };
	if (typeof profile.get_started === 'string') profile.get_started = { payload: profile.get_started };
	if (typeof profile.greeting === 'string') profile.greeting = [{ locale: PROFILE_LIMITS.defaultLocale, text: profile.greeting }];
	const ice = profile.ice_breakers;
	if (Array.isArray(ice) && ice.length && ice.every((entry) => isRecord(entry) && 'question' in entry)) {
		profile.ice_breakers = [{ locale: PROFILE_LIMITS.defaultLocale, call_to_actions: ice }];
	}
	if (typeof profile.whitelisted_domains === 'string') {
		profile.whitelisted_domains = profile.whitelisted_domains.split(',').map((entry) => entry.trim()).filter(Boolean);
	}
	return profile as MessengerProfile;
}

/** True when every value `wanted` names is what `actual` has (Graph may add defaults of its own). */
export function covers(actual: unknown, wanted: unknown): boolean {
	if (Array.isArray(wanted)) {
		return Array.isArray(actual) && actual.length === wanted.length && wanted.every((entry, i) => covers(actual[i], entry));
	}
	if (isRecord(wanted)) {
		return isRecord(actual) && Object.entries(wanted).every(([key, value]) => value === undefined || covers(actual[key], value));
	}
	return actual === wanted;
}

/** Which of the wanted fields differ from what the page has, in PROFILE_FIELDS order. */
export function diffProfile(
	current: MessengerProfile,
	wanted: MessengerProfile,
): { changed: ProfileField[]; unchanged: ProfileField[] } {
	const changed: ProfileField[] = [];
	const unchanged: ProfileField[] = [];
	for (const field of PROFILE_FIELDS) {
		if (wanted[field] === undefined) continue;
		(covers(current[field], wanted[field]) ? unchanged : changed).push(field);
	}
	return { changed, unchanged };
}

/** Only the named fields of a profile. */
export function pickProfile(profile: MessengerProfile, fields: readonly ProfileField[]): MessengerProfile {
	const picked: Record<string, unknown> = {};
	for (const field of fields) if (profile[field] !== undefined) picked[field] = profile[field];
	return picked as MessengerProfile;
}
