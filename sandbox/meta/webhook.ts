// The simulated user for via `meta`: builds Meta's raw webhook body
// `{object:"page", entry:[{id, time, messaging:[event...]}]}` (or `standby:[...]`, handover protocol),
// each event in the shape of its reference page under
// developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/
// (messages, messaging_postbacks, messaging_optins, messaging_referrals, message-reactions,
// message-edits, message-echoes, message-deliveries, message-reads), signs it with
// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, exact body bytes)>` (plus the legacy SHA-1
// `X-Hub-Signature`) and POSTs it to config.meta.webhookUrl.
//
// One app, many pages: the user writes to the page `action.page` (default the first page); the event's
// `recipient.id` and the entry's `id` are that page, and the body goes to the app's one callback URL
// (Meta's webhooks page: one callback per app, `entry[].id` names the page).
import { createHmac, randomBytes } from 'node:crypto';
import type { AttachmentKind, SandboxContext, UserAction, UserActionResult } from '../core/types';
import { UserActionError } from '../core/users';
import { newMid } from './messages';
import { findPage } from './pages';
import type { MetaState } from './state';

/** `sha256=` + hex HMAC-SHA256 of the exact body with the app secret. */
export function signMetaBody(body: string | Buffer, secret: string): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function signMetaBodySha1(body: string | Buffer, secret: string): string {
	return `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
}

/** Meta's reaction names for the common emoji; anything else is `other`. */
const REACTIONS: Record<string, string> = {
	'❤': 'love',
	'❤️': 'love',
	'😍': 'love',
	'👍': 'like',
	'👎': 'dislike',
	'😆': 'smile',
	'😄': 'smile',
	'😂': 'smile',
	'😮': 'wow',
	'😢': 'sad',
	'😠': 'angry',
};

const EXTENSIONS: Record<string, string> = { image: 'png', audio: 'mp3', video: 'mp4', file: 'pdf', sticker: 'png' };

/** A sticker the sandbox always sends (Meta's thumbs-up "like" sticker id). */
const STICKER_ID = 369239263222822;

/**
 * One `message.attachments[]` entry per documented type (messages page). Stickers come twice, as
 * `image` and `sticker` with the same sticker_id, during the transition that ends 2026-08-30
 * (changelog 2026-06-01); a fallback has no payload; a location has coordinates and no URL.
 */
function attachmentsFor(type: AttachmentKind, url: string): Array<Record<string, unknown>> {
	switch (type) {
		case 'sticker':
			return [
				{ type: 'image', payload: { url, sticker_id: STICKER_ID } },
				{ type: 'sticker', payload: { url, sticker_id: STICKER_ID } },
			];
		case 'fallback':
			return [{ type: 'fallback' }];
		case 'location':
			return [{ type: 'location', payload: { coordinates: { lat: 52.3676, long: 4.9041 } } }];
		case 'reel':
		case 'ig_reel':
		case 'post':
		case 'ig_post':
		case 'appointment_booking':
			return [{ type, payload: { url, title: `Shared ${type}` } }];
		default:
			return [{ type, payload: { url } }];
	}
}

/** The page the action writes to: `action.page` when given (it must be one of the app's pages). */
export function actionPageId(action: UserAction, ctx: SandboxContext): string {
	const meta = ctx.config.meta;
	if (action.page === undefined) return meta.pageId;
	if (!findPage(meta, action.page)) {
		throw new UserActionError(`page ${action.page} is not a page of the app (config.meta.pageId or config.meta.additionalPages)`);
	}
	return action.page;
}

export function buildMetaEvent(action: UserAction, ctx: SandboxContext, state: MetaState, now: number): Record<string, unknown> {
	const meta = ctx.config.meta;
	const pageId = actionPageId(action, ctx);
	const user = { id: action.from };
	const page = { id: pageId };
	const base = { sender: user, recipient: page, timestamp: now };
	const sent = state.lastMids(pageId, action.from, 1);
	const lastMid = sent[0];
	switch (action.kind) {
		case 'text':
			return { ...base, message: { mid: newMid(), text: action.text ?? 'Hello' } };
		case 'quick_reply':
			return {
				...base,
				message: { mid: newMid(), text: action.text ?? action.payload ?? 'Quick reply', quick_reply: { payload: action.payload ?? '' } },
			};
		case 'postback':
			return { ...base, postback: { title: action.text ?? action.payload ?? 'Postback', payload: action.payload ?? '', mid: newMid() } };
		case 'attachment': {
			const type = action.attachmentType ?? 'image';
			const url = action.url ?? `${ctx.baseUrl()}/__sandbox/media/sample.${EXTENSIONS[type] ?? 'txt'}`;
			return { ...base, message: { mid: newMid(), attachments: attachmentsFor(type, url) } };
		}
		case 'edit':
			// message-edits page; num_edit counts the user's edits of that message (at most 5).
			return { ...base, message_edit: { mid: action.payload ?? newMid(), text: action.text ?? 'Edited', num_edit: 1 } };
		case 'read':
			return { ...base, read: { watermark: now } };
		case 'delivery':
			return { ...base, delivery: { mids: sent.length ? sent : [newMid()], watermark: now } };
		case 'reaction': {
			const mid = lastMid ?? newMid();
			if (action.variant === 'unreact') return { ...base, reaction: { mid, action: 'unreact' } };
			const emoji = action.text ?? '❤';
			return { ...base, reaction: { mid, action: 'react', emoji, reaction: REACTIONS[emoji] ?? 'other' } };
		}
		case 'optin': {
			if (action.variant !== 'notification_messages') {
				// Checkbox plugin: no sender; the person is the user_ref the plugin was rendered with.
				return { recipient: page, timestamp: now, optin: { ref: action.payload ?? 'sandbox-ref', user_ref: action.from } };
			}
			const token = randomBytes(24).toString('base64url');
			state.optinTokens.set(token, action.from);
			return {
				...base,
				optin: {
					type: 'notification_messages',
					payload: action.payload ?? '',
					notification_messages_token: token,
					notification_messages_frequency: 'DAILY',
					notification_messages_timezone: 'UTC',
					token_expiry_timestamp: now + 180 * 24 * 60 * 60 * 1000,
					user_token_status: 'NOT_REFRESHED',
					notification_messages_status: 'RESUME_NOTIFICATIONS',
					title: action.text ?? 'Updates',
				},
			};
		}
		case 'referral': {
			const ref = action.payload ?? 'sandbox-ref';
			if (action.variant === 'ads') {
				return {
					...base,
					referral: { ref, ad_id: '6045246247433', source: 'ADS', type: 'OPEN_THREAD', ads_context_data: { ad_title: 'Sandbox ad', post_id: '1' } },
				};
			}
			if (action.variant === 'postback') {
				// A new thread: the Get Started postback carries the referral (messaging_postbacks page).
				return {
					...base,
					postback: { mid: newMid(), title: 'Get Started', payload: 'GET_STARTED', referral: { ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } },
				};
			}
			return { ...base, referral: { ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } };
		}
		case 'echo':
			return {
				sender: page,
				recipient: user,
				timestamp: now,
				message: { is_echo: true, app_id: Number(meta.appId), mid: newMid(), text: action.text ?? 'Echo' },
			};
		default:
			throw new UserActionError(`kind ${String(action.kind)} is not supported via meta`);
	}
}

export function buildMetaWebhookBody(action: UserAction, ctx: SandboxContext, state: MetaState): Record<string, unknown> {
	const now = Date.now();
	const count = action.batch ?? 1;
	const events = Array.from({ length: count }, () => buildMetaEvent(action, ctx, state, now));
	const pageId = actionPageId(action, ctx);
	const list = action.standby ? 'standby' : 'messaging';
	const entry =
		action.batchAs === 'entry'
			? events.map((e) => ({ id: pageId, time: now, [list]: [e] }))
			: [{ id: pageId, time: now, [list]: events }];
	return { object: 'page', entry };
}

export async function metaUserAction(action: UserAction, ctx: SandboxContext, state: MetaState): Promise<UserActionResult> {
	const url = ctx.config.meta.webhookUrl;
	if (!url) {
		throw new UserActionError('config.meta.webhookUrl is not set: subscribe the app (POST /{app-id}/subscriptions) or PATCH /__sandbox/config');
	}
	const body = buildMetaWebhookBody(action, ctx, state);
	const text = JSON.stringify(body);
	const secret = ctx.config.meta.appSecret;
	const result = await ctx.postOut(url, text, {
		'content-type': 'application/json',
		'user-agent': 'facebookexternalua',
		'x-hub-signature-256': signMetaBody(text, secret),
		'x-hub-signature': signMetaBodySha1(text, secret),
	});
	return { body, delivery: { url, status: result.status, responseBody: result.body } };
}
