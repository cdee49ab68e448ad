import { InputValidationError } from '../../../../../nodes/shared/model/setup-input';

/** The Facebook Page credential the setup request tests build with. */
export const credentials = { baseUrl: 'https://graph.facebook.com/', graphApiVersion: 'v25.0', pageId: '100', accessToken: 't' };

export function fieldOf(run: () => void): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InputValidationError);
		return (error as InputValidationError).field;
	}
	throw new Error('expected a InputValidationError');
}

export function messageOf(run: () => void): string {
	try {
		run();
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('expected an error');
}
