import { connect } from 'node:net';

import type { WebhookServer } from '../../harness/run-webhook';
import { startWebhookServer } from '../../harness/run-webhook';
import { post, triggerWorkflow, VERIFY_TOKEN } from './helpers';

// Version 2 reads the body itself for content types n8n leaves unparsed. When the client is gone by
// then, n8n's readRawBody throws; the trigger must answer, not fail the webhook (which makes n8n
// record an errored execution and answer 500, as the scale run's fuzzing found).
describe('Messenger Trigger with a body it cannot read, through n8n-core', () => {
	let server: WebhookServer;

	beforeEach(async () => {
		const page = { pageId: '1', accessToken: 'page-token', appSecret: 'app-secret', verifyToken: VERIFY_TOKEN, graphApiVersion: 'v25.0', baseUrl: 'http://127.0.0.1:9' };
		server = await startWebhookServer(triggerWorkflow({ provider: 'meta', registerWebhook: false, events: ['text'] }), {
			credentials: { facebookPageMessengerApi: page },
		});
		await server.activate();
	});
	afterEach(async () => {
		await server.close();
	});

	async function abortMidBody(): Promise<void> {
		const url = new URL(server.url());
		await new Promise<void>((resolve) => {
			const socket = connect(Number(url.port), url.hostname, () => {
				socket.write(
					`POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/octet-stream\r\n` +
						'Content-Length: 1000\r\nX-Hub-Signature-256: sha256=00\r\n\r\n{"object":"page"',
				);
				setTimeout(() => {
					socket.destroy();
					resolve();
				}, 50);
			});
		});
	}

	it('a client that goes away mid-body starts nothing and fails nothing', async () => {
		await abortMidBody();
		for (let i = 0; i < 50 && server.webhookCalls === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(server.webhookCalls).toBe(1);
		expect(server.webhookErrors).toEqual([]);
		expect(server.runs).toHaveLength(0);
		// The server keeps answering.
		expect((await post(server.url(), '{}', { 'content-type': 'application/octet-stream' })).status).toBe(401);
	});
});
