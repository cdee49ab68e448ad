import { multipartBody } from '../../../../../nodes/shared/providers/meta/multipart';

describe('multipartBody', () => {
	it('builds a multipart/form-data body with a text field and a file', () => {
		const { body, contentType } = multipartBody([
			{ field: 'message', value: '{"a":1}' },
			{ field: 'filedata', data: Buffer.from([0, 1, 2]), fileName: 'a".png', contentType: 'image/png' },
		]);
		const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
		expect(boundary).toBeTruthy();
		const text = body.toString('latin1');
		expect(text).toBe(
			`--${boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\n{"a":1}\r\n` +
				`--${boundary}\r\nContent-Disposition: form-data; name="filedata"; filename="a_.png"\r\nContent-Type: image/png\r\n\r\n\u0000\u0001\u0002\r\n` +
				`--${boundary}--\r\n`,
		);
	});
});
