// POST /messenger/1/messages: every documented content type accepted, the documented answer, each kind
// of refusal in the ApiError shape, delivery to the sandbox user and the chat page's `delivered` list.
import { useSandbox } from '../../support/sandbox';
import { ALICE, messengerClient, oneMessage, PAGE } from './helpers';

const longText = (n: number) => 'x'.repeat(n);
const button = (type: string, extra: Record<string, unknown>) => ({ type, title: 'Go', ...extra });

// Every row has all three columns: jest-each hands a callback with more parameters than the row a `done`.
const ACCEPTED: Array<[string, unknown, Record<string, unknown>]> = [
	['TEXT', { type: 'TEXT', text: 'Hello!' }, {}],
	['TEXT of 2000 characters', { type: 'TEXT', text: longText(2000) }, {}],
	['IMAGE', { type: 'IMAGE', url: 'https://example.com/a.png' }, {}],
	['AUDIO', { type: 'AUDIO', url: 'https://example.com/a.mp3' }, {}],
	['VIDEO', { type: 'VIDEO', url: 'https://example.com/a.mp4' }, {}],
	['DOCUMENT', { type: 'DOCUMENT', url: 'https://example.com/a.pdf' }, {}],
	['LOCATION', { type: 'LOCATION', latitude: 45.8, longitude: 15.97, name: 'Zagreb', address: 'Main square' }, {}],
	['SENDER_ACTION', { type: 'SENDER_ACTION', senderAction: 'TYPING_ON' }, {}],
	['BUTTON template with URL, POSTBACK and CALL buttons', {
		type: 'TEMPLATE',
		payload: {
			type: 'BUTTON',
			text: 'Pick one',
			buttons: [button('URL', { url: 'https://example.com' }), button('POSTBACK', { payload: 'P1' }), button('CALL', { payload: '+385123456' })],
		},
	}, {}],
	['GENERIC template', {
		type: 'TEMPLATE',
		payload: {
			type: 'GENERIC',
			elements: [
				{ title: 'Card', subtitle: 'Sub', imageUrl: 'https://example.com/c.png', defaultAction: { url: 'https://example.com' }, buttons: [button('POSTBACK', { payload: 'C1' })] },
				{ title: 'Second' },
			],
		},
	}, {}],
	['COMMENT reply', { type: 'COMMENT', content: { type: 'TEXT', text: 'Thanks for the comment' } }, {}],
	['POST reply', { type: 'POST', content: { type: 'IMAGE', url: 'https://example.com/p.png' } }, {}],
	['OPT_IN_FOLLOWUP', { type: 'OPT_IN_FOLLOWUP', text: 'Welcome' }, {}],
	['TEXT with TEXT, PHONE_NUMBER and EMAIL quick replies', { type: 'TEXT', text: 'Contact?' }, {
		quickReplies: [{ type: 'TEXT', title: 'Yes', payload: 'YES', imageUrl: 'https://example.com/y.png' }, { type: 'PHONE_NUMBER' }, { type: 'EMAIL' }],
	}],
	['every option and webhook field', { type: 'TEXT', text: 'Full' }, {
		options: {
			platform: { entityId: 'e1', applicationId: 'a1' },
			validityPeriod: { amount: 30, timeUnit: 'MINUTES' },
			deliveryTimeWindow: { days: ['MONDAY', 'FRIDAY'], from: { hour: 8, minute: 0 }, to: { hour: 17, minute: 30 } },
			campaignReferenceId: 'summer',
			smsFailover: { sender: 'Shop', text: 'SMS instead', validityPeriod: { amount: 1, timeUnit: 'HOURS' }, regional: { turkeyIys: { recipientType: 'TACIR' } }, destinationMatching: [{ initial: ALICE, failover: '385911234567' }] },
		},
		webhooks: { delivery: { notify: false, intermediateReport: false }, contentType: 'application/json', callbackData: 'cb', seen: { url: 'http://127.0.0.1:9/seen' } },
	}],
];

