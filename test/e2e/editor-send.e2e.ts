// A first flow built in the n8n editor as a new user builds it, in headless Chromium: a new workflow,
// the Messenger node from the node picker, a Provider chosen in the panel (Provider is a field of its
// own: the credentials are hidden for the other providers rather than shown for one, so n8n does not
// fold it into the credential box), a new credential whose test fails with the provider's own reason
// and then passes, and "Execute step" sending a text that the sandbox user receives.
//
// CM.com is the provider: its credential is one product token (and the gateway URL, here the
// sandbox's), so the wrong-then-right credential flow has the fewest fields to fill. Meta's test rules
// are the same mechanism (credentials/*.credentials.ts `test.rules`). No Meta trigger is activated here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { SANDBOX_DEFAULTS } from '../../sandbox';
import { launchChromium } from './support/browser';
import { e2eContext, eventually, executionErrors, nodeOutput } from './support/context';
import { dismissToasts, EDITOR_TIMEOUT_MS, openEditor, saveScreenshot, testId, workflowIdOf } from './support/editor';
import { TYPES } from './support/workflows';

const ctx = e2eContext();
/** A user of the sandbox's default config (Bob), so the 24-hour window is open. */
const RECIPIENT = SANDBOX_DEFAULTS.bobPsid;
/** n8n names a node added from an action after the action. */
const NODE_NAME = 'Send a text message';
const TEXT = `Hello from the n8n editor (${Date.now()})`;
const WRONG_TOKEN = '00000000-0000-4000-8000-00000000dead';
/** The message of the CM.com credential's test rule for errorCode 103 (credentials/CmComMessengerApi.credentials.ts). */
const CM_INVALID_TOKEN = 'CM.com: Invalid product token (errorCode 103). Copy the product token of your gateway from the CM.com portal again.';

let userDataDir = '';
let browser: BrowserContext;
let page: Page;
let workflowId: string | undefined;
let credential: { id: string; name: string } | undefined;

beforeAll(async () => {
	userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'messenger-e2e-chromium-'));
	browser = await launchChromium(userDataDir);
	page = await openEditor(() => browser.newPage(), ctx);
});

afterAll(async () => {
	workflowId ??= page ? workflowIdOf(page) : undefined;
	await browser?.close();
	if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
	if (workflowId) await ctx.n8n.deleteWorkflow(workflowId);
	if (credential) await ctx.n8n.api('DELETE', `/credentials/${credential.id}`);
});

/** The editor's REST call `METHOD /rest/<path>` (path may end in a pattern), once it has answered. */
function restAnswer(method: string, pathPattern: RegExp): Promise<Response> {
	return page.waitForResponse(
		(response) => response.request().method() === method && pathPattern.test(new URL(response.url()).pathname),
		{ timeout: EDITOR_TIMEOUT_MS },
	);
}

async function dataOf<T>(response: Response): Promise<T> {
	expect(response.status()).toBe(200);
	return ((await response.json()) as { data: T }).data;
}

