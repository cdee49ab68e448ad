import {
	applicationAfterUpdate,
	applicationOutput,
	applicationRequestBody,
	buildCreateApplication,
	buildDeleteApplication,
	buildGetApplication,
	buildListApplications,
	buildUpdateApplication,
	changedDetails,
	findMatchingApplication,
	infobipWebhookUrl,
	maskSecret,
	parseApplication,
	parseApplicationList,
	redactSecrets,
} from '../../../../../nodes/shared/providers/infobip/applications';
import { InputValidationError } from '../../../../../nodes/shared/model/setup-input';

// Seed 001's example request and response.
const SEED_TOKEN = 'EAAXggzrE7uYBAM38UXko5vWxi98mZCgH2klIHSwd';
const SEED_SECRET = 'cf074b2e96390b3600031c751d9bf590';
const SEED_RESPONSE = {
	key: '0F3C3F29829FAB88714BA205BEC6D28F',
	facebook: {
		page: { accessToken: SEED_TOKEN },
		application: {
			id: 1654219114885622,
			secret: SEED_SECRET,
			name: 'My application name',
			imageUrl: 'https://scontent.xx.fbcdn.net/t39...0696#_n.png',
		},
	},
};
const details = { pageAccessToken: SEED_TOKEN, appId: '1654219114885622', appSecret: SEED_SECRET };
const credentials = { baseUrl: 'https://xyz.api.infobip.com/', authType: 'apiKey', apiKey: 'k' };

describe('Infobip application requests (seed 001)', () => {
	it('builds the create body exactly as the seed shows it, the App ID a JSON number', () => {
		expect(JSON.parse(applicationRequestBody(details))).toEqual({
			facebook: { page: { accessToken: SEED_TOKEN }, application: { id: 1654219114885622, secret: SEED_SECRET } },
		});
	});

	it('keeps every digit of an App ID beyond 2^53', () => {
		const body = applicationRequestBody({ ...details, appId: '98765432109876543210' });
		expect(body).toContain('"id":98765432109876543210,');
	});

	it('escapes tokens as JSON strings', () => {
		const body = applicationRequestBody({ ...details, pageAccessToken: 'a"b\\c' });
		expect(JSON.parse(body).facebook.page.accessToken).toBe('a"b\\c');
	});

	it.each([
		[{ ...details, pageAccessToken: ' ' }, 'pageAccessToken'],
		[{ ...details, appId: '' }, 'appId'],
		[{ ...details, appId: '12ab' }, 'appId'],
		[{ ...details, appSecret: '' }, 'appSecret'],
	])('refuses %j naming the field', (input, field) => {
		expect(() => applicationRequestBody(input)).toThrow(InputValidationError);
		try {
			applicationRequestBody(input);
		} catch (error) {
			expect((error as InputValidationError).field).toBe(field);
		}
	});

	it('addresses the five calls under the credential base URL', () => {
		expect(buildCreateApplication(details, credentials)).toMatchObject({
			method: 'POST',
			baseURL: 'https://xyz.api.infobip.com',
			url: '/facebook/1/applications',
		});
		expect(buildListApplications(credentials)).toMatchObject({ method: 'GET', url: '/facebook/1/applications' });
		expect(buildGetApplication('AB CD', credentials)).toMatchObject({ method: 'GET', url: '/facebook/1/applications/AB%20CD' });
		expect(buildUpdateApplication('K1', details, credentials)).toMatchObject({ method: 'PUT', url: '/facebook/1/applications/K1' });
		expect(buildDeleteApplication('K1', credentials)).toMatchObject({ method: 'DELETE', url: '/facebook/1/applications/K1' });
		expect(() => buildGetApplication('  ', credentials)).toThrow('application key is empty');
	});
});

describe('Infobip application responses', () => {
	it('reads the seed response', () => {
		expect(parseApplication(SEED_RESPONSE)).toEqual({
			key: SEED_RESPONSE.key,
			pageAccessToken: SEED_TOKEN,
			appId: '1654219114885622',
			appSecret: SEED_SECRET,
			name: 'My application name',
			imageUrl: SEED_RESPONSE.facebook.application.imageUrl,
		});
	});

	it('reads a list wrapped in {applications}, a bare array, or a text body', () => {
		expect(parseApplicationList({ applications: [SEED_RESPONSE] })).toHaveLength(1);
		expect(parseApplicationList([SEED_RESPONSE, { nokey: true }])).toHaveLength(1);
		expect(parseApplicationList(JSON.stringify({ applications: [SEED_RESPONSE] }))[0].key).toBe(SEED_RESPONSE.key);
		expect(parseApplicationList('not json')).toEqual([]);
	});

	it('outputs the application with its secrets masked and the webhook spelled out', () => {
		const output = applicationOutput(parseApplication(SEED_RESPONSE), credentials);
		expect(output).toEqual({
			key: SEED_RESPONSE.key,
			name: 'My application name',
			imageUrl: SEED_RESPONSE.facebook.application.imageUrl,
			facebookAppId: '1654219114885622',
			pageAccessToken: '****HSwd',
			appSecret: '****f590',
			webhookUrl: 'https://xyz.api.infobip.com/facebook/1/applications/0F3C3F29829FAB88714BA205BEC6D28F/webhook',
		});
		expect(JSON.stringify(output)).not.toContain(SEED_SECRET);
		expect(JSON.stringify(output)).not.toContain(SEED_TOKEN);
	});

	it('masks short values entirely', () => {
		expect(maskSecret('')).toBe('');
		expect(maskSecret('short-secret')).toBe('****');
		expect(maskSecret('a-much-longer-secret')).toBe('****cret');
	});

	it('builds the webhook URL of seed 001', () => {
		expect(infobipWebhookUrl({ baseUrl: 'https://api.infobip.com' }, 'KEY')).toBe(
			'https://api.infobip.com/facebook/1/applications/KEY/webhook',
		);
	});

	it('redacts secrets anywhere in a value', () => {
		expect(redactSecrets({ a: [`x ${SEED_SECRET} y`], b: 3 }, [SEED_SECRET, ''])).toEqual({ a: ['x ****f590 y'], b: 3 });
	});
});

describe('idempotent create and update', () => {
	const existing = parseApplication(SEED_RESPONSE);

	it('finds the application of the same app and page token', () => {
		expect(findMatchingApplication([existing], details)).toBe(existing);
		expect(findMatchingApplication([existing], { ...details, pageAccessToken: 'EAAother-page-token' })).toBeUndefined();
		expect(findMatchingApplication([existing], { ...details, appId: '1' })).toBeUndefined();
	});

	it('describes the application after an update from the answer, or from what was sent when the answer is empty', () => {
		const sent = { ...details, pageAccessToken: 'EAArotated' };
		expect(applicationAfterUpdate(existing, sent, '')).toEqual({ ...existing, pageAccessToken: 'EAArotated' });
		const answer = { ...SEED_RESPONSE, facebook: { ...SEED_RESPONSE.facebook, page: { accessToken: 'EAArotated' } } };
		expect(applicationAfterUpdate(existing, sent, answer)).toEqual({ ...existing, pageAccessToken: 'EAArotated' });
	});

	it('names the fields that differ, never their values', () => {
		expect(changedDetails(existing, details)).toEqual([]);
		expect(changedDetails(existing, { ...details, pageAccessToken: 'EAAnew', appSecret: 'new-secret' })).toEqual([
			'pageAccessToken',
			'appSecret',
		]);
		expect(changedDetails(existing, { ...details, appId: '42' })).toEqual(['facebookAppId']);
	});
});
