// The chat page's reading of Messenger API sends: the page's own script, run as the browser runs it (a
// `window` global), fed with what the sandbox really delivered for each content type.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { useSandbox } from '../../support/sandbox';
import { messengerClient, oneMessage } from '../infobip-messenger/helpers';

type Views = (message: unknown) => { views: Array<Record<string, unknown>>; quickReplies: Array<Record<string, unknown>> };

function loadViews(): Views {
	const code = fs.readFileSync(path.join(__dirname, '../../../sandbox/chat/public/messenger-api-views.js'), 'utf8');
	const window: { messengerApiViews?: Views } = {};
	vm.runInNewContext(code, { window });
	if (!window.messengerApiViews) throw new Error('messenger-api-views.js did not define window.messengerApiViews');
	return window.messengerApiViews;
}

describe('chat page: Messenger API messages', () => {
	const sb = useSandbox();
	const client = messengerClient(sb);
	const views = loadViews();
	beforeEach(() => sb.reset());

	async function deliveredView(content: unknown, extra: Record<string, unknown> = {}) {
		const res = await client.send(oneMessage(content, extra));
		expect(res.status).toBe(200);
		const { delivered } = (await (await fetch(`${sb.url}/__sandbox/delivered?provider=infobip-messenger`)).json()) as { delivered: Array<{ message: unknown }> };
		expect(delivered).toHaveLength(1);
		return views(delivered[0].message);
	}

	it('is served with the page, before chat.js', async () => {
		const html = await (await fetch(`${sb.url}/chat`)).text();
		expect(html.indexOf('/chat/messenger-api-views.js')).toBeGreaterThan(-1);
		expect(html.indexOf('/chat/messenger-api-views.js')).toBeLessThan(html.indexOf('/chat/chat.js'));
		const js = await fetch(`${sb.url}/chat/messenger-api-views.js`);
		expect(js.status).toBe(200);
		expect(await (await fetch(`${sb.url}/chat/chat.js`)).text()).toContain("'infobip-messenger': 'Infobip Messenger API'");
	});

	it('shows text with TEXT, PHONE_NUMBER and EMAIL quick replies', async () => {
		const view = await deliveredView({ type: 'TEXT', text: 'Hi' }, { quickReplies: [{ type: 'TEXT', title: 'Yes', payload: 'YES' }, { type: 'PHONE_NUMBER' }, { type: 'EMAIL' }] });
		expect(view).toEqual({
			views: [{ kind: 'text', text: 'Hi' }],
			quickReplies: [{ title: 'Yes', payload: 'YES' }, { title: 'Phone number', payload: 'PHONE_NUMBER' }, { title: 'Email', payload: 'EMAIL' }],
		});
	});

	it.each([
		[{ type: 'IMAGE', url: 'https://e.com/i.png' }, { kind: 'media', type: 'image', url: 'https://e.com/i.png' }],
		[{ type: 'DOCUMENT', url: 'https://e.com/d.pdf' }, { kind: 'media', type: 'file', url: 'https://e.com/d.pdf' }],
		[{ type: 'LOCATION', latitude: 1.5, longitude: 2.5, name: 'Home' }, { kind: 'text', text: '📍 Home (1.5, 2.5)' }],
	])('shows %j', async (content, view) => {
		expect((await deliveredView(content)).views).toEqual([view]);
	});

	it('shows BUTTON templates with URL, POSTBACK and CALL buttons, and GENERIC cards', async () => {
		const buttons = [{ type: 'URL', title: 'Site', url: 'https://e.com' }, { type: 'POSTBACK', title: 'More', payload: 'MORE' }, { type: 'CALL', title: 'Call', payload: '+3851' }];
		const shown = [{ title: 'Site', type: 'url', url: 'https://e.com' }, { title: 'More', type: 'postback', payload: 'MORE' }, { title: 'Call', type: 'call', phone: '+3851' }];
		expect((await deliveredView({ type: 'TEMPLATE', payload: { type: 'BUTTON', text: 'Pick', buttons } })).views).toEqual([{ kind: 'buttons', text: 'Pick', buttons: shown }]);
		sb.reset();
		const generic = await deliveredView({ type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [{ title: 'Card', subtitle: 'Sub', imageUrl: 'https://e.com/c.png', buttons }] } });
		expect(generic.views).toEqual([{ kind: 'cards', cards: [{ title: 'Card', subtitle: 'Sub', imageUrl: 'https://e.com/c.png', buttons: shown }] }]);
	});
});
