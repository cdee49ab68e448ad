import { createHmac } from 'node:crypto';
import type { NodeApiError } from 'n8n-workflow';

import { BOT_SUBSCRIBED_FIELDS } from '../../../nodes/shared/providers/meta/webhook-fields';
import { calls, jsonOf, pageCredentials, providerCalls, runNode } from './helpers';
import { useSandbox } from '../../support/sandbox';

// The page side of the webhook: `/{page-id}/subscribed_apps` with the page token.
describe('Messenger Application: page subscription', () => {
	const sandbox = useSandbox();

	beforeEach(() => sandbox.reset());

	const subscribe = (extra: Record<string, unknown> = {}) => ({ resource: 'pageSubscription', operation: 'subscribe', ...extra });
	const path = () => `/v25.0/${sandbox.config.meta.pageId}/subscribed_apps`;

	it('subscribes the app with the fields a bot needs pre-selected, token and appsecret_proof from the credential', async () => {
		const { meta } = sandbox.config;
		const result = await runNode(sandbox, subscribe());
		expect(calls(sandbox)).toEqual([`GET ${path()}`, `POST ${path()}`]);
		const post = providerCalls(sandbox)[1];
		expect(post.query.subscribed_fields).toBe(BOT_SUBSCRIBED_FIELDS.join(','));
		expect(post.headers.authorization).toBe(`Bearer ${meta.pageAccessToken}`);
		expect(post.query.appsecret_proof).toBe(createHmac('sha256', meta.appSecret).update(meta.pageAccessToken).digest('hex'));
		expect(post.response).toEqual({ success: true });
		expect(jsonOf(result)).toEqual([
			{
				pageId: meta.pageId,
				appId: meta.appId,
				subscribedFields: [...BOT_SUBSCRIBED_FIELDS],
				added: [...BOT_SUBSCRIBED_FIELDS],
				removed: [],
				change: 'subscribed',
				message: expect.stringContaining(`Subscribed app ${meta.appId} to page ${meta.pageId}`),
			},
		]);
		expect(result.output('Node')[0].pairedItem).toEqual({ item: 0 });
		expect(JSON.stringify(result.run)).not.toContain(meta.pageAccessToken);
	});

	it('is idempotent: subscribing again with the same fields sends no POST', async () => {
		await runNode(sandbox, subscribe());
		sandbox.clearLog();
		const [output] = jsonOf(await runNode(sandbox, subscribe()));
		expect(calls(sandbox)).toEqual([`GET ${path()}`]);
		expect(output).toMatchObject({ change: 'unchanged', added: [], removed: [] });
	});

	it('adds fields to those already subscribed, or replaces them when asked', async () => {
		await runNode(sandbox, subscribe({ subscribedFields: ['messages'] }));
		const [added] = jsonOf(await runNode(sandbox, subscribe({ subscribedFields: ['message_reads'] })));
		expect(added).toMatchObject({ change: 'updated', subscribedFields: ['messages', 'message_reads'], added: ['message_reads'], removed: [] });
		expect(providerCalls(sandbox).at(-1)?.query.subscribed_fields).toBe('messages,message_reads');

		const [replaced] = jsonOf(await runNode(sandbox, subscribe({ subscribedFields: ['feed'], keepExisting: false })));
		expect(replaced).toMatchObject({ change: 'updated', subscribedFields: ['feed'], added: ['feed'], removed: ['messages', 'message_reads'] });
	});

	it('lists the page\'s subscribed apps, marking the credential\'s app', async () => {
		await runNode(sandbox, subscribe({ subscribedFields: ['messages'] }));
		const items = jsonOf(await runNode(sandbox, { resource: 'pageSubscription', operation: 'getAll' }));
		expect(items).toEqual([
			{
				pageId: sandbox.config.meta.pageId,
				appId: sandbox.config.meta.appId,
				name: expect.any(String),
				category: expect.any(String),
				link: expect.any(String),
				subscribedFields: ['messages'],
				isCredentialApp: true,
			},
		]);
	});

	it('unsubscribes, and unsubscribing again changes nothing and sends no DELETE', async () => {
		await runNode(sandbox, subscribe({ subscribedFields: ['messages'] }));
		sandbox.clearLog();
		const [first] = jsonOf(await runNode(sandbox, { resource: 'pageSubscription', operation: 'unsubscribe' }));
		expect(calls(sandbox)).toEqual([`GET ${path()}`, `DELETE ${path()}`]);
		expect(first).toMatchObject({ change: 'unsubscribed', removedFields: ['messages'] });
		sandbox.clearLog();
		const [second] = jsonOf(await runNode(sandbox, { resource: 'pageSubscription', operation: 'unsubscribe' }));
		expect(calls(sandbox)).toEqual([`GET ${path()}`]);
		expect(second).toMatchObject({ change: 'unchanged', removedFields: [] });
	});

	it('without an App ID in the credential, subscribes and says it cannot tell what changed', async () => {
		const [output] = jsonOf(await runNode(sandbox, subscribe({ subscribedFields: ['messages'] }), { page: pageCredentials(sandbox, { appId: '' }) }));
		expect(calls(sandbox)).toEqual([`POST ${path()}`]);
		expect(output).toMatchObject({ change: 'applied', message: expect.stringMatching(/Set the App ID/) });
	});

	it('turns Graph 190 (invalid or expired token) into a NodeApiError with Graph\'s message and a hint, token absent', async () => {
		const expired = 'EAAexpiredPageToken0000';
		const result = await runNode(sandbox, subscribe(), { page: pageCredentials(sandbox, { accessToken: expired, appSecret: '' }) });
		const error = result.nodeError('Node') as NodeApiError;
		expect(error.name).toBe('NodeApiError');
		const logged = providerCalls(sandbox).at(-1);
		const graph = (logged?.response as { error: { message: string; code: number } }).error;
		expect(graph.code).toBe(190);
		expect(error.message).toBe(`Meta Graph API: ${graph.message}`);
		expect(error.description).toMatch(/invalid or expired/);
		expect(error.description).toMatch(/error code: 190/);
		expect(JSON.stringify(result.run)).not.toContain(expired);
	});
});
