import type { Sandbox } from '../../../sandbox/core/types';
import { cmSend, image, reply, richItem, startCmSandbox } from './helpers';

// Seed 004's richContent examples and limits (suggestions, templates, carousel, tags, opt-in).
describe('CM.com sandbox: richContent (seed 004)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startCmSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.clearLog());

	async function accepted(item: Record<string, unknown>) {
		const response = await cmSend(sandbox, richItem(sandbox, item, { body: { content: '' } }));
		expect(response.body.messages[0].messageDetails).toBeNull();
		expect(response.status).toBe(200);
		expect(response.body.errorCode).toBe(0);
		expect(sandbox.delivered).toHaveLength(1);
	}

	async function rejected(item: Record<string, unknown>, detail: RegExp, code = 304) {
		const response = await cmSend(sandbox, richItem(sandbox, item));
		expect(response.body.errorCode).toBe(201);
		expect(response.body.messages[0]).toMatchObject({ status: 'Rejected', messageErrorCode: code });
		expect(response.body.messages[0].messageDetails).toMatch(detail);
		expect(sandbox.delivered).toHaveLength(0);
	}

	const card = (extra: Record<string, unknown>) => ({ carousel: { cards: [extra] } });
	const generic = (i: number) => ({ header: `Card ${i}`, text: 'Want to know more?', media: image, suggestions: [reply(1)] });

	describe('seed examples are accepted', () => {
		it.each([
			['text and image', { text: 'CM.com - Be part of it.', media: image }],
			['text and video', { text: 'x', media: { mediaName: 'your-video.mp4', mediaUri: 'https://cdn.test/your-video.mp4', mimeType: 'video/mp4' } }],
			['text and document', { text: 'x', media: { mediaName: 'cm-pdf.pdf', mediaUri: 'https://cdn.test/doc.pdf', mimeType: 'application/pdf' } }],
			['text and audio', { text: 'x', media: { mediaName: 'your-audio.mp4', mediaUri: 'https://cdn.test/a.mp4', mimeType: 'audio/mp4' } }],
			['quick replies', { text: 'Hi, what can I do for you?', suggestions: [reply(1), reply(2), reply(3)] }],
			['a message tag', { text: 'Dear customer, your order with id 1234xyz has been shipped.', tag: 'POST_PURCHASE_UPDATE' }],
			['a button template', card({ header: 'CM.com - Be part of it.', suggestions: [{ action: 'REPLY', label: 'Give me more info', postbackdata: 'INFO' }, { action: 'OPENURL', label: 'Visit CM.com', url: 'https://www.cm.com/' }] })],
			['a media template', card({ media: image, suggestions: [{ action: 'REPLY', label: 'Give me more info', postbackdata: 'INFO' }] })],
			['product suggestions', { suggestions: ['FB_tshirt_001', 'FB_tshirt_002', 'FB_tshirt_003'].map((id) => ({ action: 'VIEWPRODUCT', product: { id } })) }],
			['a generic template', card({ header: 'CM.com - Be part of it.', text: 'Want to know more about CM.com?', media: image, suggestions: [{ action: 'REPLY', label: 'Give me more info', postbackdata: 'INFO' }, { action: 'OPENURL', label: 'Visit CM.com', url: 'https://www.cm.com/' }] })],
			['a carousel', { carousel: { cards: [generic(1), { header: 'Our logo!', media: image }] } }],
			['an opt-in request', { suggestions: [{ action: 'optin', postbackdata: 'OPT_IN', label: 'Nice products!', media: image, optin: { frequency: 'DAILY', reoptin: true, timezone: 'Europe/Amsterdam' } }] }],
			['Dial, Login and Logout buttons', card({ header: 'Account', suggestions: [{ action: 'Dial', label: 'Call us', dial: { phoneNumber: '+31 76 572 7000' } }, { action: 'Login', url: 'https://x.test/login' }, { action: 'Logout' }] })],
		])('%s', async (_label, item) => {
			await accepted(item);
		});
	});

	it('allows 13 quick replies and rejects 14', async () => {
		await accepted({ text: 'Pick', suggestions: Array.from({ length: 13 }, (_, i) => reply(i)) });
		sandbox.clearLog();
		await rejected({ text: 'Pick', suggestions: Array.from({ length: 14 }, (_, i) => reply(i)) }, /at most 13 quick replies/);
	});

	it('rejects a label of 21 characters and postbackdata of 1001', async () => {
		await rejected({ text: 'Pick', suggestions: [{ action: 'Reply', label: 'l'.repeat(21), postbackdata: 'x' }] }, /label must be at most 20 characters/);
		await rejected({ text: 'Pick', suggestions: [{ action: 'Reply', label: 'ok', postbackdata: 'x'.repeat(1001) }] }, /postbackdata must be at most 1000/);
		await rejected({ text: 'Pick', suggestions: [{ action: 'Reply', label: 'ok' }] }, /postbackdata is required/, 305);
	});

	it('rejects a generic card header of 81 characters and subtitle of 81, but a button-template header up to 640', async () => {
		await rejected(card({ header: 'h'.repeat(81), text: 'sub' }), /header \(generic template\) must be at most 80/);
		await rejected(card({ header: 'Title', text: 's'.repeat(81) }), /text \(generic template\) must be at most 80/);
		await accepted(card({ header: 'h'.repeat(640), suggestions: [reply(1)] }));
		sandbox.clearLog();
		await rejected(card({ header: 'h'.repeat(641), suggestions: [reply(1)] }), /button template\) must be at most 640/);
	});

	it('turns more than 3 buttons into quick replies: fine for Reply, rejected for OpenUrl', async () => {
		await accepted(card({ header: 'Pick', suggestions: [1, 2, 3, 4].map(reply) }));
		sandbox.clearLog();
		const urls = [1, 2, 3, 4].map((i) => ({ action: 'OpenUrl', label: `Site ${i}`, url: 'https://x.test' }));
		await rejected(card({ header: 'Pick', suggestions: urls }), /only Reply suggestions can be quick replies/);
	});

	it('rejects 11 cards and 11 products', async () => {
		await rejected({ carousel: { cards: Array.from({ length: 11 }, (_, i) => generic(i)) } }, /at most 10 cards/);
		const products = Array.from({ length: 11 }, (_, i) => ({ action: 'ViewProduct', product: { id: `p${i}` } }));
		await rejected({ suggestions: products }, /at most 10 ViewProduct/);
	});

	it('rejects the input matrix rows marked Not supported', async () => {
		await rejected({ text: 'x', media: image, suggestions: [reply(1)] }, /text \+ media \+ suggestions without a header is Not supported/);
		await rejected({ suggestions: [reply(1)] }, /Not supported unless they are ViewProduct/);
		await rejected({ tag: 'ACCOUNT_UPDATE' }, /nothing to send/);
	});

	it('rejects carousels mixing templates or holding header-less media cards, and media templates with audio', async () => {
		await rejected({ carousel: { cards: [generic(1), { suggestions: [{ action: 'ViewProduct', product: { id: 'p' } }] }] } }, /not both/);
		await rejected({ carousel: { cards: [generic(1), { media: image }] } }, /generic templates \(with a header\) or product templates/);
		const audio = { mediaName: 'a.wav', mediaUri: 'https://cdn.test/a.wav', mimeType: 'audio/wav' };
		await rejected({ media: audio, suggestions: [reply(1)] }, /media template needs an image or a video/);
	});

	it('validates tags and opt-in requests', async () => {
		await rejected({ text: 'x', tag: 'MARKETING' }, /tag "MARKETING" is not a supported tag/, 305);
		const optin = (extra: Record<string, unknown>) => ({ suggestions: [{ action: 'optin', postbackdata: 'OPT', label: 'Deals', optin: { frequency: 'DAILY' }, ...extra }] });
		await rejected(optin({ label: 'l'.repeat(66) }), /label must be at most 65/);
		await rejected(optin({ optin: { frequency: 'WEEKLY' } }), /frequency must be DAILY/);
		await rejected(optin({ postbackdata: undefined }), /postbackdata is required/, 305);
		await rejected({ suggestions: [optin({}).suggestions[0], reply(2)] }, /single suggestion/);
		await rejected(card(optin({})), /not a card/);
	});

	it('rejects unknown fields inside richContent with 305', async () => {
		await rejected({ text: 'x', quickReplies: [] }, /quickReplies is not a supported field/, 305);
		await rejected(card({ header: 'x', title: 'y' }), /title is not a supported field/, 305);
		await rejected({ text: 'x', suggestions: [{ ...reply(1), url: 'https://x.test' }] }, /url is not a supported field/, 305);
		await rejected({ text: 'x', suggestions: [{ action: 'Share', label: 'x' }] }, /action "Share" is not supported/, 305);
	});
});
