// The Graph API version every Graph call uses when the credential names none.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { graphVersion } from '../../model/path-input';

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
