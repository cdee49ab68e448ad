import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { infobipApplications } from '../shared/providers';
import { setupRequest } from '../shared/setup-request';

export { SEARCH_APPLICATIONS_METHOD } from './descriptions/application-locator';

const INFOBIP = infobipApplications.SETUP_API;

/**
 * `listSearch` over the user's Infobip applications (seed 001's `key` is the sender of every Infobip
 * send). Uses the node's Infobip credential; the filter matches the application's name or
 * key, case-insensitively. Only names and keys leave this function: never the tokens Infobip echoes.
 */
export async function searchInfobipApplications(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(INFOBIP.credentialType);
	const response = await setupRequest(this, INFOBIP, infobipApplications.buildListApplications(credentials));
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = infobipApplications.parseApplicationList(response.body)
		.filter((app) => !needle || app.key.toLowerCase().includes(needle) || app.name.toLowerCase().includes(needle))
		.map((app) => ({
			name: app.name ? `${app.name} (${app.key})` : app.key,
			value: app.key,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

