import { FacebookPageMessengerApi } from '../../../../../../credentials/FacebookPageMessengerApi.credentials';
import { buildMetaRequest } from '../../../../../../nodes/shared/providers/meta/build';
import { DEFAULT_GRAPH_API_VERSION, graphVersionOf } from '../../../../../../nodes/shared/providers/meta/graph/base-url';
import { buildListPageSubscriptions } from '../../../../../../nodes/shared/providers/meta/page-subscriptions';
import { subscriptionTarget } from '../../../../../../nodes/shared/providers/meta/webhook-registration';

describe('the Graph API version', () => {
	it('is v26.0 by default, in the one constant and in the credential', () => {
		expect(DEFAULT_GRAPH_API_VERSION).toBe('v26.0');
		const field = new FacebookPageMessengerApi().properties.find((property) => property.name === 'graphApiVersion');
		expect(field?.default).toBe(DEFAULT_GRAPH_API_VERSION);
		expect(field?.description).toMatch(/v26\.0 is current/);
	});

	it('comes from the credential, and from the constant when the credential has none', () => {
		expect(graphVersionOf({ graphApiVersion: 'v24.0' })).toBe('v24.0');
		expect(graphVersionOf({})).toBe('v26.0');
		expect(graphVersionOf({ graphApiVersion: '  ' })).toBe('v26.0');
	});

	it('send, page setup and webhook subscriptions all use it', () => {
		const credentials = { baseUrl: 'https://graph.facebook.com', pageId: '100', appId: '200', appSecret: 'S', verifyToken: 'V' };
		const send = buildMetaRequest({ sender: '100', recipient: { kind: 'psid', id: '300' }, message: { type: 'text', text: 'x' } }, credentials);
		expect(send.baseURL).toBe('https://graph.facebook.com/v26.0');
		expect(subscriptionTarget(credentials, 'https://n8n.example/webhook', ['messages']).graphUrl).toBe('https://graph.facebook.com/v26.0');
		expect(buildListPageSubscriptions(credentials).url).toBe('https://graph.facebook.com/v26.0/100/subscribed_apps');
	});
});
