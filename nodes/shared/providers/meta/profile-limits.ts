/**
 * One table for the limits of the page-side setup calls (Graph `/me/messenger_profile`). Sources: Meta's
 * Messenger Platform reference for the Messenger Profile API (get_started, greeting, persistent_menu,
 * ice_breakers, whitelisted_domains). Entries Meta documents less firmly are marked *unverified* so that
 * one edit here follows Meta.
 */
export const PROFILE_LIMITS = {
	/** Locale every localized field must carry (Meta: a `default` entry is required). */
	defaultLocale: 'default',
	/** Facebook locales are language_TERRITORY (en_US, es_LA); `default` stands for every other one. */
	localePattern: /^(default|[a-z]{2}_[A-Z]{2})$/,
	getStarted: { payload: 1000 },
	greeting: {
		/** Greeting text, per locale, in characters. */
		text: 160,
	},
	persistentMenu: {
		/** Top-level items of one locale's menu (Meta's current, flat menu; nested menus are gone). */
		items: 20,
		/** Menu item title. */
		title: 30,
		payload: 1000,
		/** Item types the menu accepts. */
		itemTypes: ['postback', 'web_url'] as const,
		webviewHeightRatios: ['compact', 'tall', 'full'] as const,
		/** Meta refuses a persistent menu on a page without a Get Started button. */
		requiresGetStarted: true,
	},
	iceBreakers: {
		/** Questions per locale. */
		max: 4,
		/** *Unverified*: Meta's reference states 80 characters for a question. */
		question: 80,
		payload: 1000,
	},
	whitelistedDomains: {
		max: 50,
		/** Meta accepts only https URLs here. */
		protocols: ['https:'] as const,
	},
} as const;

/** The fields of the Messenger profile this package manages, in Graph's names. */
export const PROFILE_FIELDS = ['get_started', 'greeting', 'persistent_menu', 'ice_breakers', 'whitelisted_domains'] as const;

export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** User profile fields for a PSID; the last three need extra permissions granted by Meta. */
export const USER_PROFILE_FIELDS = ['first_name', 'last_name', 'profile_pic', 'locale', 'timezone', 'gender'] as const;

export const DEFAULT_USER_PROFILE_FIELDS = ['first_name', 'last_name', 'profile_pic'] as const;
