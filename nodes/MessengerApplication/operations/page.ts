import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { PROFILE_FIELDS, type ProfileField } from '../../shared/model/profile-limits';
import { InputValidationError } from '../../shared/model/setup-input';
import {
	type IceBreakerSet,
	type LocalizedMenu,
	type MenuItem,
	type MessengerProfile,
	buildDeleteProfile,
	buildGetProfile,
	buildGetUserProfile,
	buildListPageSubscriptions,
	buildSetProfile,
	buildSubscribePage,
	buildUnsubscribePage,
	checkProfileDependencies,
	checkProfileFields,
	diffProfile,
	normalizeProfile,
	pageIdOf,
	parsePageSubscriptions,
	parseProfile,
	pickProfile,
	planSubscription,
	validateProfile,
} from '../../shared/providers/meta/page-setup';
import { isRecord } from '../../shared/providers/util';
import { GRAPH_SETUP_API, setupRequest } from '../../shared/setup-request';

type Operation = (ctx: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;

const pageCredentials = async (ctx: IExecuteFunctions, itemIndex: number): Promise<ICredentialDataDecryptedObject> =>
	await ctx.getCredentials(GRAPH_SETUP_API.credentialType, itemIndex);

const appIdOf = (credentials: ICredentialDataDecryptedObject): string => String(credentials.appId ?? '').trim();

// ---------------------------------------------------------------------------------------------
// Page subscriptions
// ---------------------------------------------------------------------------------------------

async function listSubscriptions(ctx: IExecuteFunctions, itemIndex: number, credentials: ICredentialDataDecryptedObject) {
	const response = await setupRequest(ctx, GRAPH_SETUP_API, buildListPageSubscriptions(credentials), { itemIndex });
	return parsePageSubscriptions(response.body);
}

const subscribe: Operation = async (ctx, itemIndex) => {
	const credentials = await pageCredentials(ctx, itemIndex);
	const pageId = pageIdOf(credentials);
	const appId = appIdOf(credentials);
	const requested = ctx.getNodeParameter('subscribedFields', itemIndex, []) as string[];
	const keepExisting = ctx.getNodeParameter('keepExisting', itemIndex, true) as boolean;
	if (!requested.length) throw new InputValidationError('subscribedFields', 'Select at least one field to subscribe the page to');
	if (!appId) {
		// Without the app id the page's list cannot tell which entry is this app: apply and say so.
		await setupRequest(ctx, GRAPH_SETUP_API, buildSubscribePage(requested, credentials), { itemIndex });
		return [
			{
				pageId,
				appId: '',
				subscribedFields: requested,
				change: 'applied',
				message:
					'Subscribed the token\'s app to the page. Set the App ID in the Facebook Page credential to see what changed and skip calls that change nothing.',
			},
		];
	}
	const mine = (await listSubscriptions(ctx, itemIndex, credentials)).find((app) => app.appId === appId);
	const plan = planSubscription(mine?.subscribedFields, requested, keepExisting);
	const output = { pageId, appId, subscribedFields: plan.fields, added: plan.added, removed: plan.removed, change: plan.change };
	if (plan.change === 'unchanged') {
		return [{ ...output, message: `App ${appId} already receives these fields from page ${pageId}; nothing was sent` }];
	}
	await setupRequest(ctx, GRAPH_SETUP_API, buildSubscribePage(plan.fields, credentials), { itemIndex });
	const message =
		plan.change === 'subscribed'
			? `Subscribed app ${appId} to page ${pageId} for ${plan.fields.join(', ')}`
			: `Updated the fields of app ${appId} on page ${pageId}: ${[
					plan.added.length ? `added ${plan.added.join(', ')}` : '',
					plan.removed.length ? `removed ${plan.removed.join(', ')}` : '',
				]
					.filter(Boolean)
					.join('; ')}`;
	return [{ ...output, message }];
};

const unsubscribe: Operation = async (ctx, itemIndex) => {
	const credentials = await pageCredentials(ctx, itemIndex);
	const pageId = pageIdOf(credentials);
	const appId = appIdOf(credentials);
	let removedFields: string[] = [];
	if (appId) {
		const mine = (await listSubscriptions(ctx, itemIndex, credentials)).find((app) => app.appId === appId);
		if (!mine) {
			return [
				{
					pageId,
					appId,
					change: 'unchanged',
					removedFields,
					message: `App ${appId} is not subscribed to page ${pageId}; nothing was sent`,
				},
			];
		}
		removedFields = mine.subscribedFields;
	}
	await setupRequest(ctx, GRAPH_SETUP_API, buildUnsubscribePage(credentials), { itemIndex });
	return [
		{
			pageId,
			appId,
			change: 'unsubscribed',
			removedFields,
			message: `Unsubscribed ${appId ? `app ${appId}` : 'the token\'s app'} from page ${pageId}`,
		},
	];
};

const listPageSubscriptions: Operation = async (ctx, itemIndex) => {
	const credentials = await pageCredentials(ctx, itemIndex);
	const pageId = pageIdOf(credentials);
	const appId = appIdOf(credentials);
	return (await listSubscriptions(ctx, itemIndex, credentials)).map((app) => ({
		pageId,
		...app,
		isCredentialApp: appId !== '' && app.appId === appId,
	}));
};

export const pageSubscriptionOperations: Record<string, Operation> = {
	subscribe,
	unsubscribe,
	getAll: listPageSubscriptions,
};

// ---------------------------------------------------------------------------------------------
// Messenger profile
// ---------------------------------------------------------------------------------------------

interface ProfileParameters {
	getStartedPayload?: string;
	composerInputDisabled?: boolean;
	greetings?: { greeting?: Array<{ locale?: string; text?: string }> };
	persistentMenu?: {
		item?: Array<{ locale?: string; type?: string; title?: string; payload?: string; url?: string; webviewHeightRatio?: string }>;
	};
	iceBreakers?: { iceBreaker?: Array<{ locale?: string; question?: string; payload?: string }> };
	whitelistedDomains?: { domain?: Array<{ url?: string }> };
}

/** Entries grouped by locale, in the order each locale first appears. */
function byLocale<T extends { locale?: string }>(entries: T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const entry of entries) {
		const locale = (entry.locale ?? '').trim() || 'default';
		groups.set(locale, [...(groups.get(locale) ?? []), entry]);
	}
	return groups;
}

