import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { InputValidationError } from '../../shared/model/setup-input';
import { pageSubscriptions as pages } from '../../shared/providers';
import { credentialsOf, pageRequest, type Operation } from './common';
import { manyPagesOperations } from './manyPages';

const appIdOf = (credentials: ICredentialDataDecryptedObject): string => String(credentials.appId ?? '').trim();

async function listSubscriptions(ctx: IExecuteFunctions, itemIndex: number, credentials: ICredentialDataDecryptedObject) {
	const response = await pageRequest(ctx, pages.SETUP_API, credentials, pages.pageIdOf(credentials), pages.buildListPageSubscriptions(credentials), { itemIndex });
	return pages.parsePageSubscriptions(response.body);
}

const subscribe: Operation = async (ctx, itemIndex) => {
	const credentials = await credentialsOf(ctx, pages.SETUP_API, itemIndex);
	const pageId = pages.pageIdOf(credentials);
	const appId = appIdOf(credentials);
	const requested = ctx.getNodeParameter('subscribedFields', itemIndex, []) as string[];
	const keepExisting = ctx.getNodeParameter('keepExisting', itemIndex, true) as boolean;
	if (!requested.length) throw new InputValidationError('subscribedFields', 'Select at least one field to subscribe the page to');
	if (!appId) {
		// Without the app id the page's list cannot tell which entry is this app: apply and say so.
		await pageRequest(ctx, pages.SETUP_API, credentials, pages.pageIdOf(credentials), pages.buildSubscribePage(requested, credentials), { itemIndex });
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
	const plan = pages.planSubscription(mine?.subscribedFields, requested, keepExisting);
	const output = { pageId, appId, subscribedFields: plan.fields, added: plan.added, removed: plan.removed, change: plan.change };
	if (plan.change === 'unchanged') {
		return [{ ...output, message: `App ${appId} already receives these fields from page ${pageId}; nothing was sent` }];
	}
	await pageRequest(ctx, pages.SETUP_API, credentials, pages.pageIdOf(credentials), pages.buildSubscribePage(plan.fields, credentials), { itemIndex });
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
	const credentials = await credentialsOf(ctx, pages.SETUP_API, itemIndex);
	const pageId = pages.pageIdOf(credentials);
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
	await pageRequest(ctx, pages.SETUP_API, credentials, pages.pageIdOf(credentials), pages.buildUnsubscribePage(credentials), { itemIndex });
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
	const credentials = await credentialsOf(ctx, pages.SETUP_API, itemIndex);
	const pageId = pages.pageIdOf(credentials);
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
	...manyPagesOperations,
};

