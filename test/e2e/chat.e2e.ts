// The demo, as a user meets it: the demo workflow (demo/messenger-demo-bot.json, the one `npm start`
// runs) active in a real n8n, and the sandbox's chat page in headless Chromium. Type a message, see the
// bot's reply and its quick replies, tap one, see the follow-up; screenshots of the chat and of the
// workflow in the n8n editor go to test-artifacts/ (and to docs/img/ with UPDATE_DOCS_IMAGES=1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SANDBOX_DEFAULTS } from '../../sandbox';
import { demoWorkflow } from '../../scripts/lib/messenger-setup';
import { launchChromium } from './support/browser';
import { e2eContext, eventually, executionErrors } from './support/context';
import { openEditor, saveScreenshot } from './support/editor';

const ctx = e2eContext();
/** The chat page's default user (the sandbox's first, Alice), as in the demo. */
const PSID = SANDBOX_DEFAULTS.alicePsid;
let userDataDir = '';
let browser: BrowserContext;
let workflowId = '';

beforeAll(async () => {
	workflowId = await ctx.deploy(demoWorkflow(ctx.state.credentials, ctx.state.sandboxUrl));
	await eventually(async () => {
		const subscriptions = await ctx.sandbox.graph<{ data: Array<{ callback_url: string }> }>(`/${SANDBOX_DEFAULTS.appId}/subscriptions`, 'app');
		expect(subscriptions.data.map((s) => s.callback_url)).toEqual([expect.stringContaining(ctx.state.n8nUrl)]);
	}, 20_000);
	userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'messenger-e2e-chromium-'));
	browser = await launchChromium(userDataDir);
});

afterAll(async () => {
	await browser?.close();
	if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
	await ctx.cleanup();
});

describe('the demo bot in the chat page (headless Chromium)', () => {
	let page: Page;

	beforeAll(async () => {
		page = await browser.newPage();
		await page.goto(`${ctx.state.sandboxUrl}/chat`);
	});

	it('shows the reply and its quick replies after the user types a message', async () => {
		await page.fill('[data-testid=composer-input]', 'Hello bot');
		await page.click('[data-testid=send]');
		await page.locator('[data-testid=bot-text]', { hasText: 'You said: "Hello bot". What next?' }).waitFor({ timeout: 20_000 });
		const chips = page.locator('[data-testid=quick-reply]');
		await chips.first().waitFor();
		expect(await chips.allTextContents()).toEqual(['Menu', 'Cards']);
	});

	it('taps the "Menu" quick reply and gets the button template', async () => {
		await page.locator('[data-testid=quick-reply]', { hasText: 'Menu' }).click();
		const template = page.locator('[data-testid=button-template]');
		await template.waitFor({ timeout: 20_000 });
		expect(await template.locator('[data-testid=template-button]').allTextContents()).toEqual(['Show cards', 'Say hello', 'n8n docs']);
		// Messenger hides the quick replies once the user has answered.
		expect(await page.locator('[data-testid=quick-reply]').count()).toBe(0);
	});

	it('taps the "Show cards" button (a postback) and gets the carousel', async () => {
		await page.locator('[data-testid=template-button]', { hasText: 'Show cards' }).click();
		const cards = page.locator('[data-testid=carousel] [data-testid=card]');
		await cards.first().waitFor({ timeout: 20_000 });
		expect(await cards.count()).toBe(2);
		await page.waitForFunction('[...document.images].every((img) => img.complete && img.naturalWidth > 0)');
		saveScreenshot(ctx, 'chat.png', await page.screenshot());
	});

	it('ran one successful execution per message, each answered through the sandbox', async () => {
		const executions = await ctx.n8n.waitForExecutions(workflowId, 3);
		expect(executions.map((e) => `${e.status} ${executionErrors(e)}`)).toEqual(Array(3).fill('success none'));
		const delivered = await ctx.sandbox.delivered({ provider: 'meta', recipient: PSID });
		expect(delivered).toHaveLength(3);
	});
});

