// Setting up many pages at once with a system-user credential: list the pages its token manages, and
// subscribe each (or the listed ones) to the credential's app with the fields the trigger needs. Each
// page is read before it is written, so a second run changes nothing and says so, page by page; a page
// that fails is reported by its ID and the others go on.
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InputValidationError } from '../../shared/model/setup-input';
import { pageSubscriptions as pages, pageTokens } from '../../shared/providers';
import { setupRequest } from '../../shared/setup-request';
import { credentialsOf, pageRequest, speaksForManyPages, type Operation } from './common';

function requireManyPages(credentials: ICredentialDataDecryptedObject): void {
	if (speaksForManyPages(credentials)) return;
	throw new InputValidationError(
		'authType',
		'This operation needs a Facebook Page credential with Token Type "System User or User Token (Many Pages)": a page access token speaks for its own page only',
	);
}

/** Every page the token manages, following Graph's cursor, at most MAX_MANAGED_PAGES. */
async function managedPages(ctx: IExecuteFunctions, itemIndex: number, credentials: ICredentialDataDecryptedObject): Promise<pageTokens.ManagedPage[]> {
	const found: pageTokens.ManagedPage[] = [];
	const maxRequests = Math.ceil(pageTokens.MAX_MANAGED_PAGES / pageTokens.MANAGED_PAGES_PER_REQUEST);
	let after: string | undefined;
	for (let request = 0; request < maxRequests; request++) {
		const response = await setupRequest(ctx, pages.SETUP_API, pageTokens.buildManagedPagesRequest(credentials, after), { itemIndex });
		const page = pageTokens.parseManagedPages(response.body);
		found.push(...page.pages.filter((candidate) => !found.some((known) => known.id === candidate.id)));
		after = page.after;
		if (!after || found.length >= pageTokens.MAX_MANAGED_PAGES) break;
	}
	return found.slice(0, pageTokens.MAX_MANAGED_PAGES);
}

const getManagedPages: Operation = async (ctx, itemIndex) => {
	const credentials = await credentialsOf(ctx, pages.SETUP_API, itemIndex);
	requireManyPages(credentials);
	return (await managedPages(ctx, itemIndex, credentials)).map((page) => ({
		pageId: page.id,
		name: page.name,
		category: page.category,
		tasks: page.tasks,
		isCredentialPage: page.id === String(credentials.pageId ?? '').trim(),
	}));
};

interface PageToSubscribe {
	id: string;
	name?: string;
}

async function subscribeOne(
	ctx: IExecuteFunctions,
	itemIndex: number,
	credentials: ICredentialDataDecryptedObject,
	appId: string,
	page: PageToSubscribe,
	requested: readonly string[],
	keepExisting: boolean,
): Promise<IDataObject> {
	const list = await pageRequest(ctx, pages.SETUP_API, credentials, page.id, pages.buildListPageSubscriptions(credentials, page.id), { itemIndex });
	const mine = pages.parsePageSubscriptions(list.body).find((app) => app.appId === appId);
	const plan = pages.planSubscription(mine?.subscribedFields, requested, keepExisting);
	const output: IDataObject = { pageId: page.id, ...(page.name ? { name: page.name } : {}), appId, changed: plan.change !== 'unchanged' };
	Object.assign(output, { change: plan.change, subscribedFields: plan.fields, added: plan.added, removed: plan.removed });
	if (plan.change === 'unchanged') {
		return { ...output, message: `App ${appId} already receives these fields from page ${page.id}; nothing was sent` };
	}
	await pageRequest(ctx, pages.SETUP_API, credentials, page.id, pages.buildSubscribePage(plan.fields, credentials, page.id), { itemIndex });
	const what = plan.change === 'subscribed' ? 'Subscribed' : 'Updated the fields of';
	return { ...output, message: `${what} app ${appId} on page ${page.id}: ${plan.fields.join(', ')}` };
}

// Up to a thousand pages may fail or succeed in one run: the error names this many of each, so it
// stays readable (n8n shows it whole), and counts the rest.
const FAILURES_NAMED = 5;
const DONE_NAMED = 20;

function firstOf(entries: readonly string[], count: number, separator: string, rest: (more: number) => string): string {
	const named = entries.slice(0, count).join(separator);
	return entries.length > count ? `${named}${rest(entries.length - count)}` : named;
}

const subscribeMany: Operation = async (ctx, itemIndex) => {
	const credentials = await credentialsOf(ctx, pages.SETUP_API, itemIndex);
	requireManyPages(credentials);
	const appId = String(credentials.appId ?? '').trim();
	if (!appId) throw new InputValidationError('appId', 'Set the App ID in the Facebook Page credential: it names the app each page is subscribed to');
	const requested = ctx.getNodeParameter('subscribedFields', itemIndex, []) as string[];
	if (!requested.length) throw new InputValidationError('subscribedFields', 'Select at least one field to subscribe the pages to');
	const keepExisting = ctx.getNodeParameter('keepExisting', itemIndex, true) as boolean;
	const listed = pageTokens.pageIdList('Pages', ctx.getNodeParameter('pageIds', itemIndex, ''));
	const targets: PageToSubscribe[] = listed.length
		? listed.map((id) => ({ id }))
		: (await managedPages(ctx, itemIndex, credentials)).map((page) => ({ id: page.id, name: page.name }));

	const results: IDataObject[] = [];
	const failures: string[] = [];
	for (const page of targets) {
		try {
			results.push(await subscribeOne(ctx, itemIndex, credentials, appId, page, requested, keepExisting));
		} catch (error) {
			const message = (error as Error).message;
			const description = (error as NodeOperationError).description ?? undefined;
			failures.push(`page ${page.id}: ${message}`);
			results.push({ pageId: page.id, ...(page.name ? { name: page.name } : {}), appId, changed: false, error: message, ...(description ? { description } : {}) });
		}
	}
	if (failures.length && !ctx.continueOnFail()) {
		const done = results.filter((result) => result.error === undefined).map((result) => `page ${String(result.pageId)} (${result.changed ? 'changed' : 'unchanged'})`);
		const failed = firstOf(failures, FAILURES_NAMED, '; ', (more) => `; and ${more} more pages (Continue On Fail gives each page its own item, with its error)`);
		throw new NodeOperationError(ctx.getNode(), `Could not subscribe ${failures.length} of ${targets.length} pages: ${failed}`, {
			itemIndex,
			description: done.length ? `The other pages were done: ${firstOf(done, DONE_NAMED, ', ', (more) => ` and ${more} more`)}.` : 'No page was subscribed.',
		});
	}
	return results;
};

export const manyPagesOperations: Record<string, Operation> = { getManagedPages, subscribeMany };
