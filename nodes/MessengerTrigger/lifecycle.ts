// n8n's webhook lifecycle for the Meta provider: on activation n8n calls checkExists and, when it
// answers false, create; on deactivation, delete. Each step reads Meta's current state first, so any
// of them can run twice, or after someone removed the subscription by hand, and still end right.
// Nothing is kept between calls (no static data): the state lives at Meta. checkExists runs for every
// provider, once per activation, and first checks the node's configuration (./configuration.ts).
//
// The editor's "Execute step" runs the same hooks for the test URL (/webhook-test/): checkExists and
// create in mode 'manual', and delete, like a deactivation's, in mode 'internal' / activation 'update'
// (n8n cli TestWebhooks.needsWebhook and deactivateWebhooks, ActiveWorkflowManager.clearWebhooks at
// 2.41). n8n-core hands the hooks of a test webhook its /webhook-test/ URL (HookContext.getNodeWebhookUrl
// reads the webhook's isTest). So checkExists tells a test by its mode, and delete needs no telling:
// it removes the app's callback only when it is this hook's own URL.
import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, IHttpRequestOptions, IN8nHttpFullResponse, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TriggerChoice } from '../shared/model/event';
import { asCallFailure, callFailureError, callProvider } from '../shared/provider-http';
import { providerApiError } from '../shared/provider-error';
import { isProviderName, messengerWebhooks as webhooks, pageTokens, PROVIDERS } from '../shared/providers';
import { SenderAuthority } from '../shared/sender-auth';
import { requestFullResponse } from '../shared/setup-request';

import { claimCallback } from './callback-claim';
import { checkActivation, listedPages } from './configuration';

interface Registration {
	target: webhooks.GraphSubscriptionTarget;
	credentials: ICredentialDataDecryptedObject;
	/**
	 * The pages subscribed to the app: the credential's page; with a system-user credential, the
	 * trigger's Pages option when it lists any (each with its own token, ../shared/sender-auth.ts).
	 */
	pages: string[];
	senders: SenderAuthority;
}

type GraphAnswer = { statusCode: number; body: unknown };

