import type { IDataObject } from 'n8n-workflow';

import { isRecord, userProfile as users } from '../../shared/providers';
import { credentialsOf, pageRequest, type Operation } from './common';

const getUserProfile: Operation = async (ctx, itemIndex) => {
	const psid = String(ctx.getNodeParameter('psid', itemIndex, ''));
	const fields = ctx.getNodeParameter('userFields', itemIndex, []) as string[];
	const credentials = await credentialsOf(ctx, users.SETUP_API, itemIndex);
	const pageId = users.pageIdOf(credentials, String(ctx.getNodeParameter('pageId', itemIndex, '')));
	const response = await pageRequest(ctx, users.SETUP_API, credentials, pageId, users.buildGetUserProfile(psid, fields, credentials), { itemIndex });
	const body = isRecord(response.body) ? (response.body as IDataObject) : {};
	return [{ psid: psid.trim(), ...body }];
};

export const userProfileOperations: Record<string, Operation> = { get: getUserProfile };
