// The n8n editor (2.41) in headless Chromium: signing in, its `data-test-id` attributes (playwright's
// getByTestId reads `data-testid`, which the sandbox's chat page uses, so n8n's are located here), its
// toasts, and the screenshots the tests keep.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { eventually, type E2eContext } from './context';
import { PROJECT_DIR } from './state';

/** Every wait on the editor is bounded by this (playwright's own default is 30 s per action). */
export const EDITOR_TIMEOUT_MS = 20_000;

/** An element of n8n's editor by its `data-test-id`, inside `scope`. */
export function testId(scope: Page | Locator, id: string): Locator {
	return scope.locator(`[data-test-id="${id}"]`);
}

/** A tab sized for the editor's panels, signed in as the run's owner. */
export async function openEditor(newPage: () => Promise<Page>, ctx: E2eContext, viewport = { width: 1280, height: 800 }): Promise<Page> {
	const page = await newPage();
	page.setDefaultTimeout(EDITOR_TIMEOUT_MS);
	await page.setViewportSize(viewport);
	await page.goto(`${ctx.state.n8nUrl}/signin`);
	await page.locator('input[type=email]').fill(ctx.state.owner.email);
	await page.locator('input[type=password]').fill(ctx.state.owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
	return page;
}

/** n8n's toasts (element-plus notifications), those whose title or text matches `text`. */
export function toast(page: Page, text: string | RegExp): Locator {
	return page.locator('.el-notification').filter({ hasText: text });
}

/** Closes the toasts on screen (before a screenshot for the documentation), and waits until they are gone. */
export async function dismissToasts(page: Page): Promise<void> {
	const open = page.locator('.el-notification').filter({ visible: true });
	await eventually(async () => {
		const close = open.first().locator('.el-notification__closeBtn');
		if (await close.isVisible()) await close.click({ timeout: 2_000 });
		const left = await open.count();
		if (left > 0) throw new Error(`${left} toast(s) still on screen`);
	}, EDITOR_TIMEOUT_MS);
}

/** The workflow id in the editor's address (`/workflow/<id>[/<node>]`), once n8n has saved it. */
export function workflowIdOf(page: Page): string | undefined {
	const id = /\/workflow\/([^/?#]+)/.exec(new URL(page.url()).pathname)?.[1];
	return id && id !== 'new' ? id : undefined;
}

/**
 * Keeps a screenshot in test-artifacts/; one that the documentation shows (`forDocs`: README.md,
 * CONTRIBUTING.md) also goes to docs/img/ when the run has UPDATE_DOCS_IMAGES=1.
 */
export function saveScreenshot(ctx: E2eContext, name: string, png: Buffer, forDocs = true): void {
	fs.mkdirSync(ctx.state.artifactsDir, { recursive: true });
	fs.writeFileSync(path.join(ctx.state.artifactsDir, name), png);
	if (forDocs && process.env.UPDATE_DOCS_IMAGES === '1') {
		fs.mkdirSync(path.join(PROJECT_DIR, 'docs', 'img'), { recursive: true });
		fs.writeFileSync(path.join(PROJECT_DIR, 'docs', 'img', name), png);
	}
}
