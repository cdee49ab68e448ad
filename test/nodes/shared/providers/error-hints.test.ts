// Every provider's error parser looks its hint up by the code the provider answered with. Such a code
// is data from the network: one named like a built-in member of every object must give no hint and
// must not break the error (it once made the whole error unreadable).
import { hintFor } from '../../../../nodes/shared/providers/util';
import { PROVIDERS } from '../../../../nodes/shared/providers';

const ODD_CODES = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];

describe('error hints by provider code', () => {
	it('hintFor finds a listed code and nothing for an object built-in', () => {
		const hints = { '190': 'renew the token' };
		expect(hintFor(hints, 190)).toBe('renew the token');
		expect(hintFor(hints, '190')).toBe('renew the token');
		for (const code of ODD_CODES) expect(hintFor(hints, code)).toBeUndefined();
		expect(hintFor(hints, undefined)).toBeUndefined();
	});

	it.each(ODD_CODES)('an Infobip v1 error coded %s is read, without a hint', (code) => {
		const info = PROVIDERS.infobip.send.parseError(400, { requestError: { serviceException: { messageId: code, text: 'Odd' } } });
		expect(info).toEqual({ message: 'Odd', code, hint: undefined });
	});

	it.each(ODD_CODES)('a Graph error coded %s is read, without a hint', (code) => {
		const info = PROVIDERS.meta.send.parseError(400, { error: { message: 'Odd', type: 'OAuthException', code } });
		expect(typeof info?.message).toBe('string');
		expect(info?.hint).toBeUndefined();
	});
});
