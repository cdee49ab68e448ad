import { readFileSync } from 'node:fs';
import path from 'node:path';

import { OPERATION_LABELS } from '../../../../nodes/shared/model/capabilities';
import type { OperationName, ProviderName } from '../../../../nodes/shared/model/message';
import { MESSENGER_CAPABILITIES, PROVIDER_LABELS, PROVIDER_NAMES, PROVIDERS } from '../../../../nodes/shared/providers';
import { request, sampleMessage } from '../fixtures';

const ROOT = path.resolve(__dirname, '../../../..');
const PROVIDER_ORDER: readonly ProviderName[] = PROVIDER_NAMES;
const credentials = { baseUrl: 'https://example.com', graphApiVersion: 'v25.0', pageId: 'P', defaultSender: 'S' };

describe('the capability table', () => {
	it('agrees with the adapters: every supported operation builds, every other one is refused', () => {
		for (const provider of PROVIDER_ORDER) {
			for (const operation of Object.keys(OPERATION_LABELS) as OperationName[]) {
				const build = () => PROVIDERS[provider].send.buildSendRequest(request(sampleMessage(operation)), credentials);
				if (MESSENGER_CAPABILITIES[provider].operations.includes(operation)) expect(build).not.toThrow();
				else expect(build).toThrow(/capability table/);
			}
		}
	});

	it('is the one the documentation shows', () => {
		const text = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		const table = text.slice(text.indexOf('<!-- capability-table:start -->'), text.indexOf('<!-- capability-table:end -->'));
		const rows = table.split('\n').filter((line) => line.startsWith('| Send'));
		const header = table.split('\n').find((line) => line.startsWith('| Operation'));
		expect(header).toBe(`| Operation | ${PROVIDER_ORDER.map((p) => PROVIDER_LABELS[p]).join(' | ')} |`);
		const expected = (Object.keys(OPERATION_LABELS) as OperationName[]).map(
			(op) => `| ${OPERATION_LABELS[op]} | ${PROVIDER_ORDER.map((p) => (MESSENGER_CAPABILITIES[p].operations.includes(op) ? '✓' : '–')).join(' | ')} |`,
		);
		expect(rows).toEqual(expected);
	});
});
