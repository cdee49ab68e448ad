// Where every Graph call goes: the credential's base URL and Graph API version, built here only, so a
// Graph product on top (Messenger today, Instagram messaging next) never assembles it again.
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { graphVersion, pathSegment } from '../../../model/path-input';

/** Graph's own address, for a credential whose base URL is empty. */
export const GRAPH_ORIGIN = 'https://graph.facebook.com';

/**
 * v26.0 is current (released 2026-07-29); v25.0 runs until 2028-07-29, v24.0 until 2028-02-18,
 * v23.0 until 2027-10-08 (developers.facebook.com/docs/graph-api/changelog/versions, checked 2026-11).
 * The Messenger Platform reference pages consulted in 2026-11 (send API, sender actions, templates,
 * webhooks) version-independently describe the requests this package sends, their examples still
 * written with v25.0. Older values saved in a credential keep working while Meta serves them.
 */
export const DEFAULT_GRAPH_API_VERSION = 'v26.0';

/**
 * The credential's version (checked to be `v<major>.<minor>`: it becomes a path segment), or the
 * default when it has none (older credentials, cleared field).
 */
export function graphVersionOf(credentials: ICredentialDataDecryptedObject): string {
	return graphVersion(credentials.graphApiVersion, DEFAULT_GRAPH_API_VERSION);
}

/**
 * `{base}/{version}`, e.g. `https://graph.facebook.com/v26.0`: the version is a credential field, so
 * upgrading needs no release; the base URL is one too, so tests and proxies can point elsewhere.
 */
export function graphBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const base = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '') || GRAPH_ORIGIN;
	return `${base}/${pathSegment(graphVersionOf(credentials))}`;
}

/** The part of a Graph request every call shares: the base URL and a JSON answer. */
export function graphRequestBase(credentials: ICredentialDataDecryptedObject): Pick<IHttpRequestOptions, 'baseURL' | 'json'> {
	return { baseURL: graphBaseUrl(credentials), json: true };
}
