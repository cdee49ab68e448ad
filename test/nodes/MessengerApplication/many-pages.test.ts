// Setting up many pages with one system-user credential, through n8n-core against the sandbox: Get
// Managed Pages lists what the token manages, Subscribe Many Pages subscribes each page with its own
// token, a second run changes nothing and says so per page, and a page that fails is reported by its
// ID while the others go on.
import type { Sandbox } from '../../../sandbox';
import { senderTokenCache } from '../../../nodes/shared/sender-auth';
import { systemUserCredentials } from '../../support/credentials';
import { pageStates, revokePage } from '../../support/meta-pages';
import { useSandbox } from '../../support/sandbox';
import { calls, jsonOf, runNode } from './helpers';

const BOT_FIELDS = ['messages', 'messaging_postbacks'];

async function revoke(sandbox: Sandbox, pageId: string): Promise<void> {
	expect(await revokePage(sandbox, pageId)).toBe(200);
}

describe('Messenger Application: many pages with a system-user credential', () => {
	const sandbox = useSandbox();
	let first: string;
	let shop: string;

	beforeAll(() => {
		first = sandbox.config.meta.pageId;
		shop = sandbox.config.meta.additionalPages?.[0]?.id ?? '';
	});
	beforeEach(() => {
		sandbox.reset();
		senderTokenCache.clear();
	});

	const subscribeMany = async (more: Record<string, unknown> = {}, continueOnFail = false) =>
		await runNode(
			sandbox,
			{ resource: 'pageSubscription', operation: 'subscribeMany', subscribedFields: BOT_FIELDS, ...more },
			{ page: systemUserCredentials(sandbox), continueOnFail },
		);

	it('Get Managed Pages lists every page the token manages, without their tokens', async () => {
		const pages = jsonOf(await runNode(sandbox, { resource: 'pageSubscription', operation: 'getManagedPages' }, { page: systemUserCredentials(sandbox) }));
		expect(pages.map((page) => [page.pageId, page.isCredentialPage])).toEqual([
			[first, true],
			[shop, false],
		]);
		expect(pages[1].name).toBe(sandbox.config.meta.additionalPages?.[0]?.name);
		expect(JSON.stringify(pages)).not.toMatch(/access_token|EAA/);
	});

	it('Get Managed Pages follows the cursor across requests', async () => {
		const more = Array.from({ length: 120 }, (_, index) => ({ id: String(100000000001000 + index), name: `Page ${index}`, accessToken: `EAAmore${index}` }));
		sandbox.config.meta.additionalPages = [...(sandbox.config.meta.additionalPages ?? []), ...more];
		const pages = jsonOf(await runNode(sandbox, { resource: 'pageSubscription', operation: 'getManagedPages' }, { page: systemUserCredentials(sandbox) }));
		expect(pages).toHaveLength(122);
		expect(new Set(pages.map((page) => page.pageId)).size).toBe(122);
		expect(calls(sandbox).filter((call) => call.endsWith('/me/accounts'))).toHaveLength(2);
	});

	it('Subscribe Many Pages subscribes every page with its own token; a second run changes nothing and says so per page', async () => {
		const once = jsonOf(await subscribeMany());
		expect(once.map((item) => [item.pageId, item.changed, item.change])).toEqual([
			[first, true, 'subscribed'],
			[shop, true, 'subscribed'],
		]);
		const subscribed = Object.fromEntries((await pageStates(sandbox)).map((page) => [page.id, page.subscribedFields]));
		expect(subscribed[first]).toEqual(expect.arrayContaining(BOT_FIELDS));
		expect(subscribed[shop]).toEqual(expect.arrayContaining(BOT_FIELDS));
		const posts = sandbox.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/subscribed_apps'));
		const tokens: Record<string, string> = { [first]: sandbox.config.meta.pageAccessToken, [shop]: sandbox.config.meta.additionalPages?.[0]?.accessToken ?? '' };
		for (const post of posts) expect(post.headers.authorization).toBe(`Bearer ${tokens[post.path.split('/')[2]]}`);

		sandbox.clearLog();
		const again = jsonOf(await subscribeMany());
		expect(again.map((item) => [item.pageId, item.changed, item.change])).toEqual([
			[first, false, 'unchanged'],
			[shop, false, 'unchanged'],
		]);
		expect(again[0].message).toContain('nothing was sent');
		expect(calls(sandbox).filter((call) => call.startsWith('POST'))).toEqual([]);
	});

	it('only the listed pages, when Pages lists some', async () => {
		const only = jsonOf(await subscribeMany({ pageIds: shop }));
		expect(only.map((item) => item.pageId)).toEqual([shop]);
		expect(calls(sandbox).some((call) => call.endsWith('/me/accounts'))).toBe(false);
	});

	it('a page the token cannot manage gets its own error item naming it; the other page is still subscribed', async () => {
		await revoke(sandbox, shop);
		const items = jsonOf(await subscribeMany({ pageIds: `${first}, ${shop}` }, true));
		expect(items[0]).toMatchObject({ pageId: first, changed: true });
		expect(items[1]).toMatchObject({ pageId: shop, changed: false });
		expect(items[1].error).toContain(`page ${shop}`);
		expect((await pageStates(sandbox)).find((page) => page.id === first)?.subscribedFields).toEqual(expect.arrayContaining(BOT_FIELDS));
	});

	it('without Continue On Fail the error names the failed page and says what was done', async () => {
		await revoke(sandbox, shop);
		const result = await subscribeMany({ pageIds: `${first}, ${shop}` });
		const error = result.nodeError('Node');
		expect(error?.message).toContain(`Could not subscribe 1 of 2 pages: page ${shop}`);
		expect((error as { description?: string }).description).toContain(`page ${first} (changed)`);
	});

	it('Subscribe Many Pages refuses a Pages list over the limit before any call, naming the option and the limit', async () => {
		const many = Array.from({ length: 1001 }, (_, index) => String(100000000001000 + index)).join(', ');
		sandbox.clearLog();
		const result = await subscribeMany({ pageIds: many });
		expect(result.nodeError('Node')?.message).toBe('Pages lists 1001 page IDs; at most 1000 are allowed');
		expect(calls(sandbox)).toEqual([]);
	});

	it('without Continue On Fail an error for many failed pages names the first few and counts the rest', async () => {
		const unknown = Array.from({ length: 30 }, (_, index) => String(100000000003000 + index));
		const result = await subscribeMany({ pageIds: [first, ...unknown].join(',') });
		const error = result.nodeError('Node');
		expect(error?.message).toMatch(/^Could not subscribe 30 of 31 pages: page 100000000003000: /);
		expect(error?.message).toContain('page 100000000003004: ');
		expect(error?.message).not.toContain('page 100000000003005');
		expect(error?.message).toContain('; and 25 more pages (Continue On Fail gives each page its own item, with its error)');
		expect((error as { description?: string }).description).toBe(`The other pages were done: page ${first} (changed).`);
	});

	it('a page-token credential is told these operations need a system user token', async () => {
		const result = await runNode(sandbox, { resource: 'pageSubscription', operation: 'getManagedPages' });
		expect(result.nodeError('Node')?.message).toContain('System User or User Token (Many Pages)');
	});

	it('User Profile reads a person of another page with that page\'s token', async () => {
		const alice = sandbox.config.users[0].psid;
		const profile = jsonOf(
			await runNode(sandbox, { resource: 'userProfile', operation: 'get', psid: alice, pageId: shop }, { page: systemUserCredentials(sandbox) }),
		);
		expect(profile[0].psid).toBe(alice);
		const read = sandbox.log.find((entry) => entry.path.endsWith(`/${alice}`));
		expect(read?.headers.authorization).toBe(`Bearer ${sandbox.config.meta.additionalPages?.[0]?.accessToken}`);
	});
});
