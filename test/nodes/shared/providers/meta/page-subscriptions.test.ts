import {
	buildListPageSubscriptions,
	buildSubscribePage,
	buildUnsubscribePage,
	parsePageSubscriptions,
	planSubscription,
} from '../../../../../nodes/shared/providers/meta/page-subscriptions';
import { credentials, fieldOf } from './setup-helpers';

describe('subscribed_apps requests', () => {
	it('lists, subscribes with the fields in the query, and unsubscribes on the credential page', () => {
		const target = (options: { baseURL?: string; url?: string }) => `${options.baseURL ?? ''}${options.url ?? ''}`;
		const list = buildListPageSubscriptions(credentials);
		expect(list.method).toBe('GET');
		expect(target(list)).toBe('https://graph.facebook.com/v25.0/100/subscribed_apps');
		const subscribe = buildSubscribePage(['messages', 'messaging_postbacks'], credentials);
		expect(subscribe).toMatchObject({ method: 'POST', qs: { subscribed_fields: 'messages,messaging_postbacks' } });
		expect(target(subscribe)).toBe('https://graph.facebook.com/v25.0/100/subscribed_apps');
		const unsubscribe = buildUnsubscribePage(credentials);
		expect(unsubscribe.method).toBe('DELETE');
		expect(target(unsubscribe)).toBe('https://graph.facebook.com/v25.0/100/subscribed_apps');
		expect(fieldOf(() => buildSubscribePage([], credentials))).toBe('subscribedFields');
		expect(fieldOf(() => buildListPageSubscriptions({ ...credentials, pageId: '' }))).toBe('pageId');
	});

	it('reads the apps and their fields', () => {
		expect(
			parsePageSubscriptions({
				data: [{ id: '200', name: 'Bot', category: 'Business', link: 'https://x', subscribed_fields: ['messages'] }, 'junk'],
			}),
		).toEqual([{ appId: '200', name: 'Bot', category: 'Business', link: 'https://x', subscribedFields: ['messages'] }]);
		expect(parsePageSubscriptions({ data: [{ id: 1, subscribed_fields: 'a, b' }] })[0].subscribedFields).toEqual(['a', 'b']);
		expect(parsePageSubscriptions({})).toEqual([]);
	});

	it('plans what a subscribe changes', () => {
		expect(planSubscription(undefined, ['messages'], true)).toEqual({
			fields: ['messages'],
			added: ['messages'],
			removed: [],
			change: 'subscribed',
		});
		expect(planSubscription(['messages', 'feed'], ['messages'], true).change).toBe('unchanged');
		expect(planSubscription(['messages', 'feed'], ['messages'], false)).toEqual({
			fields: ['messages'],
			added: [],
			removed: ['feed'],
			change: 'updated',
		});
		expect(planSubscription(['messages'], ['messages', 'message_reads', 'messages'], true)).toMatchObject({
			fields: ['messages', 'message_reads'],
			added: ['message_reads'],
			change: 'updated',
		});
	});
});
