// Infobip applications: POST /facebook/1/applications (seed 001) and the list/get/update/delete
// calls seed 001 only links to ("List all applications", /docs/facebook-messenger-application).
//
// ---------------------------------------------------------------------------------------------
// ASSUMPTIONS (the seed documents only create; every guess about the other calls is here):
//  - Create answers HTTP 200 (seed 001 shows the body, not the status) with exactly seed 001's shape:
//    `{key, facebook:{page:{accessToken}, application:{id, secret, name, imageUrl}}}`. `key` is 32
//    upper-case hex characters. `name`/`imageUrl` are what Infobip reads from Facebook; the sandbox
//    makes them up from the application id (APP_NAME / APP_IMAGE_URL below).
//  - List: `GET /facebook/1/applications` -> 200 `{"applications":[<create response shape>...]}`,
//    the `{"<plural>":[...]}` wrapper Infobip's v1 list calls use, in creation order.
//  - Get: `GET /facebook/1/applications/{key}` -> 200 <create response shape>.
//  - Update: `PUT /facebook/1/applications/{key}` with create's request body (e.g. a rotated page
//    token) -> 200 <create response shape> with the new values; the key does not change.
//  - Delete: `DELETE /facebook/1/applications/{key}` -> 204, no body; the key stops working as
//    `from` in /facebook/1/single.
//  - Unknown key on get/update/delete -> 404 `{"requestError":{"serviceException":{"messageId":
//    "NOT_FOUND","text":...}}}`.
//  - Keys in config.infobip.applicationKeys exist from the start with placeholder Facebook details
//    (PRESET_* below).
//  - The Facebook webhook Infobip creates (`<base>/facebook/1/applications/{key}/webhook`, seed 001)
//    is recorded on the stored application but NOT added to any response (no invented fields);
//    tests read it through `ApplicationStore.get(key).webhookUrl`.
// ---------------------------------------------------------------------------------------------
import { randomBytes } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { InfobipRequestError } from './errors';
import { isRecord, onlyKeys, requireObject, requireString } from './shape';

export const APP_NAME = (id: number): string => `Sandbox application ${id}`;
export const APP_IMAGE_URL = (id: number): string => `https://scontent.xx.fbcdn.net/sandbox/app-${id}.png`;
export const PRESET_ACCESS_TOKEN = 'EAASandboxPresetPageAccessToken';
export const PRESET_APP_ID = 1654219114885622;
export const PRESET_APP_SECRET = 'sandbox-preset-app-secret';
export const LIST_WRAPPER_FIELD = 'applications';

export interface InfobipApplication {
	key: string;
	accessToken: string;
	appId: number;
	secret: string;
	name: string;
	imageUrl: string;
	webhookUrl: string;
}

export function newApplicationKey(): string {
	return randomBytes(16).toString('hex').toUpperCase();
}

/** The documented response shape (seed 001). */
export function applicationView(app: InfobipApplication): Record<string, unknown> {
	return {
		key: app.key,
		facebook: {
			page: { accessToken: app.accessToken },
			application: { id: app.appId, secret: app.secret, name: app.name, imageUrl: app.imageUrl },
		},
	};
}

/** Validates create/update's body: exactly `{facebook:{page:{accessToken}, application:{id, secret}}}`. */
export function validateApplicationBody(json: unknown): { accessToken: string; appId: number; secret: string } {
	if (!isRecord(json)) throw new InfobipRequestError('Request body must be a JSON object {facebook:{page, application}}');
	onlyKeys(json, ['facebook'], '');
	const facebook = requireObject(json.facebook, 'facebook');
	onlyKeys(facebook, ['page', 'application'], 'facebook');
	const page = requireObject(facebook.page, 'facebook.page');
	onlyKeys(page, ['accessToken'], 'facebook.page');
	const accessToken = requireString(page, 'accessToken', 'facebook.page');
	const application = requireObject(facebook.application, 'facebook.application');
	onlyKeys(application, ['id', 'secret'], 'facebook.application');
	const id = application.id;
	if (id === undefined || id === null) throw new InfobipRequestError('facebook.application.id is required');
	if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
		throw new InfobipRequestError('facebook.application.id must be a positive integer number (the Facebook App ID)');
	}
	const secret = requireString(application, 'secret', 'facebook.application');
	return { accessToken, appId: id, secret };
}

