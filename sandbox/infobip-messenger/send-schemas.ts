// The request envelope of send-messenger-message (POST /messenger/1/messages), transcribed from the
// Messenger OpenAPI: FacebookRequest {messages, options}, FacebookMessage {sender, destinations, content,
// options, webhooks, quickReplies}, ToDestination, FacebookMessageRequestOptions / RequestSchedulingSettings
// / SendingSpeedLimit, NonMsisdnMessageFailoverOptions (Platform, ValidityPeriod, DeliveryTimeWindow,
// DeliveryTime, NonMsisdnSmsFailover, RegionalOptions, IndiaDltOptions, TurkeyIysOptions,
// SouthKoreaOptions, FailoverDestinationPair), AdvancedWebhooksWithSeen (AdvancedMessageDeliveryReporting,
// SeenStatusReporting) and FacebookMtQuickReply (TextFacebookMtQuickReply, PhoneNumberFacebookMtQuickReply,
// FacebookMtEmailQuickReply). The content schemas are in content-schemas.ts.
//
// Rules stated in the schemas' prose, enforced here as well:
//  - `destinations`: "A valid destination is required" -> at least one.
//  - `webhooks.contentType`: "`application/json` or `application/xml`".
//  - `schedule.sendAt`: "no later than 180 days in advance".
//  - DeliveryTimeWindow: "`from` and `to` should be both provided with the minimum 1 hour difference or
//    omitted"; `days`: "At least one day must be provided".
// Sandbox decisions: `messages` must hold at least one message (nothing to send otherwise), and `sender`
// and `to` must not be blank.
import { OUTBOUND_CONTENT } from './content-schemas';
import type { ApiErrorViolation } from './errors';
import { parseDateTime, type ObjectSchema, type Schema, type StringSchema, type UnionSchema } from './schema';

const str = (extra: Omit<StringSchema, 'kind'> = {}): StringSchema => ({ kind: 'string', ...extra });
const int = (minimum?: number, maximum?: number): Schema => ({ kind: 'number', integer: true, minimum, maximum });
const bool: Schema = { kind: 'boolean' };
const obj = (title: string, properties: Record<string, Schema>, required: readonly string[] = [], check?: ObjectSchema['check']): ObjectSchema => ({
	kind: 'object',
	title,
	properties,
	required,
	check,
});

export const SEND_AT_MAX_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

const PLATFORM = obj('Platform', { entityId: str({ maxLength: 255, minLength: 0 }), applicationId: str({ maxLength: 255, minLength: 0 }) });
const VALIDITY_PERIOD = obj('ValidityPeriod', { amount: int(), timeUnit: str({ enum: ['SECONDS', 'MINUTES', 'HOURS'] }) }, ['amount']);
const DELIVERY_TIME = obj('DeliveryTime', { hour: int(0, 23), minute: int(0, 59) }, ['hour', 'minute']);

function deliveryWindowCheck(value: Record<string, unknown>, path: string): ApiErrorViolation[] {
	const from = value.from as { hour: number; minute: number } | undefined;
	const to = value.to as { hour: number; minute: number } | undefined;
	if ((from === undefined) !== (to === undefined)) {
		return [{ property: `${path}.${from ? 'to' : 'from'}`, violation: 'from and to must be both provided or both omitted' }];
	}
	if (from && to && to.hour * 60 + to.minute - (from.hour * 60 + from.minute) < 60) {
		return [{ property: `${path}.to`, violation: 'must be at least 1 hour after from' }];
	}
	return [];
}

const DELIVERY_TIME_WINDOW = obj(
	'DeliveryTimeWindow',
	{
		days: { kind: 'array', minItems: 1, items: str({ enum: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] }) },
		from: DELIVERY_TIME,
		to: DELIVERY_TIME,
	},
	['days'],
	deliveryWindowCheck,
);