/** The "Fields" input mode: the node's parameters in Graph's shape. */
export function profileFromParameters(parameters: ProfileParameters): MessengerProfile {
	const profile: MessengerProfile = {};
	if (parameters.getStartedPayload !== undefined) profile.get_started = { payload: parameters.getStartedPayload };
	const greetings = parameters.greetings?.greeting ?? [];
	if (greetings.length) {
		profile.greeting = greetings.map((entry) => ({ locale: (entry.locale ?? '').trim() || 'default', text: entry.text ?? '' }));
	}
	const items = parameters.persistentMenu?.item ?? [];
	if (items.length) {
		profile.persistent_menu = [...byLocale(items)].map(([locale, entries]): LocalizedMenu => ({
			locale,
			...(parameters.composerInputDisabled !== undefined ? { composer_input_disabled: parameters.composerInputDisabled } : {}),
			call_to_actions: entries.map(
				(entry): MenuItem =>
					entry.type === 'web_url'
						? {
								type: 'web_url',
								title: entry.title ?? '',
								url: entry.url ?? '',
								webview_height_ratio: entry.webviewHeightRatio ?? 'full',
							}
						: { type: 'postback', title: entry.title ?? '', payload: entry.payload ?? '' },
			),
		}));
	} else if (parameters.composerInputDisabled !== undefined) {
		throw new InputValidationError('composerInputDisabled', 'Disable Composer Input applies to a persistent menu: add menu items too');
	}
	const questions = parameters.iceBreakers?.iceBreaker ?? [];
	if (questions.length) {
		profile.ice_breakers = [...byLocale(questions)].map(([locale, entries]): IceBreakerSet => ({
			locale,
			call_to_actions: entries.map((entry) => ({ question: entry.question ?? '', payload: entry.payload ?? '' })),
		}));
	}
	const domains = parameters.whitelistedDomains?.domain ?? [];
	if (domains.length) profile.whitelisted_domains = domains.map((entry) => (entry.url ?? '').trim());
	return profile;
}

function parseJson(field: string, label: string, text: string): unknown {
	const parsed = jsonOrError(text);
	if (parsed instanceof Error) throw new InputValidationError(field, `${label} is not valid JSON: ${parsed.message}`);
	return parsed;
}

function jsonOrError(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}

