// Testing a Meta flow in the n8n editor while a published Meta bot is live, in headless Chromium.
// Meta allows one callback URL per app, and n8n deletes what a test registered when the test ends, so
// the Messenger Trigger refuses to register its test URL while another URL holds the app's callback
// (nodes/MessengerTrigger/callback-claim.ts). The user presses the editor's buttons, reads n8n's
// "Problem running workflow" toast with the trigger's reason, and the live bot keeps answering in the
// sandbox's chat page.
//
// The sandbox's one Meta app is shared by every e2e file: the live bot activates only once the app's
// callback is free (support/meta-app.ts), and is deactivated, handing the callback back, before the
// file ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SANDBOX_DEFAULTS } from '../../sandbox';
import { e2eContext, eventually, webhookRegistered } from './support/context';
import { openEditor, saveScreenshot, testId, toast } from './support/editor';
import { activateMetaWorkflow, deactivateMetaWorkflow, metaAppReleased, metaCallbackUrls } from './support/meta-app';
import { launchChromium } from './support/browser';
import { chain, sendNode, triggerNode, triggerUrl } from './support/workflows';

const ctx = e2eContext();
/** This file's Messenger user (no other file talks to this PSID). */
const PSID = '7100000000000051';
const liveBot = chain('E2E editor: live Meta bot', [
	triggerNode('meta', ctx.state.credentials),
	sendNode('Reply', 'meta', ctx.state.credentials, { recipient: '={{ $json.senderId }}', text: '=Live bot: {{ $json.text }}' }),
]);
const draft = chain('E2E editor: Meta draft', [
	triggerNode('meta', ctx.state.credentials),
	sendNode('Reply', 'meta', ctx.state.credentials, { recipient: '={{ $json.senderId }}', text: '=Draft: {{ $json.text }}' }),
]);
const liveUrl = triggerUrl(ctx.state.n8nUrl, liveBot);
/** n8n's test URL of a trigger: the production path under /webhook-test/. */
const testUrlOf = (productionUrl: string) => productionUrl.replace('/webhook/', '/webhook-test/');

let userDataDir = '';
let browser: BrowserContext;
let editor: Page;
let liveId = '';
let draftId = '';

beforeAll(async () => {
	liveId = (await activateMetaWorkflow(ctx, liveBot)).id;
	draftId = await ctx.deploy(draft, false);
	userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'messenger-e2e-chromium-'));
	browser = await launchChromium(userDataDir);
	editor = await openEditor(() => browser.newPage(), ctx);
});

afterAll(async () => {
	await browser?.close();
	if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
	// Should a test listener have started after all, stop it as the editor does when the user leaves the
	// test (a no-op otherwise): n8n would keep it, holding the app's callback, for minutes.
	for (const id of [draftId, liveId].filter(Boolean)) await ctx.n8n.rest('DELETE', `/test-webhook/${id}`).catch(() => undefined);
	if (liveId) await deactivateMetaWorkflow(ctx, liveId);
	await ctx.cleanup();
	await metaAppReleased(ctx);
});

/** The sandbox log's last app-subscription entry: what happens at Meta after it is counted from there. */
async function appSubscriptionSeq(): Promise<number> {
	const { entries } = await ctx.sandbox.log({ routeId: 'meta.app_subscriptions' });
	return entries.reduce((max, entry) => Math.max(max, entry.seq), 0);
}

/**
 * What the editor's refusal must have left: the live bot's URL still holds the app's callback, nothing
 * wrote to the app's subscription since `seq` (no POST of the test URL, no DELETE of the live one), and
 * n8n is not listening on the test URL.
 */
async function expectLiveBotKeptTheApp(seq: number, testedProductionUrl: string): Promise<void> {
	expect(await metaCallbackUrls(ctx)).toEqual([liveUrl]);
	const { entries } = await ctx.sandbox.log({ routeId: 'meta.app_subscriptions' });
	expect(entries.filter((entry) => entry.seq > seq && entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path}`)).toEqual([]);
	await webhookRegistered(testUrlOf(testedProductionUrl), false);
}

/** The user writes to the page in the sandbox's chat page and sees the live bot's answer. */
async function expectLiveBotAnswers(text: string): Promise<void> {
	const since = Date.now();
	const chat = await browser.newPage();
	try {
		await chat.goto(`${ctx.state.sandboxUrl}/chat?psid=${PSID}&via=meta`);
		await chat.fill('[data-testid=composer-input]', text);
		await chat.click('[data-testid=send]');
		await chat.locator('[data-testid=bot-text]', { hasText: `Live bot: ${text}` }).waitFor({ timeout: 20_000 });
	} finally {
		await chat.close();
	}
	const delivered = await ctx.sandbox.waitForDelivered({ provider: 'meta', recipient: PSID, since });
	expect(delivered.map((d) => d.message)).toEqual([{ text: `Live bot: ${text}` }]);
}

describe('testing a Meta flow in the editor while a published Meta bot is live (headless Chromium)', () => {
	it('the live bot answers before any test', async () => {
		await expectLiveBotAnswers('hello before the tests');
	});

	it('"Execute workflow" on another workflow\'s Meta trigger shows why the test did not register, and the live bot still answers', async () => {
		const seq = await appSubscriptionSeq();
		await editor.goto(`${ctx.state.n8nUrl}/workflow/${draftId}`);
		await testId(editor, 'canvas-node').first().waitFor();
		await testId(editor, 'execute-workflow-button').click();

		const refusal = toast(editor, 'Problem running workflow');
		await refusal.waitFor();
		const message = await refusal.innerText();
		expect(message).toContain(`Meta app ${SANDBOX_DEFAULTS.appId} sends the events of its pages to ${liveUrl}. Meta allows one callback URL per app`);
		expect(message).toContain('So this test did not register with Meta.');
		saveScreenshot(ctx, 'editor-meta-test-refused.png', await editor.screenshot(), false);
		// The editor is not left waiting for a test event.
		await eventually(async () => expect(await testId(editor, 'execute-workflow-button').innerText()).toContain('Execute workflow'), 5_000);

		await expectLiveBotKeptTheApp(seq, triggerUrl(ctx.state.n8nUrl, draft));
		await expectLiveBotAnswers('hello after the draft\'s test');
	});

	it('"Execute step" on the published workflow\'s own trigger says its Production URL holds the callback, and the live bot still answers', async () => {
		const seq = await appSubscriptionSeq();
		await editor.goto(`${ctx.state.n8nUrl}/workflow/${liveId}`);
		const trigger = editor.locator('[data-test-id="canvas-node"][data-node-name="Messenger Trigger"]');
		await trigger.waitFor();
		// n8n opens a "Production Checklist" popover over the canvas of a published workflow.
		const closeChecklist = testId(editor, 'suggested-actions-close');
		if (await closeChecklist.isVisible()) await closeChecklist.click();
		await trigger.dblclick();
		const ndv = testId(editor, 'ndv');
		await ndv.waitFor();
		await testId(ndv, 'node-execute-button').click();

		const refusal = toast(editor, 'Problem running workflow');
		await refusal.waitFor();
		expect(await refusal.innerText()).toContain(`sends the events of its pages to ${liveUrl}, this workflow's Production URL. Meta allows one callback URL per app`);

		await expectLiveBotKeptTheApp(seq, liveUrl);
		await expectLiveBotAnswers('hello after the live workflow\'s test');
	});
});