const REGIONAL = obj('RegionalOptions', {
	indiaDlt: obj('IndiaDltOptions', { contentTemplateId: str(), principalEntityId: str(), telemarketerId: str() }, ['principalEntityId']),
	turkeyIys: obj('TurkeyIysOptions', { brandCode: int(), recipientType: str({ enum: ['BIREYSEL', 'TACIR'] }) }, ['recipientType']),
	southKorea: obj('SouthKoreaOptions', { title: str({ maxLength: 66, minLength: 0 }), resellerCode: int() }),
});

const SMS_FAILOVER = obj(
	'NonMsisdnSmsFailover',
	{
		sender: str(),
		text: str(),
		validityPeriod: VALIDITY_PERIOD,
		regional: REGIONAL,
		destinationMatching: { kind: 'array', items: obj('FailoverDestinationPair', { initial: str(), failover: str() }, ['failover', 'initial']) },
	},
	['text'],
);

const MESSAGE_OPTIONS = obj('NonMsisdnMessageFailoverOptions', {
	platform: PLATFORM,
	validityPeriod: VALIDITY_PERIOD,
	deliveryTimeWindow: DELIVERY_TIME_WINDOW,
	campaignReferenceId: str({ maxLength: 255, minLength: 0 }),
	smsFailover: SMS_FAILOVER,
});

const WEBHOOKS = obj('AdvancedWebhooksWithSeen', {
	delivery: obj('AdvancedMessageDeliveryReporting', { url: str(), intermediateReport: bool, notify: bool, receiveTriggeredFailoverReports: bool }),
	contentType: str({ enum: ['application/json', 'application/xml'] }),
	callbackData: str({ maxLength: 4000, minLength: 0 }),
	seen: obj('SeenStatusReporting', { url: str() }),
});

const QUICK_REPLY: UnionSchema = {
	kind: 'union',
	title: 'FacebookMtQuickReply',
	discriminator: 'type',
	mapping: {
		TEXT: obj(
			'TextFacebookMtQuickReply',
			{ type: str(), title: str({ maxLength: 20, minLength: 0 }), payload: str({ maxLength: 1000, minLength: 0 }), imageUrl: str() },
			['payload', 'title'],
		),
		PHONE_NUMBER: obj('PhoneNumberFacebookMtQuickReply', { type: str() }),
		EMAIL: obj('FacebookMtEmailQuickReply', { type: str() }),
	},
};

const DESTINATION = obj('Destination', { to: str({ nonBlank: true }), messageId: str({ maxLength: 200, minLength: 0 }) }, ['to']);

const MESSAGE = obj(
	'FacebookMessage',
	{
		sender: str({ nonBlank: true }),
		destinations: { kind: 'array', items: DESTINATION, minItems: 1 },
		content: OUTBOUND_CONTENT,
		options: MESSAGE_OPTIONS,
		webhooks: WEBHOOKS,
		quickReplies: { kind: 'array', items: QUICK_REPLY },
	},
	['content', 'destinations', 'sender'],
);

function sendAtCheck(value: Record<string, unknown>, path: string): ApiErrorViolation[] {
	if (typeof value.sendAt !== 'string') return [];
	const at = parseDateTime(value.sendAt) as number;
	if (at > Date.now() + SEND_AT_MAX_DAYS * DAY_MS) {
		return [{ property: `${path}.sendAt`, violation: `can only be scheduled for no later than ${SEND_AT_MAX_DAYS} days in advance` }];
	}
	return [];
}

const REQUEST_OPTIONS = obj('FacebookMessageRequestOptions', {
	schedule: obj(
		'RequestSchedulingSettings',
		{
			bulkId: str({ maxLength: 100, minLength: 0 }),
			sendAt: str({ format: 'date-time' }),
			sendingSpeedLimit: obj('SendingSpeedLimit', { amount: int(), timeUnit: str({ enum: ['MINUTE', 'HOUR', 'DAY'] }) }, ['amount']),
		},
		[],
		sendAtCheck,
	),
});

export const FACEBOOK_REQUEST = obj('FacebookRequest', { messages: { kind: 'array', items: MESSAGE, minItems: 1 }, options: REQUEST_OPTIONS }, ['messages']);
