import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SetupApi } from '../../shared/providers';

/** One action of this node for one item: the output items it produces. */
export type Operation = (ctx: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;

/** The credential of the API a resource's calls go to (for the Graph resources, the Facebook Page one). */
export const credentialsOf = async (ctx: IExecuteFunctions, api: SetupApi, itemIndex: number): Promise<ICredentialDataDecryptedObject> =>
	await ctx.getCredentials(api.credentialType, itemIndex);
