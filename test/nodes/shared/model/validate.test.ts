import { MESSENGER_CAPABILITIES, MESSENGER_LIMITS, PROVIDER_NAMES } from '../../../../nodes/shared/providers';
import { LIMIT_CASES } from '../limit-cases';
import type { OperationName, ProviderName, SendRequest } from '../../../../nodes/shared/model/message';
import { characterCount, InputValidationError, validateSendRequest } from '../../../../nodes/shared/model/validate';
import { callButton, card, chars, request, sampleMessage } from '../fixtures';

const PROVIDERS: readonly ProviderName[] = PROVIDER_NAMES;
const ALL_OPERATIONS = Object.keys({
	text: 1, quickReplies: 1, media: 1, buttonTemplate: 1, genericTemplate: 1, carousel: 1,
	mediaTemplate: 1, productTemplate: 1, senderAction: 1, optInRequest: 1, location: 1,
}) as OperationName[];

function validationError(provider: ProviderName, req: SendRequest): InputValidationError {
	try {
		validateSendRequest(provider, req);
	} catch (error) {
		if (error instanceof InputValidationError) return error;
		throw error;
	}
	throw new Error('expected a validation error');
}

describe('validateSendRequest: every limit at the boundary and one past it', () => {
	const cases = PROVIDERS.flatMap((provider) =>
		LIMIT_CASES.filter((c) => MESSENGER_CAPABILITIES[provider].operations.includes(c.operation)).map(
			(c) => [provider, c.name, c] as const,
		),
	);

	it.each(cases)('%s: %s', (provider, _name, c) => {
		const limit = c.limit(MESSENGER_LIMITS[provider]);
		expect(validateSendRequest(provider, c.make(limit))).toEqual([]);
		const truncated = provider === 'infobip' && c.field === 'text' && c.operation === 'text';
		if (truncated) {
			const [warning] = validateSendRequest(provider, c.make(limit + 1));
			expect(warning).toBe(`text is ${limit + 1} characters long; the limit on Infobip is ${limit}: Infobip truncates it to ${limit} characters`);
			return;
		}
		const error = validationError(provider, c.make(limit + 1));
		expect(error.field).toBe(c.field);
		expect(error.message).toContain(c.field);
		expect(error.message).toContain(String(limit + 1));
		expect(error.message).toContain(String(limit));
		if (c.kind === 'length') expect(error.message).toContain(`is ${limit + 1} characters long`);
		else expect(error.message).toContain(`has ${limit + 1} entries`);
	});

	it('counts characters as code points, so emoji count once', () => {
		expect(characterCount('😀😀')).toBe(2);
		expect(validateSendRequest('meta', request({ type: 'text', text: chars(2000, '😀') }))).toEqual([]);
		expect(validationError('meta', request({ type: 'text', text: chars(2001, '😀') })).message).toBe(
			'text is 2001 characters long; the limit on Meta Graph API is 2000',
		);
	});

	it.each(PROVIDERS.filter((p) => MESSENGER_CAPABILITIES[p].operations.includes('buttonTemplate')))(
		'%s: a button template needs at least one button',
		(provider) => {
			expect(validationError(provider, request({ type: 'buttonTemplate', text: 'T', buttons: [] })).field).toBe('buttons');
		},
	);

	it.each(['cm', 'meta'] as const)('%s: a carousel needs at least one card and Send Quick Replies at least one reply', (provider) => {
		expect(validationError(provider, request({ type: 'carousel', cards: [] })).message).toContain('allows 1 to 10');
		expect(validationError(provider, request({ type: 'quickReplies', text: 'T', quickReplies: [] })).field).toBe('quickReplies');
	});
});

