// `POST /{v}/{page-id|me}/messages` (route id `meta.messages`): Meta's Send API
// (developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages; error
// codes as providers.md lists them).
//
// After validation: an unknown PSID → 100 / 2018001; a known user outside the window → 10 / 2018278
// (24 h for RESPONSE, UPDATE and sender actions; HUMAN_AGENT 7 days; the tags Meta refuses since 2026 fail in validate-send.ts).
// A user_ref is taken as is (a notification_messages_token is refused by validate-send.ts).
// The page is the token's: `/me/messages` sends as the token's page, `/{page-id}/messages` only with
// that page's own token (auth.ts). PSIDs are shared by the sandbox's pages (Meta scopes them per page:
// a simplification so one simulated user can talk to every page).
// Success: `{recipient_id, message_id}` (no recipient_id for user_ref, whose PSID the page does not
// know yet) and one DeliveredMessage; a sender action answers `{recipient_id}` and delivers nothing.
import { randomBytes } from 'node:crypto';
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { authenticatePage } from './auth';
import { fail } from './fields';
import { MESSAGE_TAGS, RESPONSE_WINDOW_MS } from './limits';
import { graphParams, withoutAuth } from './params';
import type { MetaState } from './state';
import { validateSend, type ValidSend } from './validate-send';

export function newMid(): string {
	return `m_${randomBytes(30).toString('base64url')}`;
}

function windowFor(send: ValidSend): number | undefined {
	if (send.senderAction) return RESPONSE_WINDOW_MS;
	if (send.messagingType === 'MESSAGE_TAG') return MESSAGE_TAGS[send.tag as string].windowMs;
	return RESPONSE_WINDOW_MS;
}

export function handleSend(req: SandboxRequest, ctx: SandboxContext, state: MetaState): SandboxResponse {
	const meta = ctx.config.meta;
	const params = graphParams(req);
	const pageId = authenticatePage(req, params, meta, state, req.params.node);
	const send = validateSend(withoutAuth(params), { attachmentExists: (id) => state.attachments.has(id) });

	let psid: string | undefined;
	const { kind, value } = send.recipient;
	if (kind === 'id') {
		const user = ctx.findUser(value);
		if (!user) fail('(#100) No matching user found', 100, 2018001);
		const window = windowFor(send);
		if (window !== undefined && Date.now() - user.lastInboundAt > window) {
			fail(
				'(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
				10,
				2018278,
			);
		}
		psid = user.psid;
	}

	if (send.senderAction) return { status: 200, body: psid ? { recipient_id: psid } : {} };

	const messageId = newMid();
	if (psid) state.rememberMid(pageId, psid, messageId);
	ctx.deliver({ provider: 'meta', messageId, recipient: value, message: send.message, pageId });
	return { status: 200, body: psid ? { recipient_id: psid, message_id: messageId } : { message_id: messageId } };
}