export class ApplicationStore {
	private readonly apps = new Map<string, InfobipApplication>();
	private readonly deleted = new Set<string>();

	/** `presetKeys` is read live (config.infobip.applicationKeys), so config changes apply at once. */
	constructor(
		private readonly baseUrl: () => string,
		private readonly presetKeys: () => readonly string[],
	) {}

	webhookUrl(key: string): string {
		return `${this.baseUrl()}/facebook/1/applications/${key}/webhook`;
	}

	private preset(key: string): InfobipApplication {
		const app: InfobipApplication = {
			key,
			accessToken: PRESET_ACCESS_TOKEN,
			appId: PRESET_APP_ID,
			secret: PRESET_APP_SECRET,
			name: APP_NAME(PRESET_APP_ID),
			imageUrl: APP_IMAGE_URL(PRESET_APP_ID),
			webhookUrl: this.webhookUrl(key),
		};
		this.apps.set(key, app);
		return app;
	}

	has(key: string): boolean {
		return this.get(key) !== undefined;
	}

	get(key: string): InfobipApplication | undefined {
		if (this.deleted.has(key)) return undefined;
		return this.apps.get(key) ?? (this.presetKeys().includes(key) ? this.preset(key) : undefined);
	}

	/** Preset applications (config order), then created ones (creation order). */
	list(): InfobipApplication[] {
		const presets = this.presetKeys().filter((key) => !this.deleted.has(key));
		for (const key of presets) this.get(key);
		const created = [...this.apps.keys()].filter((key) => !presets.includes(key) && !this.deleted.has(key));
		return [...presets, ...created].map((key) => this.apps.get(key) as InfobipApplication);
	}

	/** The first application key, the `to` of simulated inbound messages. */
	firstKey(): string | undefined {
		return this.list()[0]?.key;
	}

	create(input: { accessToken: string; appId: number; secret: string }): InfobipApplication {
		let key = newApplicationKey();
		while (this.apps.has(key) || this.presetKeys().includes(key)) key = newApplicationKey();
		const app: InfobipApplication = {
			key,
			...input,
			name: APP_NAME(input.appId),
			imageUrl: APP_IMAGE_URL(input.appId),
			webhookUrl: this.webhookUrl(key),
		};
		this.apps.set(key, app);
		return app;
	}

	update(key: string, input: { accessToken: string; appId: number; secret: string }): InfobipApplication | undefined {
		const app = this.get(key);
		if (!app) return undefined;
		Object.assign(app, input, { name: APP_NAME(input.appId), imageUrl: APP_IMAGE_URL(input.appId) });
		return app;
	}

	delete(key: string): boolean {
		if (!this.has(key)) return false;
		this.apps.delete(key);
		this.deleted.add(key);
		return true;
	}

	/** Forgets created, updated and deleted applications (Sandbox.reset). */
	reset(): void {
		this.apps.clear();
		this.deleted.clear();
	}
}

function unknownKey(key: string): InfobipRequestError {
	return new InfobipRequestError(`Application with key "${key}" not found`, 404, 'NOT_FOUND');
}

export function handleCreate(req: SandboxRequest, store: ApplicationStore): SandboxResponse {
	const app = store.create(validateApplicationBody(req.json));
	return { status: 200, body: applicationView(app) };
}

export function handleList(store: ApplicationStore): SandboxResponse {
	return { status: 200, body: { [LIST_WRAPPER_FIELD]: store.list().map(applicationView) } };
}

export function handleGet(req: SandboxRequest, store: ApplicationStore): SandboxResponse {
	const app = store.get(req.params.key);
	if (!app) throw unknownKey(req.params.key);
	return { status: 200, body: applicationView(app) };
}

export function handleUpdate(req: SandboxRequest, store: ApplicationStore): SandboxResponse {
	if (!store.has(req.params.key)) throw unknownKey(req.params.key);
	const app = store.update(req.params.key, validateApplicationBody(req.json));
	return { status: 200, body: applicationView(app as InfobipApplication) };
}

export function handleDelete(req: SandboxRequest, store: ApplicationStore): SandboxResponse {
	if (!store.delete(req.params.key)) throw unknownKey(req.params.key);
	return { status: 204 };
}
