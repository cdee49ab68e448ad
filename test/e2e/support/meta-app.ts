// The sandbox's one Meta app, shared by every e2e file. Meta allows one callback URL per app
// (developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks), so a file
// that activates a Meta trigger first waits until no other workflow's URL holds the callback, and
// hands the app back (callback removed) before the next file or workflow takes it.
import { SANDBOX_DEFAULTS } from '../../../sandbox';
import type { WorkflowJson } from '../../../scripts/lib/n8n-api';
import { eventually, webhookRegistered, type E2eContext } from './context';
import { triggerUrl } from './workflows';

interface AppSubscriptions {
	data: Array<{ object: string; callback_url: string; fields: Array<{ name: string }> }>;
}
interface SubscribedApps {
	data: Array<{ id: string; subscribed_fields: string[] }>;
}

/** The callback URLs the app is subscribed with for `object=page` (at most one, as at Meta). */
export async function metaCallbackUrls(ctx: E2eContext): Promise<string[]> {
	const { data } = await ctx.sandbox.graph<AppSubscriptions>(`/${SANDBOX_DEFAULTS.appId}/subscriptions`, 'app');
	return data.filter((s) => s.object === 'page').map((s) => s.callback_url);
}

/** The webhook fields the page is subscribed to for the app (`/{page-id}/subscribed_apps`). */
export async function pageSubscribedFields(ctx: E2eContext): Promise<string[]> {
	const { data } = await ctx.sandbox.graph<SubscribedApps>(`/${SANDBOX_DEFAULTS.pageId}/subscribed_apps`);
	return data.find((app) => app.id === SANDBOX_DEFAULTS.appId)?.subscribed_fields ?? [];
}

/** Waits until no workflow holds the app's callback; names the holder if one keeps it. */
export async function metaAppReleased(ctx: E2eContext, timeoutMs = 20_000): Promise<void> {
	await eventually(async () => {
		const holders = await metaCallbackUrls(ctx);
		if (holders.length > 0) throw new Error(`another Meta trigger still holds the sandbox app's callback: ${holders.join(', ')}`);
	}, timeoutMs);
}

/**
 * Creates and activates a workflow with a Meta trigger once the app is free, and waits until its
 * registration (app subscription with this URL, page subscription) has run. Returns its id and URL.
 */
export async function activateMetaWorkflow(ctx: E2eContext, workflow: WorkflowJson): Promise<{ id: string; url: string }> {
	await metaAppReleased(ctx);
	const id = await ctx.deploy(workflow);
	const url = triggerUrl(ctx.state.n8nUrl, workflow);
	await webhookRegistered(url);
	await eventually(async () => {
		const holders = await metaCallbackUrls(ctx);
		if (holders.length !== 1 || holders[0] !== url) throw new Error(`app callback is ${JSON.stringify(holders)}, waiting for ${url}`);
		// The trigger subscribes the page after the app; the registration is done once both are.
		if ((await pageSubscribedFields(ctx)).length === 0) throw new Error('the page is not subscribed to the app yet');
	}, 20_000);
	return { id, url };
}

/** Deactivates the workflow and waits until its trigger has removed the app's callback. */
export async function deactivateMetaWorkflow(ctx: E2eContext, id: string): Promise<void> {
	await ctx.n8n.deactivate(id);
	await metaAppReleased(ctx);
}
