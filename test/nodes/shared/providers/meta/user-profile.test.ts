import {
	buildGetUserProfile,
} from '../../../../../nodes/shared/providers/meta/user-profile';
import { credentials, fieldOf } from './setup-helpers';

describe('user profile request', () => {
	it('asks for the chosen fields of a PSID', () => {
		expect(buildGetUserProfile(' 7000000000000001 ', ['first_name', 'profile_pic'], credentials)).toMatchObject({
			method: 'GET',
			url: '/7000000000000001',
			qs: { fields: 'first_name,profile_pic' },
		});
		expect(fieldOf(() => buildGetUserProfile('me', ['first_name'], credentials))).toBe('psid');
		expect(fieldOf(() => buildGetUserProfile('1', [], credentials))).toBe('fields');
	});
});