describe('validateSendRequest: the capability table', () => {
	const unsupported = PROVIDERS.flatMap((provider) =>
		ALL_OPERATIONS.filter((op) => !MESSENGER_CAPABILITIES[provider].operations.includes(op)).map((op) => [provider, op] as const),
	);

	it('has the unsupported combinations the seeds imply', () => {
		expect(unsupported).toEqual([
			['infobip', 'quickReplies'],
			['infobip', 'genericTemplate'],
			['infobip', 'carousel'],
			['infobip', 'mediaTemplate'],
			['infobip', 'productTemplate'],
			['infobip', 'optInRequest'],
			['infobip', 'location'],
			['infobipMessenger', 'mediaTemplate'],
			['infobipMessenger', 'productTemplate'],
			['infobipMessenger', 'optInRequest'],
			['cm', 'senderAction'],
			['cm', 'location'],
			['meta', 'optInRequest'],
			['meta', 'location'],
		]);
	});

	it('meta refuses marketing messages locally: what replaced them, and what still works', () => {
		for (const req of [
			request(sampleMessage('optInRequest')),
			request(sampleMessage('text'), { recipient: { kind: 'notificationToken', id: 'tok' } }),
		]) {
			const error = validationError('meta', req);
			expect(error.message).toMatch(/discontinued .* on 2026-02-10/);
			expect(error.message).toContain('Marketing Message API for Messenger');
			expect(error.message).toContain('App Review');
			expect(error.message).toContain('EU, UK, Japan, South Korea or Australia');
			expect(error.message).toContain("CM.com's opt-in request");
		}
		expect(validationError('meta', request(sampleMessage('optInRequest'))).field).toBe('operation');
	});

	it.each(unsupported.filter(([provider, operation]) => provider !== 'meta' || operation !== 'optInRequest'))('%s refuses %s, naming the provider and the operation', (provider, operation) => {
		const error = validationError(provider, request(sampleMessage(operation)));
		expect(error.field).toBe('operation');
		expect(error.message).toMatch(new RegExp(`^(Infobip|Infobip \\(Messenger API\\)|CM\\.com|Meta Graph API) does not support the operation "Send [A-Za-z -]+"; it supports: `));
	});

	it.each(PROVIDERS.flatMap((p) => MESSENGER_CAPABILITIES[p].operations.map((op) => [p, op] as const)))(
		'%s accepts a valid %s',
		(provider, operation) => {
			expect(validateSendRequest(provider, request(sampleMessage(operation)))).toEqual([]);
		},
	);

	it('refuses recipient kinds, media sources, buttons and quick replies a provider lacks', () => {
		expect(validationError('infobip', request(sampleMessage('text'), { recipient: { kind: 'userRef', id: 'u' } })).message).toBe(
			'Infobip does not support recipients of type "userRef"',
		);
		expect(validationError('cm', request(sampleMessage('text'), { recipient: { kind: 'userRef', id: 'u' } })).field).toBe('recipient.kind');
		const binary = { type: 'media', media: { type: 'image', source: { kind: 'binary', data: Buffer.from('x'), fileName: 'a.png', mimeType: 'image/png' } } } as const;
		expect(validationError('cm', request(binary)).message).toBe('CM.com does not support media from binary data (upload)');
		expect(validationError('infobip', request({ type: 'buttonTemplate', text: 'T', buttons: [callButton()] })).message).toBe(
			'Infobip does not support "call" buttons',
		);
		expect(validationError('infobip', request({ type: 'text', text: 'T', quickReplies: [{ title: 'a', payload: 'b' }] })).message).toBe(
			'Infobip does not support quick replies with "Send Text"',
		);
		expect(validationError('cm', request({ ...sampleMessage('media'), quickReplies: [{ title: 'a', payload: 'b' }] } as never)).field).toBe('quickReplies');
		expect(validateSendRequest('meta', request({ ...sampleMessage('media'), quickReplies: [{ title: 'a', payload: 'b' }] } as never))).toEqual([]);
		expect(validationError('cm', request({ type: 'genericTemplate', card: card({ defaultActionUrl: 'https://example.com' }) })).message).toBe(
			'CM.com does not support a default action on cards',
		);
	});

	it('checks message tags against the provider\'s list, and notification tokens against their rules', () => {
		expect(validationError('infobip', request(sampleMessage('text'), { tag: 'HUMAN_AGENT' })).message).toBe('Infobip does not support message tags');
		expect(validationError('meta', request(sampleMessage('text'), { tag: 'NOTIFICATION_MESSAGE' })).message).toContain('not allowed on Meta Graph API');
		expect(validateSendRequest('meta', request(sampleMessage('text'), { tag: 'HUMAN_AGENT' }))).toEqual([]);
		expect(validationError('cm', request(sampleMessage('text'), { tag: 'NOTIFICATION_MESSAGE' })).message).toBe(
			'The tag NOTIFICATION_MESSAGE needs a notification token as recipient',
		);
		const token = { recipient: { kind: 'notificationToken' as const, id: 'tok' } };
		expect(validateSendRequest('cm', request(sampleMessage('text'), { ...token, tag: 'NOTIFICATION_MESSAGE' }))).toEqual([]);
		expect(validationError('cm', request(sampleMessage('text'), { ...token, tag: 'HUMAN_AGENT' })).field).toBe('tag');
		expect(validationError('meta', request(sampleMessage('text'), { ...token, tag: 'HUMAN_AGENT' })).field).toBe('recipient.kind');
		expect(validationError('cm', request(sampleMessage('optInRequest'), token)).field).toBe('recipient.kind');
		expect(validationError('meta', request(sampleMessage('senderAction'), { tag: 'HUMAN_AGENT' })).message).toBe(
			'A sender action cannot carry a message tag',
		);
		expect(validationError('cm', request(sampleMessage('text'), { messagingType: 'UPDATE' })).message).toBe(
			'CM.com does not support a messaging type',
		);
	});

	it('requires a recipient and a non-empty sender', () => {
		expect(validationError('meta', request(sampleMessage('text'), { recipient: { kind: 'psid', id: ' ' } })).message).toBe('recipient.id is empty');
		expect(validationError('meta', request(sampleMessage('text'), { sender: '' })).field).toBe('sender');
	});

	it('takes only a page ID as Graph sender, since it becomes a path segment', () => {
		for (const sender of ['..', 'me', '1/messages']) {
			expect(validationError('meta', request(sampleMessage('text'), { sender })).message).toMatch(/^sender must be a Facebook ID, digits only/);
		}
	});
});

