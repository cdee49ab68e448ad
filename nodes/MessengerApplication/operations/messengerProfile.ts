import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputValidationError } from '../../shared/model/setup-input';
import { messengerProfile as messengerProfileApi } from '../../shared/providers';
import { credentialsOf, pageRequest, type Operation } from './common';

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
export function profileFromParameters(parameters: ProfileParameters): messengerProfileApi.MessengerProfile {
	const profile: messengerProfileApi.MessengerProfile = {};
	if (parameters.getStartedPayload !== undefined) profile.get_started = { payload: parameters.getStartedPayload };
	const greetings = parameters.greetings?.greeting ?? [];
	if (greetings.length) {
		profile.greeting = greetings.map((entry) => ({ locale: (entry.locale ?? '').trim() || 'default', text: entry.text ?? '' }));
	}
	const items = parameters.persistentMenu?.item ?? [];
	if (items.length) {
		profile.persistent_menu = [...byLocale(items)].map(([locale, entries]): messengerProfileApi.LocalizedMenu => ({
			locale,
			...(parameters.composerInputDisabled !== undefined ? { composer_input_disabled: parameters.composerInputDisabled } : {}),
			call_to_actions: entries.map(
				(entry): messengerProfileApi.MenuItem =>
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
		profile.ice_breakers = [...byLocale(questions)].map(([locale, entries]): messengerProfileApi.IceBreakerSet => ({
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

function wantedProfile(ctx: IExecuteFunctions, itemIndex: number): messengerProfileApi.MessengerProfile {
	if (ctx.getNodeParameter('inputMode', itemIndex, 'fields') === 'json') {
		const raw = ctx.getNodeParameter('profileJson', itemIndex, '{}');
		return messengerProfileApi.normalizeProfile(typeof raw === 'string' ? parseJson('profileJson', 'Profile (JSON)', raw) : raw);
	}
	return profileFromParameters(ctx.getNodeParameter('profile', itemIndex, {}) as ProfileParameters);
}

async function currentProfile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	credentials: ICredentialDataDecryptedObject,
	fields: readonly string[],
): Promise<messengerProfileApi.MessengerProfile> {
	const response = await pageRequest(ctx, messengerProfileApi.SETUP_API, credentials, messengerProfileApi.pageIdOf(credentials), messengerProfileApi.buildGetProfile(fields, credentials), { itemIndex });
	return messengerProfileApi.parseProfile(response.body);
}

const getProfile: Operation = async (ctx, itemIndex) => {
	const credentials = await credentialsOf(ctx, messengerProfileApi.SETUP_API, itemIndex);
	const fields = messengerProfileApi.checkProfileFields(ctx.getNodeParameter('profileFields', itemIndex, [...messengerProfileApi.PROFILE_FIELDS]) as string[]);
	const profile = await currentProfile(ctx, itemIndex, credentials, fields);
	return [{ pageId: messengerProfileApi.pageIdOf(credentials), ...profile, notSet: fields.filter((field) => profile[field] === undefined) }];
};

const setProfile: Operation = async (ctx, itemIndex) => {
	const wanted = wantedProfile(ctx, itemIndex);
	messengerProfileApi.validateProfile(wanted);
	const credentials = await credentialsOf(ctx, messengerProfileApi.SETUP_API, itemIndex);
	const fields = Object.keys(wanted) as messengerProfileApi.ProfileField[];
	const readFields = wanted.persistent_menu && !wanted.get_started ? [...fields, 'get_started'] : fields;
	const current = await currentProfile(ctx, itemIndex, credentials, readFields);
	messengerProfileApi.checkProfileDependencies(wanted, current);
	const { changed, unchanged } = messengerProfileApi.diffProfile(current, wanted);
	const pageId = messengerProfileApi.pageIdOf(credentials);
	if (!changed.length) {
		return [{ pageId, change: 'unchanged', changed, unchanged, message: `The profile already has ${unchanged.join(', ')}; nothing was sent` }];
	}
	await pageRequest(ctx, messengerProfileApi.SETUP_API, credentials, messengerProfileApi.pageIdOf(credentials), messengerProfileApi.buildSetProfile(messengerProfileApi.pickProfile(wanted, changed), credentials), { itemIndex });
	return [
		{
			pageId,
			change: 'updated',
			changed,
			unchanged,
			profile: messengerProfileApi.pickProfile(wanted, changed) as IDataObject,
			message: `Set ${changed.join(', ')}${unchanged.length ? `; ${unchanged.join(', ')} already had the wanted value` : ''}`,
		},
	];
};

const deleteProfile: Operation = async (ctx, itemIndex) => {
	const credentials = await credentialsOf(ctx, messengerProfileApi.SETUP_API, itemIndex);
	const fields = messengerProfileApi.checkProfileFields(ctx.getNodeParameter('profileFields', itemIndex, []) as string[]);
	const current = await currentProfile(ctx, itemIndex, credentials, fields);
	const present = fields.filter((field) => current[field] !== undefined);
	const notSet = fields.filter((field) => current[field] === undefined);
	const pageId = messengerProfileApi.pageIdOf(credentials);
	if (!present.length) {
		return [{ pageId, change: 'unchanged', deleted: present, notSet, message: `None of ${fields.join(', ')} is set; nothing was sent` }];
	}
	await pageRequest(ctx, messengerProfileApi.SETUP_API, credentials, messengerProfileApi.pageIdOf(credentials), messengerProfileApi.buildDeleteProfile(present, credentials), { itemIndex });
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

