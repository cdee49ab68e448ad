import { sandboxCredentials, send } from './helpers';
import { useSandbox } from '../../support/sandbox';

// URLs built from user input: the Graph version and page id (credential or Sender option) become
// path segments, so a value like `..` must fail naming the field instead of reaching another endpoint.
describe('Messenger node: path segments from input', () => {
	const sandbox = useSandbox();
	let alice: string;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
	});
	beforeEach(() => sandbox.reset());

	const text = { operation: 'text', recipient: '', text: 'Hello' };

	it('a Graph version that climbs out of the path is refused, nothing sent', async () => {
		const credentials = { ...sandboxCredentials(sandbox, 'meta'), graphApiVersion: 'v25.0/../../me/feed?x=' };
		const outcome = await send(sandbox, 'meta', { ...text, recipient: alice }, { credentials });
		expect(sandbox.log).toEqual([]);
		expect(outcome.error?.message).toMatch(/Graph API Version .*v<major>\.<minor>/);
	});

	it.each(['..', '../feed', 'me'])('a Sender of %j is refused on Graph, naming the field, nothing sent', async (sender) => {
		const outcome = await send(sandbox, 'meta', { ...text, recipient: alice, options: { sender } });
		expect(sandbox.log).toEqual([]);
		// The option is called Page on Graph (descriptions/options.ts), stored as options.sender.
		expect(outcome.error?.message).toMatch(/^Options > Page must be a Facebook page ID \(digits only\)/);
		expect(outcome.items).toEqual([]);
	});

	it('a page ID of ".." in the credential is refused on Graph, nothing sent', async () => {
		const credentials = { ...sandboxCredentials(sandbox, 'meta'), pageId: '..' };
		const outcome = await send(sandbox, 'meta', { ...text, recipient: alice }, { credentials });
		expect(sandbox.log).toEqual([]);
		expect(outcome.error?.message).toMatch(/digits/);
	});
});
