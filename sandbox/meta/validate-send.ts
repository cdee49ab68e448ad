// The top level of `POST /{page}/messages`: recipient, messaging_type, tag, sender_action, message,
// notification_type, persona_id.
//
// - recipient: exactly one of id / user_ref / notification_messages_token;
// - sender_action (mark_seen, typing_on, typing_off) goes alone: no message, tag or quick replies;
// - otherwise message is required, and messaging_type (RESPONSE, UPDATE, MESSAGE_TAG) too, except for
//   a notification_messages_token recipient, whose marketing message may omit it;
// - a tag requires messaging_type MESSAGE_TAG, and MESSAGE_TAG requires a tag from MESSAGE_TAGS.
import { asObject, fail, type Obj, oneOf, onlyKeys, str } from './fields';
import { MESSAGE_TAGS, MESSAGING_TYPES, NOTIFICATION_TYPES, SENDER_ACTIONS } from './limits';
import type { Params } from './params';
import { type MessageChecks, validateMessage } from './validate-message';

export type RecipientKind = 'id' | 'user_ref' | 'notification_messages_token';

export interface ValidSend {
	recipient: { kind: RecipientKind; value: string };
	messagingType?: (typeof MESSAGING_TYPES)[number];
	tag?: string;
	senderAction?: (typeof SENDER_ACTIONS)[number];
	message?: Obj;
}

const TOP_LEVEL = ['recipient', 'messaging_type', 'tag', 'message', 'sender_action', 'notification_type', 'persona_id'];

export function validateSend(params: Params, checks: MessageChecks): ValidSend {
	onlyKeys(params, TOP_LEVEL, '');
	if (params.recipient === undefined) fail('(#100) The parameter recipient is required');
	const r = asObject(params.recipient, 'recipient');
	onlyKeys(r, ['id', 'user_ref', 'notification_messages_token'], 'recipient');
	const given = (['id', 'user_ref', 'notification_messages_token'] as const).filter((k) => r[k] !== undefined);
	if (given.length !== 1) {
		fail('(#100) Param recipient must have exactly one of recipient[id], recipient[user_ref], recipient[notification_messages_token]');
	}
	const kind = given[0];
	if (typeof r[kind] === 'number') r[kind] = String(r[kind]);
	const value = str(r, kind, 'recipient', { required: true }) as string;

	const messagingType = oneOf(params, 'messaging_type', '', MESSAGING_TYPES, false);
	const tag = str(params, 'tag', '');
	oneOf(params, 'notification_type', '', NOTIFICATION_TYPES, false);
	str(params, 'persona_id', '');
	const senderAction = oneOf(params, 'sender_action', '', SENDER_ACTIONS, false);

	if (senderAction !== undefined) {
		if (params.message !== undefined) fail('(#100) Param sender_action cannot be sent with message: a sender action goes alone');
		if (tag !== undefined) fail('(#100) Param sender_action cannot be sent with tag');
		if (kind === 'notification_messages_token') fail('(#100) Param sender_action requires recipient[id] or recipient[user_ref]');
		return { recipient: { kind, value }, messagingType, senderAction };
	}

	if (params.message === undefined) fail('(#100) The parameter message is required (or a sender_action)');
	if (messagingType === undefined && kind !== 'notification_messages_token') {
		fail(`(#100) The parameter messaging_type is required (one of ${MESSAGING_TYPES.join(', ')})`);
	}
	if (tag !== undefined && messagingType !== 'MESSAGE_TAG') fail('(#100) Param tag requires messaging_type MESSAGE_TAG');
	if (messagingType === 'MESSAGE_TAG') {
		if (tag === undefined) fail('(#100) messaging_type MESSAGE_TAG requires the parameter tag');
		if (!Object.prototype.hasOwnProperty.call(MESSAGE_TAGS, tag)) {
			fail(`(#100) Param tag must be one of {${Object.keys(MESSAGE_TAGS).join(', ')}} - got "${tag}"`);
		}
	}
	const message = validateMessage(params.message, checks);
	return { recipient: { kind, value }, messagingType, tag, message };
}