describe('validateSendRequest: media rules', () => {
	const media = (type: 'image' | 'audio' | 'video' | 'file', url: string, extra = {}) =>
		request({ type: 'media', media: { type, source: { kind: 'url', url }, ...extra } });

	it('needs an http(s) URL', () => {
		expect(validationError('infobip', media('image', 'ftp://example.com/a.png')).message).toBe(
			'media.url "ftp://example.com/a.png" is not an http(s) URL',
		);
	});

	it('CM.com: the name needs an extension and the MIME type must be in seed 004\'s table', () => {
		expect(validateSendRequest('cm', media('audio', 'https://example.com/a.m4a'))).toEqual([]);
		expect(validateSendRequest('cm', media('video', 'https://example.com/v.mov'))).toEqual([]);
		expect(validateSendRequest('cm', media('file', 'https://example.com/doc.pdf'))).toEqual([]);
		expect(validationError('cm', media('image', 'https://example.com/image')).message).toBe(
			'media.mimeType is unknown; set it (one of image/png, image/jpeg, image/gif)',
		);
		expect(validationError('cm', media('image', 'https://example.com/a.webp')).message).toContain(
			'media.mimeType "image/webp" is not allowed on CM.com',
		);
		expect(validationError('cm', media('file', 'https://example.com/download')).message).toBe(
			'media.fileName "download" needs a file extension on CM.com',
		);
		expect(validateSendRequest('cm', media('image', 'https://example.com/image', { fileName: 'logo.png' }))).toEqual([]);
	});

	it('a MIME type must match the media type', () => {
		expect(validationError('meta', media('video', 'https://example.com/a.png')).message).toBe('media.mimeType "image/png" is not a video type');
	});

	it('Graph: a media template takes image or video, from a Facebook URL, an upload or an attachment ID', () => {
		const template = (source: object, type = 'image') =>
			request({ type: 'mediaTemplate', media: { type, source } as never, buttons: [] });
		expect(validateSendRequest('meta', template({ kind: 'url', url: 'https://business.facebook.com/page/videos/1' }, 'video'))).toEqual([]);
		expect(validateSendRequest('meta', template({ kind: 'attachmentId', id: '123' }))).toEqual([]);
		expect(validationError('meta', template({ kind: 'url', url: 'https://example.com/a.png' })).field).toBe('media.url');
		expect(validationError('meta', template({ kind: 'attachmentId', id: '1' }, 'audio')).message).toBe(
			'media.type "audio" is not allowed on Meta Graph API; allowed: one of image, video',
		);
		expect(validateSendRequest('cm', template({ kind: 'url', url: 'https://example.com/a.png' }))).toEqual([]);
	});

	it('Graph: uploads up to 25 MB, and not empty', () => {
		const upload = (size: number) =>
			request({ type: 'media', media: { type: 'file', source: { kind: 'binary', data: Buffer.alloc(size), fileName: 'a.bin', mimeType: 'application/octet-stream' } } });
		expect(validateSendRequest('meta', upload(25 * 1024 * 1024))).toEqual([]);
		expect(validationError('meta', upload(25 * 1024 * 1024 + 1)).message).toBe(
			`media.data is ${25 * 1024 * 1024 + 1} bytes; the upload limit on Meta Graph API is ${25 * 1024 * 1024}`,
		);
		expect(validationError('meta', upload(0)).message).toBe('media.data is empty');
	});

	it('opt-in frequency comes from the provider\'s list', () => {
		expect(validateSendRequest('cm', request({ type: 'optInRequest', title: 'T', payload: 'P', frequency: 'DAILY' }))).toEqual([]);
		expect(validationError('cm', request({ type: 'optInRequest', title: 'T', payload: 'P', frequency: 'WEEKLY' as 'DAILY' })).field).toBe('frequency');
	});

	it('a card needs more than a title (seed 004, and Graph\'s generic template)', () => {
		expect(validationError('cm', request({ type: 'genericTemplate', card: { title: 'Only', buttons: [] } })).message).toBe(
			'card has only a title; CM.com needs a subtitle, an image, a default action or a button as well',
		);
		expect(validationError('meta', request({ type: 'carousel', cards: [card(), { title: 'Only', buttons: [] }] })).field).toBe('cards[1]');
		expect(validateSendRequest('meta', request({ type: 'genericTemplate', card: { title: 'Link', defaultActionUrl: 'https://example.com', buttons: [] } }))).toEqual([]);
	});
});

