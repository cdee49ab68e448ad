import { signMetaBody } from '../../../sandbox';
import { WEBHOOK_SECRETS_TTL_MS } from '../../../nodes/MessengerTrigger/secret-cache';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import type { WebhookServer } from '../../harness/run-webhook';
import { startWebhookServer } from '../../harness/run-webhook';
import { metaBody, metaEvent } from '../shared/inbound-fixtures';
import { post, triggerWorkflow, VERIFY_TOKEN } from './helpers';

// How often the trigger reads its credential: once per burst, and an edit shows within the TTL.
describe('Messenger Trigger credential reads, through n8n-core', () => {
	let server: WebhookServer;
	const page = { pageId: '1', accessToken: 'page-token', appSecret: 'old-secret', verifyToken: VERIFY_TOKEN, graphApiVersion: 'v25.0', baseUrl: 'http://127.0.0.1:9' };
	// A new message each time: the trigger drops a message it has already run for.
	let sent = 0;
	const deliver = (secret: string) => {
		const body = JSON.stringify(metaBody([metaEvent('text', ++sent)]));
		return post(server.url(), body, { 'x-hub-signature-256': signMetaBody(body, secret) });
	};

	beforeEach(async () => {
		page.appSecret = 'old-secret';
		server = await startWebhookServer(triggerWorkflow({ provider: 'meta', registerWebhook: false, events: ['text'] }), {
			credentials: { facebookPageMessengerApi: page },
		});
		await server.activate();
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await server.close();
	});

	it('reads the credential once for a burst of deliveries', async () => {
		const reads = jest.spyOn(TestCredentialsHelper.prototype, 'getDecrypted');
		const answers = await Promise.all(Array.from({ length: 20 }, () => deliver('old-secret')));
		expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
		expect(server.runs).toHaveLength(20);
		expect(reads.mock.calls.filter(([, , type]) => type === 'facebookPageMessengerApi')).toHaveLength(1);
	});

	it('checks signatures with an edited app secret once the TTL has passed', async () => {
		expect((await deliver('old-secret')).status).toBe(200);
		page.appSecret = 'new-secret';
		// Within the TTL the secret read a moment ago still applies.
		expect((await deliver('new-secret')).status).toBe(403);

		// The cache ages entries on the monotonic clock.
		const now = performance.now();
		jest.spyOn(performance, 'now').mockReturnValue(now + WEBHOOK_SECRETS_TTL_MS);
		expect((await deliver('old-secret')).status).toBe(403);
		expect((await deliver('new-secret')).status).toBe(200);
		expect(server.runs).toHaveLength(2);
	});
});
