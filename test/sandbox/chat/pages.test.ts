// The chat page with several pages: the accessible page picker in the HTML, and its page logic
// (sandbox/chat/public/pages.js, run here in a Node VM) applied to what a real sandbox serves: the
// pages from GET /__sandbox/config, the conversation per page from GET /__sandbox/delivered.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { D, graph, json, type Loose, startReceiver, withToken } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

interface ChatPages {
	pagesOf(meta: unknown): Array<{ id: string; name: string }>;
	choosePage(pages: Array<{ id: string }>, wanted: string | null, via: string): string;
	messagesFor(delivered: Loose[], o: { psid: string; pageId: string; firstPageId: string; since?: number }): Loose[];
	storeKey(psid: string, via: string, pageId: string, firstPageId: string): string;
}

function loadChatPages(): ChatPages {
	const source = fs.readFileSync(path.join(__dirname, '../../../sandbox/chat/public/pages.js'), 'utf8');
	const window: Record<string, unknown> = {};
	vm.runInNewContext(source, { window });
	return window.SandboxChatPages as ChatPages;
}

describe('chat page: several pages', () => {
	const sb = useSandbox();
	const chat = loadChatPages();
	beforeEach(() => sb.reset());

	it('the HTML has a labelled page picker (hidden until there are pages to pick), pages.js before chat.js, and the ids the e2e tests use', async () => {
		const html = await (await fetch(`${sb.url}/chat`)).text();
		expect(html).toMatch(/<div class="page-picker" id="page-picker-row" hidden>\s*<label for="page-picker">Page<\/label>\s*<select id="page-picker" data-testid="page-picker"><\/select>/);
		expect(html.indexOf('<script src="/chat/pages.js">')).toBeGreaterThan(0);
		expect(html.indexOf('<script src="/chat/pages.js">')).toBeLessThan(html.indexOf('<script src="/chat/chat.js">'));
		for (const id of ['id="page-name"', 'data-testid="composer-input"', 'data-testid="send"', 'data-testid="thread"', 'data-testid="quick-replies"']) expect(html).toContain(id);
		const script = await fetch(`${sb.url}/chat/pages.js`);
		expect(script.headers.get('content-type')).toContain('text/javascript');
		const js = await (await fetch(`${sb.url}/chat/chat.js`)).text();
		expect(js).toContain('Pages.messagesFor(');
		expect(js).toContain("via === 'meta' && pageId ? { page: pageId }");
	});

	it("lists the app's pages from the config, first page first; picks ?page= only via Meta", async () => {
		const config = await json(await fetch(`${sb.url}/__sandbox/config`));
		const pages = chat.pagesOf(config.meta);
		expect(pages).toEqual([
			{ id: D.pageId, name: 'Sandbox Page' },
			{ id: D.shopPageId, name: 'Sandbox Shop' },
		]);
		expect(chat.choosePage(pages, D.shopPageId, 'meta')).toBe(D.shopPageId);
		expect(chat.choosePage(pages, null, 'meta')).toBe(D.pageId);
		expect(chat.choosePage(pages, '123', 'meta')).toBe(D.pageId);
		expect(chat.choosePage(pages, D.shopPageId, 'cm')).toBe(D.pageId);
		expect(chat.pagesOf({ pageId: D.pageId, pageName: 'Only' })).toEqual([{ id: D.pageId, name: 'Only' }]);
		expect(chat.pagesOf(undefined)).toEqual([]);
	});

	it('each page shows its own conversation with the same user; replies show under the page that sent them', async () => {
		// What the chat page POSTs when the user types on the shop's page.
		const receiver = await startReceiver();
		try {
			sb.config.meta.webhookUrl = receiver.url;
			const toShop = await fetch(`${sb.url}/__sandbox/user`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ via: 'meta', from: D.alicePsid, page: D.shopPageId, kind: 'text', text: 'hi shop' }),
			});
			expect(toShop.status).toBe(200);
			expect(JSON.parse(receiver.requests[0].raw.toString('utf8')).entry[0].id).toBe(D.shopPageId);
		} finally {
			await receiver.close();
		}

		const reply = (token: string, text: string) =>
			graph(sb, 'POST', '/me/messages', withToken(token, { body: { recipient: { id: D.alicePsid }, messaging_type: 'RESPONSE', message: { text } } }));
		expect((await reply(D.shopPageAccessToken, 'shop reply')).status).toBe(200);
		expect((await reply(D.pageAccessToken, 'page reply')).status).toBe(200);
		// A CM.com message carries no page: it belongs to the first page's view.
		const cm = await fetch(`${sb.url}/v1.0/message`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				messages: {
					authentication: { producttoken: D.cmProductToken },
					msg: [{ from: D.pageId, to: [{ number: D.alicePsid }], body: { type: 'auto', content: 'cm text' }, allowedChannels: ['Facebook Messenger'] }],
				},
			}),
		});
		expect(cm.status).toBe(200);

		const { delivered } = await json(await fetch(`${sb.url}/__sandbox/delivered`));
		const texts = (pageId: string) =>
			chat.messagesFor(delivered, { psid: D.alicePsid, pageId, firstPageId: D.pageId }).map((d) => d.message.text ?? d.message.body?.content);
		expect(texts(D.shopPageId)).toEqual(['shop reply']);
		expect(texts(D.pageId)).toEqual(['page reply', 'cm text']);
		expect(chat.messagesFor(delivered, { psid: D.bobPsid, pageId: D.shopPageId, firstPageId: D.pageId })).toEqual([]);
	});

	it('keeps each page in its own sessionStorage key; the first page keeps the old key', () => {
		expect(chat.storeKey(D.alicePsid, 'meta', D.pageId, D.pageId)).toBe(`sandbox-chat:${D.alicePsid}:meta`);
		expect(chat.storeKey(D.alicePsid, 'meta', D.shopPageId, D.pageId)).toBe(`sandbox-chat:${D.alicePsid}:meta:${D.shopPageId}`);
	});
});
