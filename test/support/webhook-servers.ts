import type { WebhookServer } from '../harness/run-webhook';

/** The webhook servers a test starts (push each one): all closed after every test of the calling block. */
export function useWebhookServers(): WebhookServer[] {
	const servers: WebhookServer[] = [];
	afterEach(async () => {
		await Promise.all(servers.splice(0).map((server) => server.close()));
	});
	return servers;
}