describe('the chat page renders Infobip and CM.com messages too', () => {
	async function provider(path: string, headers: Record<string, string>, body: unknown): Promise<void> {
		const response = await fetch(`${ctx.state.sandboxUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
		expect(response.status).toBe(200);
	}

	it('shows text, a button template, quick replies and cards as the providers deliver them', async () => {
		const to = '7400000000000002';
		const { users } = await ctx.sandbox.config();
		await ctx.sandbox.patchConfig({ users: [...users, { psid: to, firstName: 'Carol', lastName: 'Sandbox', lastInboundAt: Date.now() }] });
		const infobip = { authorization: `App ${SANDBOX_DEFAULTS.infobipApiKey}` };
		await provider('/facebook/1/single', infobip, { from: SANDBOX_DEFAULTS.infobipApplicationKey, to, message: { type: 'TEXT', text: 'Infobip text' } });
		await provider('/facebook/1/single', infobip, {
			from: SANDBOX_DEFAULTS.infobipApplicationKey,
			to,
			message: { type: 'TEMPLATE', payload: { type: 'BUTTON', text: 'Infobip buttons', buttons: [{ type: 'POSTBACK', title: 'Yes', payload: 'YES' }, { type: 'URL', title: 'Site', url: 'https://www.infobip.com' }] } },
		});
		const cm = (richContent: unknown) => ({
			messages: {
				authentication: { producttoken: SANDBOX_DEFAULTS.cmProductToken },
				msg: [{ from: SANDBOX_DEFAULTS.pageId, to: [{ number: to }], body: { type: 'auto', content: 'Fallback' }, allowedChannels: ['Facebook Messenger'], richContent }],
			},
		});
		await provider('/v1.0/message', {}, cm({ conversation: [{ carousel: { cards: [
			{ header: 'CM card one', text: 'First', media: { mediaName: 'a.png', mediaUri: `${ctx.state.sandboxUrl}/chat/img/send.svg`, mimeType: 'image/png' }, suggestions: [{ action: 'Reply', label: 'Pick one', postbackdata: 'ONE' }] },
			{ header: 'CM card two', text: 'Second', media: { mediaName: 'b.png', mediaUri: `${ctx.state.sandboxUrl}/chat/img/trigger.svg`, mimeType: 'image/png' } },
		] } }] }));
		await provider('/v1.0/message', {}, cm({ conversation: [{ text: 'CM asks', suggestions: [{ action: 'Reply', label: 'Red', postbackdata: 'RED' }, { action: 'Reply', label: 'Blue', postbackdata: 'BLUE' }] }] }));

		const page = await browser.newPage();
		await page.goto(`${ctx.state.sandboxUrl}/chat?psid=${to}&via=cm`);
		await page.locator('[data-testid=quick-reply]').first().waitFor({ timeout: 10_000 });
		expect(await page.locator('[data-testid=bot-text]').allTextContents()).toEqual(['Infobip text', 'CM asks']);
		expect(await page.locator('[data-testid=button-template] [data-testid=template-button]').allTextContents()).toEqual(['Yes', 'Site']);
		expect(await page.locator('[data-testid=card] .title').allTextContents()).toEqual(['CM card one', 'CM card two']);
		expect(await page.locator('[data-testid=quick-reply]').allTextContents()).toEqual(['Red', 'Blue']);
		saveScreenshot(ctx, 'chat-providers.png', await page.screenshot({ fullPage: true }), false);
		await page.close();
	});
});

describe('the demo workflow in the n8n editor (headless Chromium)', () => {
	it('opens the workflow on the canvas with its six nodes', async () => {
		const page = await openEditor(() => browser.newPage(), ctx, { width: 1280, height: 720 });
		await page.goto(`${ctx.state.n8nUrl}/workflow/${workflowId}`);
		const nodes = page.locator('[data-test-id="canvas-node"]');
		await nodes.first().waitFor({ timeout: 30_000 });
		await eventually(async () => expect(await nodes.count()).toBe(6));
		const names = await page.locator('[data-test-id="canvas-node"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-name')));
		expect(names).toEqual(expect.arrayContaining(['Messenger Trigger', 'Send the menu', 'Send cards', 'Reply with quick replies']));
		// n8n opens a "Production Checklist" popover over the canvas of a published workflow.
		const closeChecklist = page.locator('[data-test-id="suggested-actions-close"]');
		if (await closeChecklist.isVisible()) await closeChecklist.click();
		await page.locator('[data-test-id="canvas-node"][data-node-name="Messenger Trigger"]').waitFor({ state: 'visible' });
		await page.waitForTimeout(500);
		saveScreenshot(ctx, 'workflow.png', await page.screenshot());
		await page.close();
	});
});
