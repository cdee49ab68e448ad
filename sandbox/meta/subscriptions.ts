// Webhook subscriptions, both levels (providers.md "Subscriptions"; Meta's webhooks page
// developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks, one callback URL per app; fields from the webhook-events list):
//
// `GET|POST|DELETE /{v}/{page-id|me}/subscribed_apps` (`meta.subscribed_apps`), that page's own token
//   (Meta's /{page-id}/subscribed_apps reference; every page of the app has its own list):
//   POST subscribed_fields=a,b (or a JSON array) → {success:true} (the list replaces the previous one);
//   GET → {data:[{id, name, subscribed_fields}]} ({data:[]} when the app is not installed); DELETE → {success:true}.
//
// `GET|POST|DELETE /{v}/{app-id}/subscriptions` (`meta.app_subscriptions`), app token `APP_ID|APP_SECRET`:
//   POST object, callback_url, verify_token, fields[, include_values] → the sandbox sends Meta's
//   verification GET (hub.mode=subscribe, hub.verify_token, hub.challenge) to callback_url and succeeds
//   only on HTTP 200 with a body equal to the challenge (else 2200). New fields are added to those
//   already subscribed for the object; the callback URL replaces the previous one (one per app, whatever
//   the number of pages). For object=page it also sets config.meta.webhookUrl/verifyToken.
//   GET → {data:[{object, callback_url, active, fields:[{name, version}]}]}.
//   DELETE object=page [fields=...] removes those fields (or the object); without object, everything.
import { randomInt } from 'node:crypto';
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { authenticate, authenticatePage, unknownObject } from './auth';
import { fail, GraphError, isHttpUrl, onlyKeys, oneOf, stringList, str } from './fields';
import { APP_SUBSCRIPTION_OBJECTS, PAGE_WEBHOOK_FIELDS } from './limits';
import { graphParams, withoutAuth } from './params';
import type { AppSubscription, MetaState } from './state';

export const SANDBOX_APP_NAME = 'Sandbox Messenger App';

function checkFields(fields: string[], path: string, object = 'page'): void {
	if (fields.length === 0) fail(`(#100) The parameter ${path} is required`);
	if (object !== 'page') return;
	fields.forEach((f, i) => {
		if (!(PAGE_WEBHOOK_FIELDS as readonly string[]).includes(f)) {
			fail(`(#100) Param ${path}[${i}] must be one of {${PAGE_WEBHOOK_FIELDS.join(', ')}} - got "${f}"`);
		}
	});
}

export function handleSubscribedApps(req: SandboxRequest, ctx: SandboxContext, state: MetaState): SandboxResponse {
	const meta = ctx.config.meta;
	const params = graphParams(req);
	const pageId = authenticatePage(req, params, meta, state, req.params.node);
	const rest = withoutAuth(params);
	switch (req.method) {
		case 'POST': {
			onlyKeys(rest, ['subscribed_fields'], '');
			if (rest.subscribed_fields === undefined || rest.subscribed_fields === '') fail('(#100) The parameter subscribed_fields is required');
			const fields = [...new Set(stringList(rest.subscribed_fields, 'subscribed_fields'))];
			checkFields(fields, 'subscribed_fields');
			state.pageSubscribedFields.set(pageId, fields);
			return { status: 200, body: { success: true } };
		}
		case 'DELETE':
			onlyKeys(rest, [], '');
			state.pageSubscribedFields.delete(pageId);
			return { status: 200, body: { success: true } };
		default: {
			onlyKeys(rest, ['fields'], '');
			const fields = state.pageSubscribedFields.get(pageId);
			const data = fields
				? [{ category: 'Business', link: `https://www.facebook.com/games/?app_id=${meta.appId}`, name: SANDBOX_APP_NAME, id: meta.appId, subscribed_fields: fields }]
				: [];
			return { status: 200, body: { data } };
		}
	}
}

function verificationFailed(detail: string): GraphError {
	return new GraphError(`(#2200) Callback verification failed with the following errors: ${detail}`, 2200);
}

