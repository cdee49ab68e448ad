import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { infobipKey, pathSegment } from '../../model/path-input';
import { InputValidationError } from '../../model/setup-input';
import { baseUrlOf, isRecord } from '../util';

// Infobip applications (seed 001). Only create is documented in the seed:
//   POST /facebook/1/applications  {facebook:{page:{accessToken}, application:{id, secret}}}
//   -> {key, facebook:{page:{accessToken}, application:{id, secret, name, imageUrl}}}
// List, get, update and delete are linked from the seed ("List all applications") but not shown; the
// shapes below are the REST conventions of Infobip's v1 APIs and are kept in this file only:
//   GET    /facebook/1/applications        -> {applications:[<create response>...]}
//   GET    /facebook/1/applications/{key}  -> <create response>
//   PUT    /facebook/1/applications/{key}  with create's body -> <create response>
//   DELETE /facebook/1/applications/{key}  -> 204 (404 when the key is unknown)

export const APPLICATIONS_PATH = '/facebook/1/applications';

/** Where the list response keeps its applications; a bare array is accepted as well. */
const LIST_FIELDS = ['applications', 'results', 'data'];

/** What the user supplies for create and update: the Facebook side of seed 001's setup. */
export interface FacebookAppDetails {
	pageAccessToken: string;
	/** The Facebook App ID, digits only (seed 001 sends it as a JSON number). */
	appId: string;
	appSecret: string;
}

/** One Infobip application as Infobip returns it, unmasked: only ever held in memory. */
export interface InfobipApplication {
	key: string;
	pageAccessToken: string;
	appId: string;
	appSecret: string;
	name: string;
	imageUrl: string;
}

/** Checks and normalizes what create/update send; fails naming the field, before any request. */
export function checkFacebookAppDetails(details: FacebookAppDetails): FacebookAppDetails {
	const pageAccessToken = details.pageAccessToken.trim();
	const appId = details.appId.trim();
	const appSecret = details.appSecret.trim();
	if (!pageAccessToken) throw new InputValidationError('pageAccessToken', 'The page access token is empty');
	if (!appId) throw new InputValidationError('appId', 'The Facebook App ID is empty');
	if (!/^[1-9][0-9]*$/.test(appId)) {
		throw new InputValidationError('appId', `The Facebook App ID must be digits only (got ${appId.length} characters that are not)`);
	}
	if (!appSecret) throw new InputValidationError('appSecret', 'The Facebook App Secret is empty');
	return { pageAccessToken, appId, appSecret };
}

/**
 * Seed 001's body. The App ID is a JSON number as in the seed; ids beyond 2^53 would lose digits as a
 * JavaScript number, so the body is serialized here with the digits written out verbatim.
 */
export function applicationRequestBody(details: FacebookAppDetails): string {
	const checked = checkFacebookAppDetails(details);
	return (
		`{"facebook":{"page":{"accessToken":${JSON.stringify(checked.pageAccessToken)}},` +
		`"application":{"id":${checked.appId},"secret":${JSON.stringify(checked.appSecret)}}}}`
	);
}

function base(credentials: ICredentialDataDecryptedObject): Pick<IHttpRequestOptions, 'baseURL' | 'json'> {
	return { baseURL: baseUrlOf(credentials), json: true };
}

const keyPath = (key: string): string => `${APPLICATIONS_PATH}/${pathSegment(key)}`;

export function buildCreateApplication(
	details: FacebookAppDetails,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	return {
		...base(credentials),
		method: 'POST',
		url: APPLICATIONS_PATH,
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: applicationRequestBody(details),
	};
}

export function buildUpdateApplication(
	key: string,
	details: FacebookAppDetails,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	return {
		...base(credentials),
		method: 'PUT',
		url: keyPath(requireKey(key)),
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: applicationRequestBody(details),
	};
}

export function buildListApplications(credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	return { ...base(credentials), method: 'GET', url: APPLICATIONS_PATH, headers: { Accept: 'application/json' } };
}

export function buildGetApplication(key: string, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	return { ...base(credentials), method: 'GET', url: keyPath(requireKey(key)), headers: { Accept: 'application/json' } };
}

export function buildDeleteApplication(key: string, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	return { ...base(credentials), method: 'DELETE', url: keyPath(requireKey(key)), headers: { Accept: 'application/json' } };
}

/** The key as a path segment may hold it: never empty, `.`, `..` or with a slash. */
export function requireKey(key: string): string {
	return infobipKey('applicationKey', key);
}