describe('POST /messenger/1/messages', () => {
	const sb = useSandbox();
	const client = messengerClient(sb);
	beforeEach(() => sb.reset());

	it.each(ACCEPTED)('accepts %s with the documented answer', async (_name, content, extra) => {
		const res = await client.send(oneMessage(content, extra));
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			bulkId: expect.stringMatching(/^\d{19}$/),
			messages: [
				{
					messageId: expect.any(String),
					status: { groupId: 1, groupName: 'PENDING', id: 26, name: 'PENDING_ACCEPTED', description: 'Message sent to next instance' },
					destination: ALICE,
				},
			],
		});
	});

	it('delivers to the user what the page sent (content and quick replies), but not sender actions', async () => {
		const quickReplies = [{ type: 'TEXT', title: 'Yes', payload: 'YES' }];
		const res = await client.send(oneMessage({ type: 'TEXT', text: 'Hi Alice' }, { quickReplies }));
		await client.send(oneMessage({ type: 'SENDER_ACTION', senderAction: 'MARK_SEEN' }));
		expect(sb.delivered).toEqual([
			{
				provider: 'infobip-messenger',
				messageId: res.body.messages[0].messageId,
				recipient: ALICE,
				message: { sender: PAGE, content: { type: 'TEXT', text: 'Hi Alice' }, quickReplies },
				at: expect.any(Number),
			},
		]);
	});

	it('answers one entry per destination, in order, under one bulkId; keeps given ids', async () => {
		const res = await client.send({
			messages: [
				{ sender: PAGE, destinations: [{ to: ALICE, messageId: 'my-id-1' }, { to: '7000000000000002' }], content: { type: 'TEXT', text: 'a' } },
				{ sender: PAGE, destinations: [{ to: ALICE }], content: { type: 'TEXT', text: 'b' } },
			],
			options: { schedule: { bulkId: 'my-bulk' } },
		});
		expect(res.status).toBe(200);
		expect(res.body.bulkId).toBe('my-bulk');
		expect(res.body.messages.map((m: { destination: string }) => m.destination)).toEqual([ALICE, '7000000000000002', ALICE]);
		expect(res.body.messages[0].messageId).toBe('my-id-1');
		expect(new Set(res.body.messages.map((m: { messageId: string }) => m.messageId)).size).toBe(3);
		expect(sb.delivered.map((d) => d.recipient)).toEqual([ALICE, '7000000000000002', ALICE]);
	});

	it('rejects a sender that is not a page of the account, per destination, and delivers nothing', async () => {
		const res = await client.send({ messages: [{ sender: '999', destinations: [{ to: ALICE }], content: { type: 'TEXT', text: 'a' } }] });
		expect(res.status).toBe(200);
		expect(res.body.messages[0].status).toMatchObject({ groupName: 'REJECTED', name: 'REJECTED_SENDER' });
		expect(sb.delivered).toEqual([]);
	});

	it('accepts a destination that is no user, delivers nothing, and its report says UNDELIVERABLE', async () => {
		const res = await client.send({ messages: [{ sender: PAGE, destinations: [{ to: 'nobody' }], content: { type: 'TEXT', text: 'a' } }] });
		expect(res.body.messages[0].status.name).toBe('PENDING_ACCEPTED');
		expect(sb.delivered).toEqual([]);
		const reports = await client.get('/messenger/1/reports');
		expect(reports.body.results[0]).toMatchObject({
			messageId: res.body.messages[0].messageId,
			status: { groupName: 'UNDELIVERABLE', name: 'UNDELIVERABLE_NOT_DELIVERED' },
			error: { name: 'EC_UNKNOWN_SUBSCRIBER', permanent: true },
		});
	});

	it('delivers COMMENT and POST replies to the comment or post id given as `to`', async () => {
		await client.send({ messages: [{ sender: PAGE, destinations: [{ to: 'comment_123' }], content: { type: 'COMMENT', content: { type: 'TEXT', text: 'hi' } } }] });
		expect(sb.delivered.map((d) => d.recipient)).toEqual(['comment_123']);
	});

	it('uses the same Infobip account: App key and Basic auth pass, anything else is a 401 ApiError', async () => {
		const body = oneMessage({ type: 'TEXT', text: 'a' });
		const basic = `Basic ${Buffer.from(`${sb.config.infobip.basicUser}:${sb.config.infobip.basicPassword}`).toString('base64')}`;
		expect((await client.send(body, { authorization: basic })).status).toBe(200);
		for (const headers of [{}, { authorization: 'App wrong-key' }, { authorization: `Bearer ${sb.config.infobip.apiKey}` }] as Array<Record<string, string>>) {
			const res = await client.send(body, headers);
			expect(res.status).toBe(401);
			expect(res.body).toEqual({
				errorCode: 'E401',
				description: 'The request lacks valid authentication credentials for the requested resource.',
				action: 'Check the resources and adjust authentication credentials.',
				violations: [],
				resources: [{ name: 'API Authentication', url: 'https://www.infobip.com/docs/essentials/api-authentication' }],
			});
		}
	});
});

