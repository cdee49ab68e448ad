import type { INodeProperties } from 'n8n-workflow';

/** The method name the node registers under `methods.listSearch` (../application-search.ts). */
export const SEARCH_APPLICATIONS_METHOD = 'searchApplications';

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