/** A response body as an object: n8n hands JSON over parsed, but a text body is tolerated. */
function asRecord(body: unknown): Record<string, unknown> {
	if (typeof body === 'string') {
		try {
			const parsed: unknown = JSON.parse(body);
			return isRecord(parsed) ? parsed : {};
		} catch {
			return {};
		}
	}
	return isRecord(body) ? body : {};
}

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Reads seed 001's response shape (create, get, update, and each element of list). */
export function parseApplication(body: unknown): InfobipApplication {
	const record = asRecord(body);
	const facebook = isRecord(record.facebook) ? record.facebook : {};
	const page = isRecord(facebook.page) ? facebook.page : {};
	const application = isRecord(facebook.application) ? facebook.application : {};
	return {
		key: text(record.key),
		pageAccessToken: text(page.accessToken),
		appId: text(application.id),
		appSecret: text(application.secret),
		name: text(application.name),
		imageUrl: text(application.imageUrl),
	};
}

export function parseApplicationList(body: unknown): InfobipApplication[] {
	let list: unknown = Array.isArray(body) ? body : undefined;
	const record = asRecord(body);
	for (const field of LIST_FIELDS) if (list === undefined && Array.isArray(record[field])) list = record[field];
	return (Array.isArray(list) ? list : []).map(parseApplication).filter((app) => app.key !== '');
}

/**
 * A secret as it may appear in output: its last four characters, enough to tell two tokens apart,
 * never enough to use one. Short values are hidden entirely.
 */
export function maskSecret(value: string): string {
	if (!value) return '';
	if (value.length < 16) return '****';
	return `****${value.slice(-4)}`;
}

/** Seed 001: the webhook Infobip creates inside the Facebook app, for the user to check there. */
export function infobipWebhookUrl(credentials: ICredentialDataDecryptedObject, key: string): string {
	return `${baseUrlOf(credentials)}${keyPath(key)}/webhook`;
}

/** One application as the node outputs it: secrets masked, the webhook spelled out. */
export function applicationOutput(app: InfobipApplication, credentials: ICredentialDataDecryptedObject): IDataObject {
	return {
		key: app.key,
		name: app.name,
		imageUrl: app.imageUrl,
		facebookAppId: app.appId,
		pageAccessToken: maskSecret(app.pageAccessToken),
		appSecret: maskSecret(app.appSecret),
		webhookUrl: app.key ? infobipWebhookUrl(credentials, app.key) : '',
	};
}

/**
 * The application after an update: Infobip's answer where it has a value, else what was there before
 * with the details that were sent (an answer without a body, e.g. 204, still gives a full picture).
 */
export function applicationAfterUpdate(before: InfobipApplication, sent: FacebookAppDetails, answer: unknown): InfobipApplication {
	const after = parseApplication(answer);
	const expected: InfobipApplication = { ...before, ...checkFacebookAppDetails(sent) };
	const merged = { ...expected };
	for (const field of Object.keys(merged) as Array<keyof InfobipApplication>) if (after[field]) merged[field] = after[field];
	merged.key = before.key;
	return merged;
}

/** Which Facebook details differ between an application and what the user asked for (names only). */
export function changedDetails(app: InfobipApplication, wanted: FacebookAppDetails): string[] {
	const checked = checkFacebookAppDetails(wanted);
	const changed: string[] = [];
	if (app.pageAccessToken !== checked.pageAccessToken) changed.push('pageAccessToken');
	if (app.appId !== checked.appId) changed.push('facebookAppId');
	if (app.appSecret !== checked.appSecret) changed.push('appSecret');
	return changed;
}

/**
 * The existing application create should reuse: same Facebook app and the same page token (a token
 * belongs to one page, so this is "this page through this app"). Undefined when there is none.
 */
export function findMatchingApplication(
	apps: readonly InfobipApplication[],
	wanted: FacebookAppDetails,
): InfobipApplication | undefined {
	const checked = checkFacebookAppDetails(wanted);
	return apps.find((app) => app.appId === checked.appId && app.pageAccessToken === checked.pageAccessToken);
}

/** Removes every given secret from a value before it goes anywhere visible (error text, raw output). */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
	const real = secrets.filter((secret) => secret.length >= 4);
	if (!real.length) return value;
	const scrub = (input: unknown): unknown => {
		if (typeof input === 'string') {
			let output = input;
			for (const secret of real) output = output.split(secret).join(maskSecret(secret));
			return output;
		}
		if (Array.isArray(input)) return input.map(scrub);
		if (isRecord(input)) return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, scrub(v)]));
		return input;
	};
	return scrub(value) as T;
}

/** The API these calls go to, and the credential of the Facebook page an application is created for. */
export { INFOBIP_SETUP_API as SETUP_API } from './setup-api';
export { FACEBOOK_PAGE_CREDENTIAL_TYPE as PAGE_CREDENTIAL_TYPE } from '../meta/credential';
