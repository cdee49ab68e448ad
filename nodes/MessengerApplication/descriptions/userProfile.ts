import type { INodeProperties } from 'n8n-workflow';

import { userProfile } from '../../shared/providers';

const { DEFAULT_USER_PROFILE_FIELDS } = userProfile;

const show = (operation: string[]) => ({ show: { resource: ['userProfile'], operation } });

export const userProfileOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['userProfile'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get the profile fields of a person by PSID',
			action: 'Get a user profile',
		},
	],
	default: 'get',
};

export const userProfileFields: INodeProperties[] = [
	{
		displayName: 'PSID',
		name: 'psid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 7000000000000001',
		description: 'The page-scoped ID of the person (the sender ID of their webhook events)',
		displayOptions: show(['get']),
	},
	{
		displayName: 'Fields',
		name: 'userFields',
		type: 'multiOptions',
		options: [
			{ name: 'First Name', value: 'first_name' },
			{ name: 'Gender', value: 'gender', description: 'Needs a permission Meta grants on request' },
			{ name: 'Last Name', value: 'last_name' },
			{ name: 'Locale', value: 'locale', description: 'Needs a permission Meta grants on request' },
			{ name: 'Profile Picture', value: 'profile_pic' },
			{ name: 'Timezone', value: 'timezone', description: 'Needs a permission Meta grants on request' },
		],
		default: [...DEFAULT_USER_PROFILE_FIELDS],
		displayOptions: show(['get']),
	},
	{
		displayName: 'Page ID',
		name: 'pageId',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.pageId }}',
		description:
			"The page the person wrote to (PSIDs are page-scoped): the Messenger Trigger's pageId. Empty: the credential's page. Another page needs a system user credential, whose token reads that page's token.",
		displayOptions: show(['get']),
	},
];