describe('building a Messenger flow in the n8n editor (headless Chromium)', () => {
	const ndv = () => testId(page, 'ndv');
	const modal = () => testId(page, 'editCredential-modal');
	const credentialField = (name: string) => testId(modal(), `parameter-input-${name}`).locator('input, textarea').first();
	const selectedCredential = () => testId(ndv(), 'node-credentials-select').locator('input');

	it('adds the Messenger node to a new workflow from the node picker ("Messenger", then "Send a text message")', async () => {
		await page.goto(`${ctx.state.n8nUrl}/workflow/new`);
		await testId(page, 'canvas-plus-button').click();
		const picker = testId(page, 'node-creator');
		await testId(picker, 'node-creator-search-bar').fill('Messenger');
		const item = (name: string) => testId(picker, 'item-iterator-item').filter({ has: testId(page, 'node-creator-item-name').getByText(name, { exact: true }) });
		await item('Messenger').click();
		// As the first step of a workflow, n8n lists the triggers and folds the actions away.
		const actions = picker.locator('[data-category-collapsed]').filter({ has: testId(page, 'node-creator-category-item').filter({ hasText: /^Actions/ }) });
		if ((await actions.getAttribute('data-category-collapsed')) === 'true') await testId(actions, 'node-creator-category-item').click();
		await item('Send a text message').click();

		await ndv().waitFor();
		// n8n put a manual trigger before the action, and opened the new node's panel.
		const canvasNodes = await testId(page, 'canvas-node').evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('data-node-type')} ${n.getAttribute('data-node-name')}`));
		expect(canvasNodes).toEqual(['n8n-nodes-base.manualTrigger When clicking ‘Execute workflow’', `${TYPES.messenger} ${NODE_NAME}`]);
		expect(await testId(ndv(), 'parameter-input-operation').locator('input').inputValue()).toBe('Send Text');
	});

	it('shows Provider as a field of its own, defaulting to Meta, and lists every provider', async () => {
		const provider = testId(ndv(), 'parameter-input-provider');
		await provider.waitFor();
		expect(await provider.locator('input').inputValue()).toBe('Meta Graph API (Direct)');
		await provider.click();
		const options = page.getByRole('option').filter({ visible: true });
		await eventually(async () => {
			expect((await options.allInnerTexts()).map((text) => text.split('\n')[0])).toEqual(['CM.com', 'Infobip (Facebook API v1, Legacy)', 'Infobip (Messenger API)', 'Meta Graph API (Direct)']);
		}, EDITOR_TIMEOUT_MS);
	});

	it('choosing CM.com leaves the Meta credential behind: the credential box asks for a CM.com one', async () => {
		await page.getByRole('option', { name: /^CM\.com/ }).filter({ visible: true }).click();
		const provider = testId(ndv(), 'parameter-input-provider').locator('input');
		await eventually(async () => expect(await provider.inputValue()).toBe('CM.com'), EDITOR_TIMEOUT_MS);
		await eventually(async () => expect(await selectedCredential().inputValue()).toBe(''), EDITOR_TIMEOUT_MS);
		await selectedCredential().click();
		await testId(page, 'node-credentials-select-item-new').filter({ visible: true }).click();
		await modal().waitFor();
		expect(await modal().innerText()).toContain('CM.com (Messenger) API');
	});

	it('a new credential with a wrong product token fails its test with CM.com\'s reason', async () => {
		await credentialField('productToken').fill(WRONG_TOKEN);
		await credentialField('baseUrl').fill(ctx.state.sandboxUrl);
		await credentialField('pageId').fill(SANDBOX_DEFAULTS.pageId);
		const [saved, tested] = await Promise.all([
			restAnswer('POST', /^\/rest\/credentials$/),
			restAnswer('POST', /^\/rest\/credentials\/test$/),
			testId(modal(), 'credential-save-button').click(),
		]);
		credential = await dataOf<{ id: string; name: string }>(saved);
		expect(await dataOf(tested)).toEqual({ status: 'Error', message: CM_INVALID_TOKEN });

		// n8n keeps the modal open with "Couldn't connect with these settings"; the reason is behind "More details".
		await modal().getByText('Couldn’t connect with these settings').waitFor();
		await modal().getByText('More details').click();
		await modal().getByText(CM_INVALID_TOKEN).waitFor();
		await dismissToasts(page);
		saveScreenshot(ctx, 'credential-test-failed.png', await modal().screenshot());
	});

	it('the right product token passes the test, and the node uses the credential', async () => {
		await credentialField('productToken').fill(SANDBOX_DEFAULTS.cmProductToken);
		const [tested] = await Promise.all([
			restAnswer('POST', /^\/rest\/credentials\/test$/),
			restAnswer('PATCH', new RegExp(`^/rest/credentials/${credential?.id}$`)),
			testId(modal(), 'credential-save-button').click(),
		]);
		expect(await dataOf(tested)).toMatchObject({ status: 'OK' });
		// Opened from the node's panel, the modal closes itself once the test has passed.
		await modal().waitFor({ state: 'hidden' });
		expect(await selectedCredential().inputValue()).toBe(credential?.name);
	});

	it('"Execute step" sends the text through CM.com to the sandbox user, in one successful manual run', async () => {
		const since = Date.now();
		await testId(ndv(), 'parameter-input-recipient').locator('input, textarea').first().fill(RECIPIENT);
		await testId(ndv(), 'parameter-input-text').locator('textarea').fill(TEXT);
		await testId(ndv(), 'node-execute-button').click();
		await testId(testId(ndv(), 'output-panel'), 'node-run-status-success').waitFor();

		const delivered = await ctx.sandbox.waitForDelivered({ provider: 'cm', recipient: RECIPIENT, since });
		expect(delivered).toHaveLength(1);
		expect(delivered[0].message).toMatchObject({ from: SANDBOX_DEFAULTS.pageId, body: { content: TEXT } });

		workflowId = workflowIdOf(page);
		expect(workflowId).toBeDefined();
		const [execution] = await ctx.n8n.waitForExecutions(workflowId as string, 1);
		expect({ mode: execution.mode, status: execution.status, errors: executionErrors(execution) }).toEqual({ mode: 'manual', status: 'success', errors: 'none' });
		const [sent] = nodeOutput(execution, NODE_NAME);
		expect(sent).toMatchObject({ provider: 'cm', recipient: RECIPIENT });
		await testId(ndv(), 'output-panel').getByText(String(sent.messageId)).first().waitFor();
		await dismissToasts(page);
		saveScreenshot(ctx, 'send-node.png', await ndv().screenshot());
	});
});
