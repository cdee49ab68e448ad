// The Messenger Application node's User Profile resource (providers.md):
//   GET /{version}/{psid}?fields=first_name,last_name,profile_pic
// The token, and appsecret_proof when the credential has an app secret, are added by the credential.
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { pathSegment } from '../../model/path-input';
import { InputValidationError, checkNotEmpty } from '../../model/setup-input';
import { graphRequestBase as graph } from './graph/base-url';

export { DEFAULT_USER_PROFILE_FIELDS, USER_PROFILE_FIELDS } from './profile-limits';
export { pageIdOf } from './page-subscriptions';

/** The API these calls go to (its credential is the Facebook Page one). */
export { GRAPH_SETUP_API as SETUP_API } from './graph/setup-api';

export function buildGetUserProfile(
	psid: string,
	fields: readonly string[],
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	const id = checkNotEmpty('psid', psid);
	if (!/^[0-9]+$/.test(id)) throw new InputValidationError('psid', `A PSID is digits only; got "${id}"`);
	if (!fields.length) throw new InputValidationError('fields', 'Select at least one user profile field');
	return { ...graph(credentials), method: 'GET', url: `/${pathSegment(id)}`, qs: { fields: [...new Set(fields)].join(',') } };
}