/** What to register, or undefined when this trigger registers nothing (Infobip, CM.com, or opted out). */
async function registration(ctx: IHookFunctions): Promise<Registration | undefined> {
	const provider = ctx.getNodeParameter('provider') as string;
	if (!isProviderName(provider) || !PROVIDERS[provider].inbound.registersWebhook) return undefined;
	if (ctx.getNodeParameter('registerWebhook', true) === false) return undefined;
	const credentials = await ctx.getCredentials(PROVIDERS[provider].credentialType);
	const callbackUrl = ctx.getNodeWebhookUrl('default');
	if (!callbackUrl) throw new NodeOperationError(ctx.getNode(), 'n8n gave this trigger no webhook URL');
	const events = ctx.getNodeParameter('events', []) as TriggerChoice[];
	try {
		const target = webhooks.subscriptionTarget(credentials, callbackUrl, webhooks.webhookFieldsFor(events));
		const senders = new SenderAuthority(ctx, webhooks.SETUP_API, pageTokens.PAGE_TOKENS, credentials);
		const listed = listedPages(ctx.getNodeParameter('options', {}) as IDataObject);
		const pages = senders.perSender && listed.length ? listed : [target.pageId];
		return { target, credentials, pages, senders };
	} catch (error) {
		if (error instanceof webhooks.MetaSetupError) throw new NodeOperationError(ctx.getNode(), error.message);
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}

function answerOf(response: unknown): GraphAnswer {
	const full = response as IN8nHttpFullResponse;
	return { statusCode: Number(full.statusCode), body: full.body };
}

/**
 * A call with the page's token: the credential's own (Bearer token + appsecret_proof), or with a
 * system-user credential that page's token, fetched again once if Graph refuses it (code 190).
 */
async function pageCall(
	ctx: IHookFunctions,
	registered: Registration,
	pageId: string,
	build: (target: webhooks.GraphSubscriptionTarget) => IHttpRequestOptions,
): Promise<GraphAnswer> {
	const request = build({ ...registered.target, pageId });
	return await registered.senders.run(
		pageId,
		0,
		async (auth) => answerOf(await requestFullResponse(ctx, webhooks.SETUP_API, request, { auth })),
		(answer) => webhooks.SETUP_API.parseError(answer.statusCode, answer.body)?.code,
	);
}

/**
 * A call with the app token `APP_ID|APP_SECRET`. The credential's `authenticate` would put the page
 * token on the request instead, so this one request is sent without it and carries the app token.
 */
async function appCall(ctx: IHookFunctions, request: IHttpRequestOptions, registered: Registration): Promise<GraphAnswer> {
	const headers = { ...request.headers, ...webhooks.appTokenHeader(registered.credentials) };
	const secrets = [String(registered.credentials.appSecret ?? '')];
	try {
		return answerOf(await callProvider(ctx, { displayName: 'Meta' }, { ...request, headers }, { secrets }));
	} catch (error) {
		// The transport rules of every provider call apply (no redirect, a timeout, the secret masked);
		// a raw n8n error would carry the request, app token included, so only the masked message goes on.
		const failure = asCallFailure(error);
		if (failure.kind !== 'connection') throw callFailureError(ctx.getNode(), 'Meta', failure);
		throw new NodeOperationError(ctx.getNode(), `Meta: could not reach ${request.url}: ${failure.message}`);
	}
}

function ok(answer: GraphAnswer): boolean {
	return answer.statusCode >= 200 && answer.statusCode < 300;
}

function graphFailure(ctx: IHookFunctions, what: string, answer: GraphAnswer, hint?: string): NodeApiError {
	// The one error style of every provider call: built from Graph's error body alone (already masked).
	const problem = webhooks.SETUP_API.parseError(answer.statusCode, answer.body) ?? { message: `HTTP ${answer.statusCode}` };
	return providerApiError(ctx.getNode(), webhooks.SETUP_API.displayName, answer.statusCode, hint ? { ...problem, hint } : problem, {
		action: `could not ${what}`,
	});
}

/** n8n's test listener (the editor's "Execute step"), as opposed to an activation. */
const isTestListener = (ctx: IHookFunctions): boolean => ctx.getMode() === 'manual' || ctx.getActivationMode() === 'manual';

export async function checkExists(ctx: IHookFunctions): Promise<boolean> {
	await checkActivation(ctx);
	const registered = await registration(ctx);
	if (!registered) return true;
	const apps = await appCall(ctx, webhooks.listAppSubscriptionsRequest(registered.target), registered);
	if (!ok(apps)) throw graphFailure(ctx, "read the app's webhook subscriptions", apps);
	const state = webhooks.appSubscriptionState(apps.body, registered.target);
	const claim = claimCallback({
		listener: isTestListener(ctx) ? 'test' : 'production',
		appId: registered.target.appId,
		holderUrl: state.callbackUrl,
		ourUrl: registered.target.callbackUrl,
		webhookId: ctx.getNode().webhookId,
		takeOver: ctx.getNodeParameter('takeOverCallback', false) === true,
	});
	switch (claim.action) {
		case 'refuse':
			throw new NodeOperationError(ctx.getNode(), claim.message);
		case 'register':
			if (claim.replacing?.why === 'take over') {
				ctx.logger.warn(
					`Messenger Trigger "${ctx.getNode().name}" (workflow ${ctx.getWorkflow().id ?? '?'}): took Meta app ${registered.target.appId}'s callback over from ${claim.replacing.url} ("Take Over Existing Callback" is on); that URL receives no events from now on`,
				);
			} else if (claim.replacing) {
				ctx.logger.info(`Messenger Trigger "${ctx.getNode().name}": took the Meta app's callback over from its own test URL`);
			}
			return false;
		case 'keep':
			break;
	}
	if (!state.complete) return false;
	for (const pageId of registered.pages) {
		const page = await pageCall(ctx, registered, pageId, webhooks.listPageSubscriptionsRequest);
		if (!ok(page)) throw graphFailure(ctx, `read the subscribed apps of page ${pageId}`, page);
		if (!webhooks.pageSubscriptionComplete(page.body, { ...registered.target, pageId })) return false;
	}
	return true;
}

export async function create(ctx: IHookFunctions): Promise<boolean> {
	const registered = await registration(ctx);
	if (!registered) return true;
	// Meta calls the URL with its verification GET before it answers this POST; n8n has the webhook
	// live by then, and the GET is answered from the credential's verify token.
	const app = await appCall(ctx, webhooks.createAppSubscriptionRequest(registered.target), registered);
	if (!ok(app)) {
		throw graphFailure(
			ctx,
			'subscribe the app to this webhook',
			app,
			'Meta must reach this URL from the internet (set WEBHOOK_URL for n8n), and the Verify Token in the credential is sent as is.',
		);
	}
	for (const pageId of registered.pages) {
		const page = await pageCall(ctx, registered, pageId, webhooks.subscribePageRequest);
		if (!ok(page)) throw graphFailure(ctx, `subscribe page ${pageId} to the app`, page);
	}
	ctx.logger.debug('Messenger Trigger: Meta webhook registered', { fields: registered.target.fields.join(','), pages: registered.pages.join(',') });
	return true;
}

export async function remove(ctx: IHookFunctions): Promise<boolean> {
	let registered: Registration | undefined;
	try {
		registered = await registration(ctx);
	} catch (error) {
		// Deactivation, and n8n's clean-up after a failed activation, both run this. Throwing here would
		// stop n8n's clean-up and leave the webhook URL registered, so a configuration that cannot say
		// what to remove (no credential, no App ID or secret) removes nothing at Meta and ends.
		ctx.logger.warn(`Messenger Trigger: could not unregister the webhook at Meta: ${(error as Error).message}`);
		return true;
	}
	if (!registered) return true;
	const apps = await appCall(ctx, webhooks.listAppSubscriptionsRequest(registered.target), registered);
	if (!ok(apps)) throw graphFailure(ctx, "read the app's webhook subscriptions", apps);
	const state = webhooks.appSubscriptionState(apps.body, registered.target);
	if (state.exists && !state.ours) {
		// Meta keeps one callback per app: another URL took it over since, and it is not ours to remove.
		ctx.logger.warn('Messenger Trigger: the app webhook now points to another URL; left it in place');
		return true;
	}
	// A page that cannot be unsubscribed (the system user lost it, Graph refused) does not stop the other
	// pages nor the callback's removal, after which it receives nothing: throwing would stop n8n's
	// clean-up and leave the callback pointing here. It is named in n8n's log instead.
	const leftSubscribed: string[] = [];
	for (const pageId of registered.pages) {
		const reason = await unsubscribePage(ctx, registered, pageId);
		if (reason) leftSubscribed.push(reason);
	}
	if (state.exists) {
		const app = await appCall(ctx, webhooks.deleteAppSubscriptionRequest(registered.target), registered);
		if (!ok(app) && !webhooks.isAlreadyGone(app.statusCode, app.body)) throw graphFailure(ctx, 'remove the app subscription', app);
	}
	for (const reason of leftSubscribed) ctx.logger.warn(`Messenger Trigger: left subscribed to the app: ${reason}`);
	return true;
}

/** Unsubscribes `pageId` from the app; why it could not (an error message, masked), or undefined. */
async function unsubscribePage(ctx: IHookFunctions, registered: Registration, pageId: string): Promise<string | undefined> {
	try {
		const page = await pageCall(ctx, registered, pageId, webhooks.unsubscribePageRequest);
		if (ok(page) || webhooks.isAlreadyGone(page.statusCode, page.body)) return undefined;
		return graphFailure(ctx, `unsubscribe page ${pageId} from the app`, page).message;
	} catch (error) {
		// The page's token could not be had, or Graph could not be reached: the error names the page.
		return `page ${pageId}: ${(error as Error).message}`;
	}
}
