import { everythingShown, useRecorder } from '../../support/loopback';
import { infobipCredentials, pageCredentials, providerCalls, runNode } from './helpers';
import { useSandbox } from '../../support/sandbox';

// The setup calls (requestFullResponse) follow the same transport rules as the send path: no
// redirects, and no secret of the credential in any error.
describe('Messenger Application: transport safety', () => {
	const sandbox = useSandbox();
	const other = useRecorder();

	beforeEach(() => {
		sandbox.reset();
	});

	const listApplications = { resource: 'infobipApplication', operation: 'getAll', returnAll: true };
	const subscribePage = { resource: 'pageSubscription', operation: 'subscribe' };

	it('Infobip: a redirect is not followed and the API key never reaches the other host', async () => {
		sandbox.addFault({ routeId: 'infobip.applications', redirectTo: `${other.url}/steal?key=query-secret` });
		const result = await runNode(sandbox, listApplications);
		expect(other.received).toEqual([]);
		const error = result.nodeError('Node');
		expect(error?.message).toContain('HTTP 307');
		expect(everythingShown(error)).toContain(other.host);
		expect(everythingShown(error)).not.toContain('query-secret');
	});

	it('Infobip Basic: a redirect is not followed and the Basic credential never reaches the other host', async () => {
		const { infobip } = sandbox.config;
		sandbox.addFault({ routeId: 'infobip.applications', redirectTo: `${other.url}/steal` });
		const result = await runNode(sandbox, listApplications, {
			infobip: infobipCredentials(sandbox, { authType: 'basic', username: infobip.basicUser, password: infobip.basicPassword }),
		});
		expect(other.received).toEqual([]);
		expect(result.nodeError('Node')?.message).toContain('HTTP 307');
	});

	it('Graph: a redirect is not followed and the page token never reaches the other host', async () => {
		sandbox.addFault({ routeId: 'meta.subscribed_apps', redirectTo: `${other.url}/steal` });
		const result = await runNode(sandbox, subscribePage);
		expect(other.received).toEqual([]);
		expect(providerCalls(sandbox)).toHaveLength(1);
		expect(result.nodeError('Node')?.message).toContain('HTTP 307');
	});

	it('Infobip: an error echoing the API key shows it masked', async () => {
		sandbox.addFault({ routeId: 'infobip.applications', echoAuth: true });
		const result = await runNode(sandbox, listApplications);
		const error = result.nodeError('Node');
		expect(error?.message).toContain('****');
		expect(everythingShown(error)).not.toContain(sandbox.config.infobip.apiKey);
	});

	it('Graph: an error echoing the page token shows it masked', async () => {
		sandbox.addFault({ routeId: 'meta.subscribed_apps', echoAuth: true });
		const result = await runNode(sandbox, subscribePage, { page: pageCredentials(sandbox) });
		const error = result.nodeError('Node');
		expect(error?.message).toContain('****');
		expect(everythingShown(error)).not.toContain(sandbox.config.meta.pageAccessToken);
	});
});

// URLs built from user input: Infobip application keys and the Graph version are path segments.
describe('Messenger Application: path segments from input', () => {
	const sandbox = useSandbox();

	beforeEach(() => sandbox.reset());

	it.each(['get', 'delete'])('%s with an application key of ".." is refused naming the field, nothing sent', async (operation) => {
		const result = await runNode(sandbox, {
			resource: 'infobipApplication',
			operation,
			applicationKey: { __rl: true, mode: 'id', value: '..' },
		});
		expect(providerCalls(sandbox)).toEqual([]);
		expect(result.nodeError('Node')?.message).toMatch(/application key/i);
	});

	it('a Graph version with a path in it is refused, nothing sent', async () => {
		const result = await runNode(sandbox, { resource: 'pageSubscription', operation: 'subscribe' }, {
			page: pageCredentials(sandbox, { graphApiVersion: 'v25.0/../../me/feed?x=' }),
		});
		expect(providerCalls(sandbox)).toEqual([]);
		expect(result.nodeError('Node')?.message).toMatch(/Graph API Version .*v<major>\.<minor>/);
	});
});