describe('validateSendRequest: locations, quick-reply types and comment replies', () => {
	const location = (latitude: number, longitude: number) => request({ type: 'location', latitude, longitude });

	it('a location: latitude -90..90 and longitude -180..180, both ends included', () => {
		for (const [latitude, longitude] of [[90, 180], [-90, -180], [0, 0]]) expect(validateSendRequest('infobipMessenger', location(latitude, longitude))).toEqual([]);
		const cases: Array<[number, number, string, string]> = [
			[90.0001, 0, 'latitude', 'latitude is 90.0001; it must be from -90 to 90 degrees'],
			[-91, 0, 'latitude', 'latitude is -91; it must be from -90 to 90 degrees'],
			[0, 180.5, 'longitude', 'longitude is 180.5; it must be from -180 to 180 degrees'],
			[0, -181, 'longitude', 'longitude is -181; it must be from -180 to 180 degrees'],
			[Number.NaN, 0, 'latitude', 'latitude is not a number of degrees'],
		];
		for (const [latitude, longitude, field, message] of cases) {
			const error = validationError('infobipMessenger', location(latitude, longitude));
			expect({ field: error.field, message: error.message }).toEqual({ field, message });
		}
	});

	it('phone-number and e-mail quick replies where the provider takes them, refused by name elsewhere', () => {
		const ask = (type: 'phoneNumber' | 'email') => request({ type: 'quickReplies', text: 'Reach you?', quickReplies: [{ title: 'No', payload: 'NO' }, { type, title: '', payload: '' }] });
		for (const provider of ['infobipMessenger', 'meta'] as const) {
			expect(validateSendRequest(provider, ask('phoneNumber'))).toEqual([]);
			expect(validateSendRequest(provider, ask('email'))).toEqual([]);
		}
		const error = validationError('cm', ask('email'));
		expect({ field: error.field, message: error.message }).toEqual({ field: 'quickReplies[1].type', message: 'CM.com does not support "email" quick replies' });
		expect(validationError('cm', ask('phoneNumber')).message).toBe('CM.com does not support "phoneNumber" quick replies');
		expect(validationError('meta', request({ type: 'text', text: 'T', quickReplies: [{ type: 'location' as 'email', title: '', payload: '' }] })).message).toBe(
			'Meta Graph API does not support "location" quick replies',
		);
	});

	it('a phone-number or e-mail quick reply takes no title, payload or image: each is refused by name', () => {
		const reply = (extra: object) => request({ type: 'quickReplies', text: 'T', quickReplies: [{ type: 'email', title: '', payload: '', ...extra }] });
		for (const field of ['title', 'payload', 'imageUrl']) {
			const error = validationError('meta', reply({ [field]: 'x' }));
			expect(error.field).toBe(`quickReplies[0].${field}`);
			expect(error.message).toBe(
				`quickReplies[0].${field} must be empty for an e-mail quick reply: Messenger shows the user's own e-mail address and sends it back as the payload`,
			);
		}
		// The count and a text reply's limits still apply beside them.
		const many = Array.from({ length: 14 }, () => ({ type: 'phoneNumber' as const, title: '', payload: '' }));
		expect(validationError('infobipMessenger', request({ type: 'quickReplies', text: 'T', quickReplies: many })).message).toBe(
			'quickReplies has 14 entries; Infobip (Messenger API) allows 1 to 13',
		);
	});

	it('a comment ID: any message operation of the Infobip Messenger API, not a sender action; other providers refuse the recipient type', () => {
		const toComment = { recipient: { kind: 'commentId' as const, id: '123_456' } };
		for (const operation of MESSENGER_CAPABILITIES.infobipMessenger.operations.filter((op) => op !== 'senderAction')) {
			expect(validateSendRequest('infobipMessenger', request(sampleMessage(operation), toComment))).toEqual([]);
		}
		const action = validationError('infobipMessenger', request(sampleMessage('senderAction'), toComment));
		expect({ field: action.field, message: action.message }).toEqual({
			field: 'recipient.kind',
			message: '"Send Sender Action" cannot reply to a comment; send a message to the comment ID, or use the user\'s PSID',
		});
		expect(validationError('infobipMessenger', request({ type: 'text', text: chars(2001) }, toComment)).message).toBe(
			'text is 2001 characters long; the limit on Infobip (Messenger API) is 2000',
		);
		for (const provider of ['infobip', 'cm', 'meta'] as const) {
			expect(validationError(provider, request(sampleMessage('text'), toComment)).message).toMatch(/does not support recipients of type "commentId"$/);
		}
	});
});
