import { createHmac } from 'node:crypto';

import fc from 'fast-check';

import { signBody, verifySignature } from '../../../../../../nodes/shared/providers/meta/graph/signature';

const SECRET = 'app-secret-for-tests';

describe('verifySignature', () => {
	const body = Buffer.from('{"object":"page","entry":[{"id":"1","messaging":[{"message":{"text":"h\\u00e9"}}]}]}');

	it('accepts the header Meta computes over the raw bytes', () => {
		const header = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
		expect(verifySignature(SECRET, body, header)).toEqual({ ok: true });
		expect(verifySignature(SECRET, body, header.toUpperCase().replace('SHA256=', 'sha256='))).toEqual({ ok: true });
	});

	it('rejects a missing header with 401 and a wrong or malformed one with 403', () => {
		expect(verifySignature(SECRET, body, undefined)).toMatchObject({ ok: false, status: 401 });
		expect(verifySignature(SECRET, body, '')).toMatchObject({ ok: false, status: 401 });
		expect(verifySignature(SECRET, body, signBody('other-secret', body))).toMatchObject({ ok: false, status: 403 });
		expect(verifySignature(SECRET, body, 'sha1=abc')).toMatchObject({ ok: false, status: 403 });
		expect(verifySignature(SECRET, body, `sha256=${'0'.repeat(63)}`)).toMatchObject({ ok: false, status: 403 });
	});

	it('rejects a signature of the re-serialized JSON (same data, other bytes)', () => {
		const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString())));
		expect(reserialized.equals(body)).toBe(false);
		expect(verifySignature(SECRET, body, signBody(SECRET, reserialized))).toMatchObject({ ok: false, status: 403 });
	});

	it('property: accepts exactly the body that was signed', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 512 }), fc.uint8Array({ maxLength: 512 }), (signed, received) => {
				const header = signBody(SECRET, Buffer.from(signed));
				const result = verifySignature(SECRET, Buffer.from(received), header);
				return result.ok === Buffer.from(signed).equals(Buffer.from(received));
			}),
		);
	});

	it('property: never throws on any header value', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(undefined)), (header) => {
				const result = verifySignature(SECRET, body, header);
				return result.ok === false;
			}),
		);
	});
});
