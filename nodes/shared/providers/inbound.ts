// Inbound parsers by wire format. A trigger picks one with its "Format" parameter; a new provider adds
// one line here and one `inbound.ts` in its folder.
import type { InboundParseResult, MessengerEvent } from '../model/event';
import { cmEventKey, parseCmInbound } from './cm/inbound';
import { infobipEventKey, parseInfobipInbound } from './infobip/inbound';
import { metaEventKey, parseMetaWebhook } from './meta/inbound';

export type InboundFormat = 'meta' | 'infobip' | 'cm';

export interface InboundParser {
	format: InboundFormat;
	displayName: string;
	parse(body: unknown): InboundParseResult;
	/** What identifies the event when the provider delivers it again; undefined when nothing does. */
	eventKey(event: MessengerEvent): string | undefined;
}

export const INBOUND_PARSERS: Readonly<Record<InboundFormat, InboundParser>> = {
	meta: { format: 'meta', displayName: 'Meta (Graph API webhook)', parse: parseMetaWebhook, eventKey: metaEventKey },
	infobip: { format: 'infobip', displayName: 'Infobip (HTTP forward)', parse: parseInfobipInbound, eventKey: infobipEventKey },
	cm: { format: 'cm', displayName: 'CM.com (inbound and status report webhooks)', parse: parseCmInbound, eventKey: cmEventKey },
};

export function isInboundFormat(value: unknown): value is InboundFormat {
	return typeof value === 'string' && Object.hasOwn(INBOUND_PARSERS, value);
}

export function getInboundParser(format: string): InboundParser {
	if (!isInboundFormat(format)) {
		throw new Error(`Unknown inbound format "${format}"; expected one of ${Object.keys(INBOUND_PARSERS).join(', ')}`);
	}
	return INBOUND_PARSERS[format];
}
