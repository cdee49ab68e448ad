// What global-setup.ts hands the test files: where the real n8n and the sandbox run, and how to talk
// to them. Written to a JSON file whose path travels in MESSENGER_E2E_STATE.
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxCredentialIds } from '../../../scripts/lib/messenger-setup';

export interface E2eState {
	n8nUrl: string;
	sandboxUrl: string;
	apiKey: string;
	/** The owner's `n8n-auth` cookie (name=value), for the internal REST API and the browser. */
	cookie: string;
	owner: { email: string; password: string };
	credentials: SandboxCredentialIds;
	/** Where test artifacts (screenshots, the n8n log) go. */
	artifactsDir: string;
	n8nLogFile: string;
}

export const STATE_ENV = 'MESSENGER_E2E_STATE';

export const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');

export const ARTIFACTS_DIR = path.join(PROJECT_DIR, 'test-artifacts');

export function readState(): E2eState {
	const file = process.env[STATE_ENV];
	if (!file) throw new Error(`${STATE_ENV} is not set: run these tests with npm run test:e2e (jest -c test/e2e/jest.config.js)`);
	return JSON.parse(fs.readFileSync(file, 'utf8')) as E2eState;
}
