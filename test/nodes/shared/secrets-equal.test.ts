import { secretsEqual } from '../../../nodes/shared/secrets-equal';

describe('secretsEqual', () => {
	it('compares whole strings and never accepts an empty expected secret', () => {
		expect(secretsEqual('token', 'token')).toBe(true);
		expect(secretsEqual('token', 'token2')).toBe(false);
		expect(secretsEqual('token', 'tok')).toBe(false);
		expect(secretsEqual('', '')).toBe(false);
	});
});
