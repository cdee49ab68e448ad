// Headless Debian Chromium driven by playwright-core: the browser is the machine's (apt-get install
// chromium), never one that a tool downloads.
import fs from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A fresh profile in `userDataDir` (playwright's persistent context owns the --user-data-dir flag). */
export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH`);
	}
	return chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		deviceScaleFactor: 2,
		viewport: { width: 440, height: 780 },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}
