import { readFileSync } from 'node:fs';
import path from 'node:path';

import { infobipModuleOf } from '../../../sandbox/infobip';
import { runWorkflow, type WorkflowJson } from '../../harness/run-workflow';
import { calls, infobipCredentials, pageCredentials } from './helpers';
import { useSandbox } from '../../support/sandbox';

// The README's "Set up a page" tells a new user to import one workflow. This runs
// that exact JSON, as the user would import it, against the sandbox: twice, to prove the second run
// changes nothing.
function documentedWorkflow(): WorkflowJson {
	const doc = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
	const marker = doc.indexOf('<!-- setup-workflow');
	const block = /```json\n([\s\S]*?)\n```/.exec(doc.slice(marker));
	if (marker < 0 || !block) throw new Error('README.md has no setup workflow block');
	return JSON.parse(block[1]) as WorkflowJson;
}

describe('the "Set up a page" workflow of the README', () => {
	const sandbox = useSandbox();


	const run = async () =>
		await runWorkflow(documentedWorkflow(), {
			credentials: { infobipMessengerApi: infobipCredentials(sandbox), facebookPageMessengerApi: pageCredentials(sandbox) },
		});

	it('creates the Infobip application, subscribes the page and sets the profile; a second run changes nothing', async () => {
		const first = await run();
		expect(first.executionOrder).toEqual(['Run once', 'Create Infobip application', 'Subscribe the page', 'Set the Messenger profile']);
		const [app] = first.output('Create Infobip application');
		expect(app.json).toMatchObject({ change: 'created', webhookUrl: expect.stringContaining('/facebook/1/applications/') });
		expect(infobipModuleOf(sandbox).applications.has(String(app.json.key))).toBe(true);
		expect(first.output('Subscribe the page')[0].json).toMatchObject({ change: 'subscribed' });
		expect(first.output('Set the Messenger profile')[0].json).toMatchObject({
			change: 'updated',
			changed: ['get_started', 'greeting', 'persistent_menu', 'ice_breakers', 'whitelisted_domains'],
		});

		sandbox.clearLog();
		const second = await run();
		expect(second.output('Create Infobip application')[0].json).toMatchObject({ key: app.json.key, change: 'unchanged' });
		expect(second.output('Subscribe the page')[0].json).toMatchObject({ change: 'unchanged' });
		expect(second.output('Set the Messenger profile')[0].json).toMatchObject({ change: 'unchanged' });
		expect(calls(sandbox).every((call) => call.startsWith('GET '))).toBe(true);
		expect(JSON.stringify([first.run, second.run])).not.toContain(sandbox.config.meta.appSecret);
	});
});
