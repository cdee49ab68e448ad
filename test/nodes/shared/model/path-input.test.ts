import { InputValidationError } from '../../../../nodes/shared/model/input-error';
import { graphId, graphVersion, infobipKey } from '../../../../nodes/shared/model/path-input';

function failure(run: () => unknown): InputValidationError {
	try {
		run();
	} catch (error) {
		if (error instanceof InputValidationError) return error;
		throw error;
	}
	throw new Error('expected an InputValidationError');
}

describe('path segments built from input', () => {
	it('takes a Graph version of the form v<major>.<minor>, v25.0 when empty', () => {
		expect(graphVersion('v25.0', 'v26.0')).toBe('v25.0');
		expect(graphVersion(' v19.1 ', 'v26.0')).toBe('v19.1');
		expect(graphVersion('', 'v26.0')).toBe('v26.0');
		expect(graphVersion(undefined, 'v26.0')).toBe('v26.0');
	});

	it.each(['v25.0/../../me/feed?x=', '25.0', 'v25', 'v25.0/', '..', 'v25.0?x=1', 'v25.0#', 'v2 5.0'])('refuses the Graph version %j', (value) => {
		const error = failure(() => graphVersion(value, 'v26.0'));
		expect(error.field).toBe('graphApiVersion');
		expect(error.message).toContain('v<major>.<minor>');
	});

	it('takes Graph ids of digits only', () => {
		expect(graphId('sender', ' 100000000000001 ')).toBe('100000000000001');
	});

	it.each(['..', '.', 'me', '1/2', '12?x', '', ' ', '1e5', '-1'])('refuses the Graph id %j, naming the field', (value) => {
		const error = failure(() => graphId('pageId', value));
		expect(error.field).toBe('pageId');
		expect(error.message).toContain('digits');
	});

	it('takes Infobip keys with anything but a slash or a dot segment', () => {
		expect(infobipKey('applicationKey', ' 8F0792F86035A9F4290821F1EE6BC06A ')).toBe('8F0792F86035A9F4290821F1EE6BC06A');
		expect(infobipKey('applicationKey', 'my-app.v2')).toBe('my-app.v2');
	});

	it.each(['..', '.', 'a/b', '../x', 'a\\b', ''])('refuses the Infobip key %j, naming the field', (value) => {
		const error = failure(() => infobipKey('applicationKey', value));
		expect(error.field).toBe('applicationKey');
	});
});
