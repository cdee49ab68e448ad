import fc from 'fast-check';

import { getInboundParser, INBOUND_PARSERS, isInboundFormat } from '../../../../nodes/shared/providers';
import { cmBody, infobipBody, infobipResult, metaBody, metaEvent } from '../inbound-fixtures';

describe('inbound parser registry', () => {
	it('has one parser per provider, each accepting its own format and refusing the others', () => {
		const bodies = { meta: metaBody([metaEvent('text')]), infobip: infobipBody([infobipResult('text')]), cm: cmBody('text') };
		for (const format of Object.keys(INBOUND_PARSERS)) {
			if (!isInboundFormat(format)) throw new Error(format);
			for (const [bodyFormat, body] of Object.entries(bodies)) {
				const result = getInboundParser(format).parse(body);
				expect({ format, bodyFormat, ok: result.ok }).toEqual({ format, bodyFormat, ok: format === bodyFormat });
				if (result.ok) expect(result.events[0].provider).toBe(format);
			}
		}
	});

	it('refuses unknown format names, including inherited object keys', () => {
		expect(isInboundFormat('toString')).toBe(false);
		expect(() => getInboundParser('smoke-signals')).toThrow(/Unknown inbound format/);
	});

	it('property: every parser answers any JSON value without throwing', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) =>
				Object.values(INBOUND_PARSERS).every((parser) => typeof parser.parse(value).ok === 'boolean'),
			),
			{ numRuns: 300 },
		);
	});
});
