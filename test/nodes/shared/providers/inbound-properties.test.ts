// One property every provider's inbound parser keeps, checked for every row of the registry (a new
// provider is covered without a new test): whatever JSON arrives, the parser answers a typed format
// error or well-formed events, and never throws.
import fc from 'fast-check';

import { InboundFormatError } from '../../../../nodes/shared/model/event';
import { INBOUND_PARSERS, PROVIDER_NAMES } from '../../../../nodes/shared/providers';
import { eventShapeViolation } from '../event-assertions';

describe.each(PROVIDER_NAMES)('%s inbound parser', (provider) => {
	it('never throws on any JSON value: a typed error or well-formed events', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const result = INBOUND_PARSERS[provider].parse(value);
				if (!result.ok) return result.error instanceof InboundFormatError;
				return result.events.every((event) => eventShapeViolation(event) === undefined);
			}),
			{ numRuns: 500 },
		);
	});
});