async function verifyCallback(ctx: SandboxContext, callbackUrl: string, verifyToken: string): Promise<void> {
	const challenge = String(randomInt(100_000_000, 2_000_000_000));
	const target = new URL(callbackUrl);
	target.searchParams.set('hub.mode', 'subscribe');
	target.searchParams.set('hub.verify_token', verifyToken);
	target.searchParams.set('hub.challenge', challenge);
	let result: { status: number; body: string };
	try {
		result = await ctx.getOut(target.toString());
	} catch (e) {
		throw verificationFailed(`curl_errno = 7; curl_error = ${(e as Error).message}`);
	}
	if (result.status !== 200) throw verificationFailed(`HTTP Status Code = ${result.status}; HTTP Message = ${result.body.slice(0, 200)}`);
	if (result.body !== challenge) {
		throw verificationFailed(`The URL couldn't be validated. Response does not match challenge, expected value="${challenge}", received="${result.body.slice(0, 200)}"`);
	}
}

function listSubscriptions(state: MetaState): SandboxResponse {
	const data = [...state.appSubscriptions.values()].map((s) => ({
		object: s.object,
		callback_url: s.callbackUrl,
		active: s.active,
		fields: s.fields.map((name) => ({ name, version: s.version })),
	}));
	return { status: 200, body: { data } };
}

function forgetPageWebhook(ctx: SandboxContext, sub: AppSubscription | undefined): void {
	if (!sub || sub.object !== 'page') return;
	if (ctx.config.meta.webhookUrl === sub.callbackUrl) {
		delete ctx.config.meta.webhookUrl;
		delete ctx.config.meta.verifyToken;
	}
}

export async function handleAppSubscriptions(req: SandboxRequest, ctx: SandboxContext, state: MetaState): Promise<SandboxResponse> {
	const meta = ctx.config.meta;
	const params = graphParams(req);
	authenticate(req, params, meta, 'app');
	if (req.params.app !== meta.appId) throw unknownObject(req.params.app, req.method);
	const rest = withoutAuth(params);

	if (req.method === 'GET') {
		onlyKeys(rest, ['fields'], '');
		return listSubscriptions(state);
	}

	if (req.method === 'DELETE') {
		onlyKeys(rest, ['object', 'fields'], '');
		const object = oneOf(rest, 'object', '', APP_SUBSCRIPTION_OBJECTS, false);
		if (object === undefined) {
			if (rest.fields !== undefined) fail('(#100) Param fields requires the parameter object');
			for (const sub of state.appSubscriptions.values()) forgetPageWebhook(ctx, sub);
			state.appSubscriptions.clear();
			return { status: 200, body: { success: true } };
		}
		const sub = state.appSubscriptions.get(object);
		if (rest.fields !== undefined && sub) {
			const drop = new Set(stringList(rest.fields, 'fields'));
			sub.fields = sub.fields.filter((f) => !drop.has(f));
			if (sub.fields.length > 0) return { status: 200, body: { success: true } };
		}
		forgetPageWebhook(ctx, sub);
		state.appSubscriptions.delete(object);
		return { status: 200, body: { success: true } };
	}

	onlyKeys(rest, ['object', 'callback_url', 'verify_token', 'fields', 'include_values'], '');
	const object = oneOf(rest, 'object', '', APP_SUBSCRIPTION_OBJECTS, true) as string;
	const callbackUrl = str(rest, 'callback_url', '', { required: true }) as string;
	if (!isHttpUrl(callbackUrl)) fail('(#100) Param callback_url must be a valid URL');
	const verifyToken = str(rest, 'verify_token', '', { required: true }) as string;
	if (rest.fields === undefined || rest.fields === '') fail('(#100) The parameter fields is required');
	const fields = [...new Set(stringList(rest.fields, 'fields'))];
	checkFields(fields, 'fields', object);
	const includeValues = rest.include_values === true || rest.include_values === 'true';

	await verifyCallback(ctx, callbackUrl, verifyToken);

	const previous = state.appSubscriptions.get(object);
	const merged = [...new Set([...(previous?.fields ?? []), ...fields])];
	state.appSubscriptions.set(object, {
		object,
		callbackUrl,
		verifyToken,
		fields: merged,
		includeValues,
		active: true,
		version: req.params.version,
	});
	if (object === 'page') {
		meta.webhookUrl = callbackUrl;
		meta.verifyToken = verifyToken;
	}
	return { status: 200, body: { success: true } };
}
