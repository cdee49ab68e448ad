// The top level of `POST /{page}/messages` (send-messages and sender-actions pages): recipient,
// messaging_type, tag, sender_action, payload (react / unreact), message, notification_type, persona_id.
//
// - recipient: exactly one of id / user_ref / notification_messages_token;
// - sender_action (mark_seen, typing_on, typing_off) goes alone: no message, tag or quick replies;
//   react takes `payload: {message_id, reaction}`, unreact `payload: {message_id}`;
// - a notification_messages_token recipient answers that marketing messages were discontinued;
// - a tag Meta is reported to refuse (MESSAGE_TAGS[tag].refused) answers error 100;
// - otherwise message is required, and messaging_type (RESPONSE, UPDATE, MESSAGE_TAG) too;
// - a tag requires messaging_type MESSAGE_TAG, and MESSAGE_TAG requires a tag from MESSAGE_TAGS.
import { asObject, fail, type Obj, oneOf, onlyKeys, reqStr, str } from './fields';
import { MARKETING_MESSAGES_DISCONTINUED, MESSAGE_TAGS, MESSAGING_TYPES, NOTIFICATION_TYPES, SENDER_ACTIONS } from './limits';
import type { Params } from './params';
import { type MessageChecks, validateMessage } from './validate-message';

export type RecipientKind = 'id' | 'user_ref' | 'notification_messages_token';

export interface ValidSend {
	recipient: { kind: RecipientKind; value: string };
	messagingType?: (typeof MESSAGING_TYPES)[number];
	tag?: string;
	senderAction?: (typeof SENDER_ACTIONS)[number];
	message?: Obj;
	/** react / unreact: the message and the emoji. */
	reaction?: { messageId: string; emoji?: string };
}

const TOP_LEVEL = ['recipient', 'messaging_type', 'tag', 'message', 'sender_action', 'payload', 'notification_type', 'persona_id'];

function reactionPayload(params: Params, action: string): { messageId: string; emoji?: string } {
	if (params.payload === undefined) fail(`(#100) sender_action ${action} requires the parameter payload (message_id${action === 'react' ? ', reaction' : ''})`);
	const payload = asObject(params.payload, 'payload');
	onlyKeys(payload, action === 'react' ? ['message_id', 'reaction'] : ['message_id'], 'payload');
	const messageId = reqStr(payload, 'message_id', 'payload');
	if (action === 'unreact') return { messageId };
	return { messageId, emoji: reqStr(payload, 'reaction', 'payload') };
}

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
	if (kind === 'notification_messages_token') {
		fail(`(#100) Marketing messages (recipient[notification_messages_token]) were discontinued on ${MARKETING_MESSAGES_DISCONTINUED}`);
	}

	const messagingType = oneOf(params, 'messaging_type', '', MESSAGING_TYPES, false);
	const tag = str(params, 'tag', '');
	oneOf(params, 'notification_type', '', NOTIFICATION_TYPES, false);
	str(params, 'persona_id', '');
	const senderAction = oneOf(params, 'sender_action', '', SENDER_ACTIONS, false);

	if (senderAction !== undefined) {
		if (params.message !== undefined) fail('(#100) Param sender_action cannot be sent with message: a sender action goes alone');
		if (tag !== undefined) fail('(#100) Param sender_action cannot be sent with tag');
		if (senderAction === 'react' || senderAction === 'unreact') {
			return { recipient: { kind, value }, messagingType, senderAction, reaction: reactionPayload(params, senderAction) };
		}
		if (params.payload !== undefined) fail(`(#100) Param payload is not valid with sender_action ${senderAction}`);
		return { recipient: { kind, value }, messagingType, senderAction };
	}
	if (params.payload !== undefined) fail('(#100) Param payload is only valid with sender_action react or unreact');

	if (params.message === undefined) fail('(#100) The parameter message is required (or a sender_action)');
	if (messagingType === undefined) {
		fail(`(#100) The parameter messaging_type is required (one of ${MESSAGING_TYPES.join(', ')})`);
	}
	if (tag !== undefined && messagingType !== 'MESSAGE_TAG') fail('(#100) Param tag requires messaging_type MESSAGE_TAG');
	if (messagingType === 'MESSAGE_TAG') {
		if (tag === undefined) fail('(#100) messaging_type MESSAGE_TAG requires the parameter tag');
		if (!Object.prototype.hasOwnProperty.call(MESSAGE_TAGS, tag)) {
			fail(`(#100) Param tag must be one of {${Object.keys(MESSAGE_TAGS).join(', ')}} - got "${tag}"`);
		}
		// The answer users report (github.com/chatwoot/chatwoot/issues/14669: "Invalid parameter", subcode 1893061).
		if (MESSAGE_TAGS[tag].refused) fail(`(#100) Invalid parameter: tag ${tag} is not supported`, 100, 1893061);
	}
	const message = validateMessage(params.message, checks);
	return { recipient: { kind, value }, messagingType, tag, message };
}