describe('POST /messenger/1/messages refusals (400 ApiError naming the property)', () => {
	const sb = useSandbox();
	const client = messengerClient(sb);
	beforeEach(() => sb.reset());

	const msg = (fields: Record<string, unknown>) => ({ messages: [{ sender: PAGE, destinations: [{ to: ALICE }], content: { type: 'TEXT', text: 'a' }, ...fields }] });
	const withContent = (content: unknown) => oneMessage(content);
	const buttons = (n: number) => Array.from({ length: n }, (_, i) => button('POSTBACK', { payload: `p${i}` }));

	const REFUSED: Array<[string, unknown, string, RegExp]> = [
		['unknown top-level field', { ...oneMessage({ type: 'TEXT', text: 'a' }), extra: 1 }, 'extra', /unknown property/],
		['unknown message field', msg({ recipient: ALICE }), 'messages[0].recipient', /unknown property/],
		['unknown content field', withContent({ type: 'TEXT', text: 'a', quick_replies: [] }), 'messages[0].content.quick_replies', /unknown property/],
		['missing messages', {}, 'messages', /must not be null/],
		['empty messages', { messages: [] }, 'messages', /at least 1/],
		['missing sender', { messages: [{ destinations: [{ to: ALICE }], content: { type: 'TEXT', text: 'a' } }] }, 'messages[0].sender', /must not be null/],
		['blank sender', msg({ sender: ' ' }), 'messages[0].sender', /blank/],
		['missing destinations', { messages: [{ sender: PAGE, content: { type: 'TEXT', text: 'a' } }] }, 'messages[0].destinations', /must not be null/],
		['empty destinations', msg({ destinations: [] }), 'messages[0].destinations', /at least 1/],
		['destination without to', msg({ destinations: [{}] }), 'messages[0].destinations[0].to', /must not be null/],
		['destination messageId over 200', msg({ destinations: [{ to: ALICE, messageId: longText(201) }] }), 'messages[0].destinations[0].messageId', /between 0 and 200/],
		['missing content', { messages: [{ sender: PAGE, destinations: [{ to: ALICE }] }] }, 'messages[0].content', /must not be null/],
		['content without type', withContent({ text: 'a' }), 'messages[0].content.type', /must not be null/],
		['bad content type', withContent({ type: 'STICKER' }), 'messages[0].content.type', /must be one of TEXT, IMAGE/],
		['lower-case content type', withContent({ type: 'text', text: 'a' }), 'messages[0].content.type', /must be one of/],
		['TEXT without text', withContent({ type: 'TEXT' }), 'messages[0].content.text', /must not be null/],
		['TEXT over 2000', withContent({ type: 'TEXT', text: longText(2001) }), 'messages[0].content.text', /between 0 and 2000/],
		['text that is not a string', withContent({ type: 'TEXT', text: 5 }), 'messages[0].content.text', /must be a string/],
		['IMAGE url over 1000', withContent({ type: 'IMAGE', url: `https://e.com/${longText(990)}` }), 'messages[0].content.url', /between 0 and 1000/],
		['VIDEO url over 800', withContent({ type: 'VIDEO', url: `https://e.com/${longText(790)}` }), 'messages[0].content.url', /between 0 and 800/],
		['AUDIO url over 800', withContent({ type: 'AUDIO', url: `https://e.com/${longText(790)}` }), 'messages[0].content.url', /between 0 and 800/],
		['DOCUMENT without url', withContent({ type: 'DOCUMENT' }), 'messages[0].content.url', /must not be null/],
		['latitude over 90', withContent({ type: 'LOCATION', latitude: 91, longitude: 0 }), 'messages[0].content.latitude', /less than or equal to 90/],
		['longitude under -180', withContent({ type: 'LOCATION', latitude: 0, longitude: -181 }), 'messages[0].content.longitude', /greater than or equal to -180/],
		['bad sender action', withContent({ type: 'SENDER_ACTION', senderAction: 'TYPING' }), 'messages[0].content.senderAction', /MARK_SEEN, TYPING_ON, TYPING_OFF/],
		['template without payload', withContent({ type: 'TEMPLATE' }), 'messages[0].content.payload', /must not be null/],
		['template payload without type', withContent({ type: 'TEMPLATE', payload: { text: 'a', buttons: buttons(1) } }), 'messages[0].content.payload.type', /must not be null/],
		['BUTTON template with no buttons', withContent({ type: 'TEMPLATE', payload: { type: 'BUTTON', text: 'a', buttons: [] } }), 'messages[0].content.payload.buttons', /at least 1/],
		['BUTTON template without text', withContent({ type: 'TEMPLATE', payload: { type: 'BUTTON', buttons: buttons(1) } }), 'messages[0].content.payload.text', /must not be null/],
		['bad button type', withContent({ type: 'TEMPLATE', payload: { type: 'BUTTON', text: 'a', buttons: [{ type: 'SHARE', title: 'x' }] } }), 'messages[0].content.payload.buttons[0].type', /URL, POSTBACK, CALL/],
		['POSTBACK button without payload', withContent({ type: 'TEMPLATE', payload: { type: 'BUTTON', text: 'a', buttons: [{ type: 'POSTBACK', title: 'x' }] } }), 'messages[0].content.payload.buttons[0].payload', /must not be null/],
		['URL button with a payload', withContent({ type: 'TEMPLATE', payload: { type: 'BUTTON', text: 'a', buttons: [{ type: 'URL', title: 'x', url: 'https://e.com', payload: 'p' }] } }), 'messages[0].content.payload.buttons[0].payload', /unknown property/],
		['CALL button title over 20', withContent({ type: 'TEMPLATE', payload: { type: 'BUTTON', text: 'a', buttons: [button('CALL', { title: longText(21), payload: '+1' })] } }), 'messages[0].content.payload.buttons[0].title', /between 0 and 20/],
		['GENERIC with 11 elements', withContent({ type: 'TEMPLATE', payload: { type: 'GENERIC', elements: Array.from({ length: 11 }, () => ({ title: 't' })) } }), 'messages[0].content.payload.elements', /at most 10/],
		['GENERIC with no elements', withContent({ type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [] } }), 'messages[0].content.payload.elements', /at least 1/],
		['GENERIC element without title', withContent({ type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [{ subtitle: 's' }] } }), 'messages[0].content.payload.elements[0].title', /must not be null/],
		['GENERIC title over 80', withContent({ type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [{ title: longText(81) }] } }), 'messages[0].content.payload.elements[0].title', /between 0 and 80/],
		['GENERIC subtitle over 80', withContent({ type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [{ title: 't', subtitle: longText(81) }] } }), 'messages[0].content.payload.elements[0].subtitle', /between 0 and 80/],
		['GENERIC element with 4 buttons', withContent({ type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [{ title: 't', buttons: buttons(4) }] } }), 'messages[0].content.payload.elements[0].buttons', /at most 3/],
		['defaultAction without url', withContent({ type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [{ title: 't', defaultAction: {} }] } }), 'messages[0].content.payload.elements[0].defaultAction.url', /must not be null/],
		['COMMENT without content', withContent({ type: 'COMMENT' }), 'messages[0].content.content', /must not be null/],
		['POST with a COMMENT inside', withContent({ type: 'POST', content: { type: 'COMMENT' } }), 'messages[0].content.content.type', /must be one of TEXT/],
		['MARKETING_MESSAGE content', withContent({ type: 'MARKETING_MESSAGE', campaignId: '1', content: { type: 'TEXT' } }), 'messages[0].content.type', /no longer available/],
		['OPT_IN template', withContent({ type: 'TEMPLATE', payload: { type: 'OPT_IN', title: 't' } }), 'messages[0].content.payload.type', /no longer available/],
		['quick reply without type', msg({ quickReplies: [{ title: 'a', payload: 'b' }] }), 'messages[0].quickReplies[0].type', /must not be null/],
		['bad quick reply type', msg({ quickReplies: [{ type: 'LOCATION' }] }), 'messages[0].quickReplies[0].type', /TEXT, PHONE_NUMBER, EMAIL/],
		['TEXT quick reply without payload', msg({ quickReplies: [{ type: 'TEXT', title: 'a' }] }), 'messages[0].quickReplies[0].payload', /must not be null/],
		['TEXT quick reply title over 20', msg({ quickReplies: [{ type: 'TEXT', title: longText(21), payload: 'p' }] }), 'messages[0].quickReplies[0].title', /between 0 and 20/],
		['TEXT quick reply payload over 1000', msg({ quickReplies: [{ type: 'TEXT', title: 't', payload: longText(1001) }] }), 'messages[0].quickReplies[0].payload', /between 0 and 1000/],
		['EMAIL quick reply with a title', msg({ quickReplies: [{ type: 'EMAIL', title: 'mail' }] }), 'messages[0].quickReplies[0].title', /unknown property/],
		['callbackData over 4000', msg({ webhooks: { callbackData: longText(4001) } }), 'messages[0].webhooks.callbackData', /between 0 and 4000/],
		['bad webhooks contentType', msg({ webhooks: { contentType: 'text/plain' } }), 'messages[0].webhooks.contentType', /application\/json, application\/xml/],
		['delivery.notify not a boolean', msg({ webhooks: { delivery: { notify: 'yes' } } }), 'messages[0].webhooks.delivery.notify', /must be a boolean/],
		['campaignReferenceId over 255', msg({ options: { campaignReferenceId: longText(256) } }), 'messages[0].options.campaignReferenceId', /between 0 and 255/],
		['platform entityId over 255', msg({ options: { platform: { entityId: longText(256) } } }), 'messages[0].options.platform.entityId', /between 0 and 255/],
		['validityPeriod without amount', msg({ options: { validityPeriod: { timeUnit: 'HOURS' } } }), 'messages[0].options.validityPeriod.amount', /must not be null/],
		['bad validityPeriod unit', msg({ options: { validityPeriod: { amount: 1, timeUnit: 'DAYS' } } }), 'messages[0].options.validityPeriod.timeUnit', /SECONDS, MINUTES, HOURS/],
		['delivery window without days', msg({ options: { deliveryTimeWindow: { days: [] } } }), 'messages[0].options.deliveryTimeWindow.days', /at least 1/],
		['delivery window hour 24', msg({ options: { deliveryTimeWindow: { days: ['MONDAY'], from: { hour: 24, minute: 0 }, to: { hour: 23, minute: 0 } } } }), 'messages[0].options.deliveryTimeWindow.from.hour', /less than or equal to 23/],
		['delivery window from without to', msg({ options: { deliveryTimeWindow: { days: ['MONDAY'], from: { hour: 8, minute: 0 } } } }), 'messages[0].options.deliveryTimeWindow.to', /both provided/],
		['delivery window under 1 hour', msg({ options: { deliveryTimeWindow: { days: ['MONDAY'], from: { hour: 8, minute: 0 }, to: { hour: 8, minute: 59 } } } }), 'messages[0].options.deliveryTimeWindow.to', /at least 1 hour/],
		['smsFailover without text', msg({ options: { smsFailover: { sender: 'x' } } }), 'messages[0].options.smsFailover.text', /must not be null/],
		['southKorea title over 66', msg({ options: { smsFailover: { text: 't', regional: { southKorea: { title: longText(67) } } } } }), 'messages[0].options.smsFailover.regional.southKorea.title', /between 0 and 66/],
		['bulkId over 100', { ...oneMessage({ type: 'TEXT', text: 'a' }), options: { schedule: { bulkId: longText(101) } } }, 'options.schedule.bulkId', /between 0 and 100/],
		['sendAt not a date-time', { ...oneMessage({ type: 'TEXT', text: 'a' }), options: { schedule: { sendAt: 'tomorrow' } } }, 'options.schedule.sendAt', /yyyy-MM-dd/],
		['sendAt over 180 days ahead', { ...oneMessage({ type: 'TEXT', text: 'a' }), options: { schedule: { sendAt: new Date(Date.now() + 181 * 86_400_000).toISOString() } } }, 'options.schedule.sendAt', /180 days/],
		['sendingSpeedLimit without amount', { ...oneMessage({ type: 'TEXT', text: 'a' }), options: { schedule: { sendingSpeedLimit: { timeUnit: 'HOUR' } } } }, 'options.schedule.sendingSpeedLimit.amount', /must not be null/],
		['body that is an array', [], 'body', /must be a JSON object/],
	];

	it.each(REFUSED)('refuses %s', async (_name, body, property, violation) => {
		const res = await client.send(body);
		expect(res.status).toBe(400);
		expect(res.body).toMatchObject({ errorCode: 'E400', description: 'Request cannot be processed.', action: 'Check the syntax, violations and adjust the request.', resources: [] });
		expect(res.body.violations).toContainEqual({ property, violation: expect.stringMatching(violation) });
		expect(sb.delivered).toEqual([]);
	});

	it('lists every violation of one request, not only the first', async () => {
		const res = await client.send({ messages: [{ sender: PAGE, destinations: [{}], content: { type: 'TEXT', text: longText(2001) }, extra: true }] });
		expect(res.body.violations.map((v: { property: string }) => v.property).sort()).toEqual(
			['messages[0].content.text', 'messages[0].destinations[0].to', 'messages[0].extra'].sort(),
		);
	});

	it('answers a body that is not JSON, or none, with a 400 ApiError', async () => {
		const auth = { authorization: `App ${sb.config.infobip.apiKey}` };
		const bad = await fetch(`${sb.url}/messenger/1/messages`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"messages":' });
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ errorCode: 'E400', violations: [{ property: 'body' }] });
		const none = await fetch(`${sb.url}/messenger/1/messages`, { method: 'POST', headers: auth });
		expect(none.status).toBe(400);
		expect(await none.json()).toMatchObject({ errorCode: 'E400', violations: [{ property: 'body', violation: expect.stringMatching(/required/) }] });
	});
});