function wantedProfile(ctx: IExecuteFunctions, itemIndex: number): MessengerProfile {
	if (ctx.getNodeParameter('inputMode', itemIndex, 'fields') === 'json') {
		const raw = ctx.getNodeParameter('profileJson', itemIndex, '{}');
		return normalizeProfile(typeof raw === 'string' ? parseJson('profileJson', 'Profile (JSON)', raw) : raw);
	}
	return profileFromParameters(ctx.getNodeParameter('profile', itemIndex, {}) as ProfileParameters);
}

async function currentProfile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	credentials: ICredentialDataDecryptedObject,
	fields: readonly string[],
): Promise<MessengerProfile> {
	const response = await setupRequest(ctx, GRAPH_SETUP_API, buildGetProfile(fields, credentials), { itemIndex });
	return parseProfile(response.body);
}

const getProfile: Operation = async (ctx, itemIndex) => {
	const credentials = await pageCredentials(ctx, itemIndex);
	const fields = checkProfileFields(ctx.getNodeParameter('profileFields', itemIndex, [...PROFILE_FIELDS]) as string[]);
	const profile = await currentProfile(ctx, itemIndex, credentials, fields);
	return [{ pageId: pageIdOf(credentials), ...profile, notSet: fields.filter((field) => profile[field] === undefined) }];
};

const setProfile: Operation = async (ctx, itemIndex) => {
	const wanted = wantedProfile(ctx, itemIndex);
	validateProfile(wanted);
	const credentials = await pageCredentials(ctx, itemIndex);
	const fields = Object.keys(wanted) as ProfileField[];
	const readFields = wanted.persistent_menu && !wanted.get_started ? [...fields, 'get_started'] : fields;
	const current = await currentProfile(ctx, itemIndex, credentials, readFields);
	checkProfileDependencies(wanted, current);
	const { changed, unchanged } = diffProfile(current, wanted);
	const pageId = pageIdOf(credentials);
	if (!changed.length) {
		return [{ pageId, change: 'unchanged', changed, unchanged, message: `The profile already has ${unchanged.join(', ')}; nothing was sent` }];
	}
	await setupRequest(ctx, GRAPH_SETUP_API, buildSetProfile(pickProfile(wanted, changed), credentials), { itemIndex });
	return [
		{
			pageId,
			change: 'updated',
			changed,
			unchanged,
			profile: pickProfile(wanted, changed) as IDataObject,
			message: `Set ${changed.join(', ')}${unchanged.length ? `; ${unchanged.join(', ')} already had the wanted value` : ''}`,
		},
	];
};

const deleteProfile: Operation = async (ctx, itemIndex) => {
	const credentials = await pageCredentials(ctx, itemIndex);
	const fields = checkProfileFields(ctx.getNodeParameter('profileFields', itemIndex, []) as string[]);
	const current = await currentProfile(ctx, itemIndex, credentials, fields);
	const present = fields.filter((field) => current[field] !== undefined);
	const notSet = fields.filter((field) => current[field] === undefined);
	const pageId = pageIdOf(credentials);
	if (!present.length) {
		return [{ pageId, change: 'unchanged', deleted: present, notSet, message: `None of ${fields.join(', ')} is set; nothing was sent` }];
	}
	await setupRequest(ctx, GRAPH_SETUP_API, buildDeleteProfile(present, credentials), { itemIndex });
	return [
		{
			pageId,
			change: 'deleted',
			deleted: present,
			notSet,
			message: `Deleted ${present.join(', ')}${notSet.length ? `; ${notSet.join(', ')} was not set` : ''}`,
		},
	];
};

export const messengerProfileOperations: Record<string, Operation> = {
	get: getProfile,
	set: setProfile,
	delete: deleteProfile,
};

// ---------------------------------------------------------------------------------------------
// User profile
// ---------------------------------------------------------------------------------------------

const getUserProfile: Operation = async (ctx, itemIndex) => {
	const psid = String(ctx.getNodeParameter('psid', itemIndex, ''));
	const fields = ctx.getNodeParameter('userFields', itemIndex, []) as string[];
	const credentials = await pageCredentials(ctx, itemIndex);
	const response = await setupRequest(ctx, GRAPH_SETUP_API, buildGetUserProfile(psid, fields, credentials), { itemIndex });
	const body = isRecord(response.body) ? (response.body as IDataObject) : {};
	return [{ psid: psid.trim(), ...body }];
};

export const userProfileOperations: Record<string, Operation> = { get: getUserProfile };
