import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputValidationError } from '../../shared/model/setup-input';
import { infobipApplications as applicationsApi } from '../../shared/providers';
import { setupError, setupRequest } from '../../shared/setup-request';
import { credentialsOf, type Operation } from './common';

/** The Facebook side of seed 001's create: from a Facebook Page credential, or typed into the node. */
async function facebookDetails(ctx: IExecuteFunctions, itemIndex: number): Promise<applicationsApi.FacebookAppDetails> {
	if (ctx.getNodeParameter('facebookPage', itemIndex, 'credential') === 'manual') {
		return applicationsApi.checkFacebookAppDetails({
			pageAccessToken: String(ctx.getNodeParameter('pageAccessToken', itemIndex, '')),
			appId: String(ctx.getNodeParameter('facebookAppId', itemIndex, '')),
			appSecret: String(ctx.getNodeParameter('facebookAppSecret', itemIndex, '')),
		});
	}
	const page = await ctx.getCredentials(applicationsApi.PAGE_CREDENTIAL_TYPE, itemIndex);
	const missing = (label: string, field: string): never => {
		throw new InputValidationError(
			field,
			`The Facebook Page credential has no ${label}: fill it in there, or choose Facebook Page Details > Enter Manually`,
		);
	};
	const pageAccessToken = String(page.accessToken ?? '').trim() || missing('Page Access Token', 'accessToken');
	const appId = String(page.appId ?? '').trim() || missing('App ID', 'appId');
	const appSecret = String(page.appSecret ?? '').trim() || missing('App Secret', 'appSecret');
	return applicationsApi.checkFacebookAppDetails({ pageAccessToken, appId, appSecret });
}

function applicationKey(ctx: IExecuteFunctions, itemIndex: number): string {
	return applicationsApi.requireKey(String(ctx.getNodeParameter('applicationKey', itemIndex, '', { extractValue: true }) ?? ''));
}

const secretsOf = (details: applicationsApi.FacebookAppDetails): string[] => [details.pageAccessToken, details.appSecret];

interface PendingUpdate {
	credentials: ICredentialDataDecryptedObject;
	current: applicationsApi.InfobipApplication;
	details: applicationsApi.FacebookAppDetails;
	changedFields: string[];
	secrets: string[];
}

/** Sends the changed Facebook details of an application and reports it as updated. */
async function sendUpdate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ credentials, current, details, changedFields, secrets }: PendingUpdate,
	message: (fields: string) => string,
): Promise<IDataObject[]> {
	const request = applicationsApi.buildUpdateApplication(current.key, details, credentials);
	const updated = await setupRequest(ctx, applicationsApi.SETUP_API, request, { itemIndex, secrets });
	return [
		{
			...applicationsApi.applicationOutput(applicationsApi.applicationAfterUpdate(current, details, updated.body), credentials),
			change: 'updated',
			changedFields,
			message: message(changedFields.join(', ')),
		},
	];
}

const create: Operation = async (ctx, itemIndex) => {
	const credentials = await credentialsOf(ctx, applicationsApi.SETUP_API, itemIndex);
	const details = await facebookDetails(ctx, itemIndex);
	const secrets = secretsOf(details);
	if (ctx.getNodeParameter('ifExists', itemIndex, 'reuse') === 'reuse') {
		const list = await setupRequest(ctx, applicationsApi.SETUP_API, applicationsApi.buildListApplications(credentials), { itemIndex, secrets });
		const existing = applicationsApi.findMatchingApplication(applicationsApi.parseApplicationList(list.body), details);
		if (existing) {
			const changedFields = applicationsApi.changedDetails(existing, details);
			if (!changedFields.length) {
				return [
					{
						...applicationsApi.applicationOutput(existing, credentials),
						change: 'unchanged',
						changedFields,
						message: `Application ${existing.key} already connects this page and Facebook app ${details.appId}; nothing was created`,
					},
				];
			}
			return await sendUpdate(ctx, itemIndex, { credentials, current: existing, details, changedFields, secrets }, (fields) =>
				`Application ${existing.key} already connected this page; updated ${fields}`,
			);
		}
	}
	const created = await setupRequest(ctx, applicationsApi.SETUP_API, applicationsApi.buildCreateApplication(details, credentials), { itemIndex, secrets });
	const app = applicationsApi.parseApplication(created.body);
	return [
		{
			...applicationsApi.applicationOutput(app, credentials),
			change: 'created',
			changedFields: [],
			message: `Created application ${app.key}; Infobip added its webhook to Facebook app ${details.appId}`,
		},
	];
};

const update: Operation = async (ctx, itemIndex) => {
	const credentials = await credentialsOf(ctx, applicationsApi.SETUP_API, itemIndex);
	const key = applicationKey(ctx, itemIndex);
	const details = await facebookDetails(ctx, itemIndex);
	const secrets = secretsOf(details);
	const response = await setupRequest(ctx, applicationsApi.SETUP_API, applicationsApi.buildGetApplication(key, credentials), { itemIndex, secrets });
	const current = { ...applicationsApi.parseApplication(response.body), key };
	const changedFields = applicationsApi.changedDetails(current, details);
	if (!changedFields.length) {
		return [
			{
				...applicationsApi.applicationOutput(current, credentials),
				change: 'unchanged',
				changedFields,
				message: `Application ${key} already has these Facebook details; nothing was sent`,
			},
		];
	}
	return await sendUpdate(ctx, itemIndex, { credentials, current, details, changedFields, secrets }, (fields) => `Updated ${fields} of application ${key}`);
};

const get: Operation = async (ctx, itemIndex) => {
	const credentials = await credentialsOf(ctx, applicationsApi.SETUP_API, itemIndex);
	const key = applicationKey(ctx, itemIndex);
	const response = await setupRequest(ctx, applicationsApi.SETUP_API, applicationsApi.buildGetApplication(key, credentials), { itemIndex });
	return [applicationsApi.applicationOutput({ ...applicationsApi.parseApplication(response.body), key }, credentials)];
};

const getAll: Operation = async (ctx, itemIndex) => {
	const credentials = await credentialsOf(ctx, applicationsApi.SETUP_API, itemIndex);
	const response = await setupRequest(ctx, applicationsApi.SETUP_API, applicationsApi.buildListApplications(credentials), { itemIndex });
	const apps = applicationsApi.parseApplicationList(response.body);
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? apps.length : Number(ctx.getNodeParameter('limit', itemIndex, 50));
	return apps.slice(0, limit).map((app) => applicationsApi.applicationOutput(app, credentials));
};

const remove: Operation = async (ctx, itemIndex) => {
	const credentials = await credentialsOf(ctx, applicationsApi.SETUP_API, itemIndex);
	const key = applicationKey(ctx, itemIndex);
	const response = await setupRequest(ctx, applicationsApi.SETUP_API, applicationsApi.buildDeleteApplication(key, credentials), {
		itemIndex,
		allowStatuses: [404],
	});
	if (response.statusCode === 404) {
		// Only Infobip's own 404 body makes a delete idempotent; a bare 404 (a wrong base URL) still fails.
		if (!applicationsApi.SETUP_API.parseError(404, response.body)) throw setupError(ctx, applicationsApi.SETUP_API, response, { itemIndex });
		return [{ key, deleted: false, change: 'unchanged', message: `Application ${key} does not exist; nothing was deleted` }];
	}
	return [{ key, deleted: true, change: 'deleted', message: `Deleted application ${key}` }];
};

export const infobipApplicationOperations: Record<string, Operation> = { create, update, get, getAll, delete: remove };
