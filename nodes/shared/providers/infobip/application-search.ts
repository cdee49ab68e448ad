import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { INFOBIP_SETUP_API, setupRequest } from '../../setup-request';
import { buildListApplications, parseApplicationList } from './applications';

/** The method name both nodes register under `methods.listSearch`. */
export const SEARCH_APPLICATIONS_METHOD = 'searchApplications';

/**
 * `listSearch` over the user's Infobip applications (seed 001's `key` is the sender of every Infobip
 * send). Uses the node's `infobipMessengerApi` credential; the filter matches the application's name or
 * key, case-insensitively. Only names and keys leave this function: never the tokens Infobip echoes.
 */
export async function searchInfobipApplications(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(INFOBIP_SETUP_API.credentialType);
	const response = await setupRequest(this, INFOBIP_SETUP_API, buildListApplications(credentials));
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = parseApplicationList(response.body)
		.filter((app) => !needle || app.key.toLowerCase().includes(needle) || app.name.toLowerCase().includes(needle))
		.map((app) => ({
			name: app.name ? `${app.name} (${app.key})` : app.key,
			value: app.key,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/**
 * A resource locator parameter for an Infobip application key: pick from the list above, or type the
 * key. The send node can spread this into its `sender` parameter (name and displayOptions overridden).
 */
export function infobipApplicationLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Application',
		name: 'applicationKey',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Infobip application (its key is the sender of Infobip Messenger messages)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an application...',
				typeOptions: { searchListMethod: SEARCH_APPLICATIONS_METHOD, searchable: true },
			},
			{
				// n8n shows its own "By ID" for a mode named id (editor-ui ResourceLocator.vue, getModeLabel);
				// the name stays, as saved workflows store it.
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 0F3C3F29829FAB88714BA205BEC6D28F',
			},
		],
		...overrides,
	} as INodeProperties;
}
