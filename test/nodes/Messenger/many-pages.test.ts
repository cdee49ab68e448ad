// One credential, many pages, through n8n-core against the sandbox: a system-user Facebook Page
// credential sends each item as the page its Page option names, with that page's own token (read from
// the system user's token, kept, and read again once when Graph says it expired), and a page whose
// token cannot be had fails only its own items, naming the page.
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { senderTokenCache } from '../../../nodes/shared/sender-auth';
import { useLogCapture } from '../../harness/log-capture';
import { systemUserCredentials } from '../../support/credentials';
import { expirePageToken, revokePage } from '../../support/meta-pages';
import { useSandbox } from '../../support/sandbox';
import { send, type SendOutcome } from './helpers';


/** Every token the sandbox's Meta side knows, handed out or not, and the app secret. */
function metaSecrets(sandbox: Sandbox, extra: string[] = []): string[] {
	const { meta } = sandbox.config;
	return [meta.pageAccessToken, ...(meta.additionalPages ?? []).map((page) => page.accessToken), meta.systemUser?.accessToken ?? '', meta.appSecret, ...extra].filter(Boolean);
}

const proofOf = (sandbox: Sandbox, token: string) => createHmac('sha256', sandbox.config.meta.appSecret).update(token).digest('hex');

describe('Messenger node: one system-user credential answering from many pages', () => {
	const sandbox = useSandbox();
	const logs = useLogCapture();
	let first: string;
	let shop: string;
	let alice: string;

	beforeAll(() => {
		first = sandbox.config.meta.pageId;
		shop = sandbox.config.meta.additionalPages?.[0]?.id ?? '';
		alice = sandbox.config.users[0].psid;
	});
	beforeEach(() => {
		sandbox.reset();
		senderTokenCache.clear();
	});

	/** One text per input item, from the page its `pageId` names. */
	async function sendPerPage(pageIds: string[], continueOnFail = false): Promise<SendOutcome> {
		return await send(
			sandbox,
			'meta',
			{ operation: 'text', recipient: alice, text: '=Hi from {{ $json.pageId }}', options: { sender: '={{ $json.pageId }}' } },
			{ input: pageIds.map((pageId): IDataObject => ({ pageId })), continueOnFail, credentials: systemUserCredentials(sandbox) },
		);
	}

	const tokenReads = () => sandbox.log.filter((entry) => entry.method === 'GET' && entry.query.fields?.includes('access_token'));

	it("sends each item as its page, with that page's token and that token's appsecret_proof; one token read per page", async () => {
		const outcome = await sendPerPage([first, shop, shop, first]);
		expect(outcome.error).toBeUndefined();
		expect(outcome.sent.map((entry) => entry.path)).toEqual([`/v25.0/${first}/messages`, `/v25.0/${shop}/messages`, `/v25.0/${shop}/messages`, `/v25.0/${first}/messages`]);
		const tokens: Record<string, string> = { [first]: sandbox.config.meta.pageAccessToken, [shop]: sandbox.config.meta.additionalPages?.[0]?.accessToken ?? '' };
		for (const entry of outcome.sent) {
			const page = entry.path.split('/')[2];
			expect(entry.headers.authorization).toBe(`Bearer ${tokens[page]}`);
			expect(entry.query.appsecret_proof).toBe(proofOf(sandbox, tokens[page]));
			expect(entry.query.access_token).toBeUndefined();
		}
		expect(sandbox.delivered.map((message) => message.pageId)).toEqual([first, shop, shop, first]);
		expect(sandbox.delivered.map((message) => JSON.stringify(message.message))).toEqual([first, shop, shop, first].map((page) => JSON.stringify({ text: `Hi from ${page}` })));
		// Fetched with the system user's token and its own proof, once per page.
		expect(tokenReads().map((entry) => entry.path).sort()).toEqual([`/v25.0/${first}`, `/v25.0/${shop}`]);
		const systemToken = sandbox.config.meta.systemUser?.accessToken ?? '';
		for (const read of tokenReads()) {
			expect(read.headers.authorization).toBe(`Bearer ${systemToken}`);
			expect(read.query.appsecret_proof).toBe(proofOf(sandbox, systemToken));
		}

		// A second run reuses the kept tokens.
		sandbox.clearLog();
		expect((await sendPerPage([shop])).error).toBeUndefined();
		expect(tokenReads()).toHaveLength(0);
	});

	it('a token that expired since it was kept is read again once and the message goes out once', async () => {
		expect((await sendPerPage([shop])).error).toBeUndefined();
		expect(await expirePageToken(sandbox, shop)).toBe(200);
		sandbox.clearLog();
		const before = sandbox.delivered.length;

		const outcome = await sendPerPage([shop]);
		expect(outcome.error).toBeUndefined();
		expect(outcome.sent.map((entry) => entry.status)).toEqual([400, 200]);
		expect((outcome.sent[0].response as { error: { code: number; error_subcode: number } }).error).toMatchObject({ code: 190, error_subcode: 463 });
		expect(tokenReads()).toHaveLength(1);
		expect(sandbox.delivered.length - before).toBe(1);
		expect(outcome.sent[1].headers.authorization).not.toBe(outcome.sent[0].headers.authorization);
	});

	it('a page taken from the system user fails only its own items, naming the page (Continue On Fail)', async () => {
		expect(await revokePage(sandbox, shop)).toBe(200);
		const outcome = await sendPerPage([first, shop, first, shop], true);
		expect(outcome.error).toBeUndefined();
		const json = outcome.items.map((item) => item.json);
		expect(json.map((item) => item.delivery)).toEqual(['delivered', 'failed', 'delivered', 'failed']);
		for (const failed of [json[1], json[3]]) {
			expect(failed.error).toContain(`could not get the access token of page ${shop}`);
			expect(failed.description).toContain('System users');
		}
		expect(sandbox.delivered.map((message) => message.pageId)).toEqual([first, first]);
		// One token read for the revoked page, whatever the number of its items.
		expect(tokenReads().filter((entry) => entry.path.endsWith(shop))).toHaveLength(1);
	});

	it('without Continue On Fail the node stops before sending anything, and the error names the page', async () => {
		expect(await revokePage(sandbox, shop)).toBe(200);
		const outcome = await sendPerPage([first, shop]);
		expect(outcome.error?.message).toContain(`page ${shop}`);
		expect((outcome.error as { description?: string }).description).toContain('Not sent: item 0');
		expect(sandbox.delivered).toHaveLength(0);
	});

	it('a page token revoked after it was kept fails that page\'s send with Graph\'s permission error naming the page', async () => {
		expect((await sendPerPage([shop])).error).toBeUndefined();
		expect(await revokePage(sandbox, shop)).toBe(200);
		const outcome = await sendPerPage([first, shop], true);
		const json = outcome.items.map((item) => item.json);
		expect(json[0].delivery).toBe('delivered');
		expect(json[1].delivery).toBe('failed');
		expect(json[1].error).toContain(`sending as page ${shop}`);
	});

	it('no token appears in any output, error or log line', async () => {
		await sendPerPage([first, shop]);
		await expirePageToken(sandbox, shop);
		await sendPerPage([shop]);
		await revokePage(sandbox, shop);
		senderTokenCache.clear();
		const failed = await sendPerPage([first, shop], true);
		const stopped = await sendPerPage([shop]);
		const handedOut = sandbox.log.flatMap((entry) => {
			const token = (entry.response as { access_token?: unknown } | undefined)?.access_token;
			return typeof token === 'string' ? [token] : [];
		});
		expect(handedOut.length).toBeGreaterThan(0);
		const seen = JSON.stringify([failed.items, stopped.error?.message, (stopped.error as { description?: string }).description, logs.lines]);
		for (const secret of metaSecrets(sandbox, handedOut)) expect(seen).not.toContain(secret);
	});

	it('a credential field that cannot be used is named as such, not reported as Graph being out of reach', async () => {
		const outcome = await send(
			sandbox,
			'meta',
			{ operation: 'text', recipient: alice, text: 'Hi' },
			{ credentials: systemUserCredentials(sandbox, { graphApiVersion: 'v25' }) },
		);
		expect(outcome.error?.message).toBe('The Graph API Version must look like v25.0 (v<major>.<minor>); got "v25"');
		expect((outcome.error as { description?: string }).description).toContain('Field: graphApiVersion');
		expect(sandbox.log).toHaveLength(0);
	});

	it('a page-token credential keeps sending with its own token, as before', async () => {
		const outcome = await send(sandbox, 'meta', { operation: 'text', recipient: alice, text: 'Hi' });
		expect(outcome.error).toBeUndefined();
		expect(outcome.sent[0].headers.authorization).toBe(`Bearer ${sandbox.config.meta.pageAccessToken}`);
		expect(tokenReads()).toHaveLength(0);
	});
});
