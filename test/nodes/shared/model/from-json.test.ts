import { messageFromJson, type BinaryLoader } from '../../../../nodes/shared/model/from-json';
import { InputValidationError } from '../../../../nodes/shared/model/validate';

const loader: BinaryLoader = async (name) => ({ kind: 'binary', data: Buffer.from(name), fileName: `${name}.png`, mimeType: 'image/png' });

describe('messageFromJson (the node\'s JSON mode)', () => {
	it('reads each operation\'s documented form', async () => {
		expect(await messageFromJson('text', '{"text":"Hi","quickReplies":[{"title":"Yes","payload":"Y"}]}', loader)).toEqual({
			type: 'text',
			text: 'Hi',
			quickReplies: [{ title: 'Yes', payload: 'Y', imageUrl: undefined }],
		});
		expect(await messageFromJson('media', { media: { type: 'video', url: 'https://example.com/v.mp4', reusable: true } }, loader)).toEqual({
			type: 'media',
			media: { type: 'video', source: { kind: 'url', url: 'https://example.com/v.mp4' }, fileName: undefined, mimeType: undefined, reusable: true },
			quickReplies: undefined,
		});
		expect((await messageFromJson('mediaTemplate', { media: { binaryPropertyName: 'photo' } }, loader)) as unknown).toMatchObject({
			media: { type: 'image', source: { kind: 'binary', fileName: 'photo.png' } },
			buttons: [],
		});
		expect(await messageFromJson('carousel', { cards: [{ title: 'A', buttons: [{ type: 'url', title: 'Go', url: 'https://x.y' }] }] }, loader)).toMatchObject({
			cards: [{ title: 'A', buttons: [{ type: 'url', title: 'Go', url: 'https://x.y' }] }],
		});
		expect(await messageFromJson('productTemplate', { productIds: ['a', 2] }, loader)).toMatchObject({ productIds: ['a', '2'] });
		expect(await messageFromJson('optInRequest', { title: 'T', payload: 'P', reoptin: false }, loader)).toMatchObject({ title: 'T', payload: 'P', reoptin: false });
		expect(await messageFromJson('location', { latitude: '52.3791', longitude: 4.9003, name: 'Central Station' }, loader)).toEqual({
			type: 'location',
			latitude: 52.3791,
			longitude: 4.9003,
			name: 'Central Station',
			address: undefined,
			quickReplies: undefined,
		});
	});

	it('reads a quick reply\'s type; a phone-number or e-mail one needs no title or payload', async () => {
		const message = await messageFromJson('quickReplies', { text: 'Reach you?', quickReplies: [{ type: 'phoneNumber' }, { type: 'email' }, { type: 'text', title: 'No', payload: 'NO' }] }, loader);
		expect(message).toEqual({
			type: 'quickReplies',
			text: 'Reach you?',
			quickReplies: [
				{ type: 'phoneNumber', title: '', payload: '', imageUrl: undefined },
				{ type: 'email', title: '', payload: '', imageUrl: undefined },
				{ type: 'text', title: 'No', payload: 'NO', imageUrl: undefined },
			],
		});
	});

	it.each([
		['text', 'not json', 'messageJson', /^Message \(JSON\) is not valid JSON/],
		['text', '[1]', 'message', /^message must be an object$/],
		['text', '{}', 'text', /^text is missing$/],
		['buttonTemplate', '{"text":"T","buttons":{}}', 'buttons', /^buttons must be an array$/],
		['genericTemplate', '{"card":{"title":{}}}', 'card.title', /^card.title must be a string$/],
		['media', '{"media":{"type":"image"}}', 'media', /needs one of url, attachmentId or binaryPropertyName/],
		['quickReplies', '{"text":"T","quickReplies":[{"type":"text","payload":"P"}]}', 'quickReplies[0].title', /^quickReplies\[0\]\.title is missing$/],
		['location', '{"longitude":4.9}', 'latitude', /^latitude is empty; give it in degrees, e\.g\. 52\.3676$/],
		['location', '{"latitude":"north","longitude":4.9}', 'latitude', /^latitude "north" is not a number of degrees/],
		['location', '{"latitude":52,"longitude":true}', 'longitude', /^longitude "true" is not a number of degrees/],
	] as const)('%s %s → error on %s', async (operation, json, field, message) => {
		const error = await messageFromJson(operation, json, loader).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(InputValidationError);
		expect((error as InputValidationError).field).toBe(field);
		expect((error as InputValidationError).message).toMatch(message);
	});
});
