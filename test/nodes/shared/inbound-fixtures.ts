// Inbound bodies built from the seeds' documented shapes (seed 000 Infobip, seed 002 + providers.md
// Meta, providers.md + CM.com's inbound pages for CM.com), one builder per event kind, shared by the
// parser tests and the trigger tests.
import type { EventType } from '../../../nodes/shared/model/event';

export const PAGE_ID = '104857600000001';
export const USER_PSID = '7355608000000042';
export const INFOBIP_APP_KEY = '842C684C7856D6E876A7250135457CGE';
export const T0 = Date.UTC(2026, 10, 23, 9, 30, 0);

// ---------------------------------------------------------------- Meta

export type MetaKind = Exclude<EventType, 'status_report'>;

/** One `entry[].messaging[]` element (or, for `feed`, one `entry[].changes[]` element) of the kind. */
export function metaEvent(kind: MetaKind, n = 0): Record<string, unknown> {
	const base = { sender: { id: USER_PSID }, recipient: { id: PAGE_ID }, timestamp: T0 + n };
	const mid = `m_${n}`;
	switch (kind) {
		case 'text':
			return { ...base, message: { mid, text: `hello ${n}` } };
		case 'attachment':
			return {
				...base,
				message: { mid, attachments: [{ type: 'image', payload: { url: `https://cdn.example/${n}.jpg` } }] },
			};
		case 'quick_reply':
			return { ...base, message: { mid, text: 'Yes', quick_reply: { payload: `QR_${n}`, title: 'Yes' } } };
		case 'postback':
			return { ...base, postback: { mid, title: 'Start', payload: `PB_${n}` } };
		case 'echo':
			return {
				sender: { id: PAGE_ID },
				recipient: { id: USER_PSID },
				timestamp: T0 + n,
				message: { mid, is_echo: true, app_id: 1234, text: `echo ${n}` },
			};
		case 'read':
			return { ...base, read: { watermark: T0 } };
		case 'delivery':
			return { ...base, delivery: { mids: [mid], watermark: T0 } };
		case 'optin':
			return { ...base, optin: { type: 'notification_messages', payload: 'OPT', notification_messages_token: 'tok' } };
		case 'referral':
			return { ...base, referral: { ref: 'ad-1', source: 'ADS', type: 'OPEN_THREAD' } };
		case 'reaction':
			return { ...base, reaction: { mid, action: 'react', reaction: 'love', emoji: '\u2764' } };
		case 'feed':
			return {
				field: 'feed',
				value: {
					item: 'comment',
					verb: 'add',
					comment_id: `c_${n}`,
					post_id: `${PAGE_ID}_1`,
					message: `comment ${n}`,
					created_time: Math.floor(T0 / 1000),
					from: { id: USER_PSID, name: 'Alice' },
				},
			};
		case 'edit':
			// message-edits page: num_edit is an integer in the table, a string in the example.
			return { ...base, message_edit: { mid, text: `edited ${n}`, num_edit: 2 } };
		case 'unknown':
			// messaging_game_plays: a kind this package does not normalize.
			return { ...base, game_play: { game_id: 'g1', player_id: 'p1', context_type: 'SOLO', score: n } };
	}
}

export const META_KINDS: MetaKind[] = [
	'text',
	'attachment',
	'quick_reply',
	'postback',
	'echo',
	'read',
	'delivery',
	'optin',
	'referral',
	'reaction',
	'edit',
	'feed',
	'unknown',
];

/** A full webhook body: each entry gets the given events (feed events go under `changes`). */
export function metaBody(...entries: Array<Array<Record<string, unknown>>>): Record<string, unknown> {
	return {
		object: 'page',
		entry: entries.map((events, index) => {
			const changes = events.filter((event) => 'field' in event);
			const messaging = events.filter((event) => !('field' in event));
			return {
				id: PAGE_ID,
				time: T0 + index,
				...(messaging.length ? { messaging } : {}),
				...(changes.length ? { changes } : {}),
			};
		}),
	};
}

// ---------------------------------------------------------------- Infobip (seed 000)

export type InfobipKind = 'text' | 'attachment' | 'quick_reply' | 'postback' | 'unknown';

export const INFOBIP_KINDS: InfobipKind[] = ['text', 'attachment', 'quick_reply', 'postback', 'unknown'];

export function infobipResult(kind: InfobipKind, n = 0): Record<string, unknown> {
	const message: Record<InfobipKind, Record<string, unknown>> = {
		text: { text: `Thank you for this! ${n}`, type: 'TEXT' },
		attachment: { type: 'IMAGE', url: `https://cdn.example/${n}.png` },
		quick_reply: { type: 'QUICK_REPLY', text: 'Yes', payload: `QR_${n}` },
		postback: { type: 'POSTBACK', payload: `PB_${n}` },
		unknown: { type: 'STICKER_PACK', id: n },
	};
	return {
		from: USER_PSID,
		to: INFOBIP_APP_KEY,
		receivedAt: '2017-01-05T12:47:56.221+0000',
		callbackData: 'callbackData',
		messageId: `ib-${n}`,
		message: message[kind],
		price: { pricePerMessage: 0, currency: 'EUR' },
	};
}

export function infobipBody(results: Array<Record<string, unknown>>, pendingMessageCount = 0): Record<string, unknown> {
	return { results, messageCount: results.length, pendingMessageCount };
}

// ---------------------------------------------------------------- CM.com

export type CmKind = 'text' | 'attachment' | 'quick_reply' | 'optin' | 'status_report' | 'unknown';

export const CM_KINDS: CmKind[] = ['text', 'attachment', 'quick_reply', 'optin', 'status_report', 'unknown'];

export function cmBody(kind: CmKind, n = 0): Record<string, unknown> {
	if (kind === 'optin') {
		// developers.cm.com/messaging/docs/facebook-messenger-1, "Example Opt-In Event (OptInSubscribed)".
		return {
			from: { number: USER_PSID },
			to: { number: PAGE_ID },
			event: {
				type: 'OptInSubscribed',
				reference: `ref-${n}`,
				custom: { notificationToken: `nt-${n}`, tokenExpiry: '2027-04-10T12:00:00Z' },
			},
			timeUtc: '2026-11-23T09:30:00',
			channel: 'Facebook Messenger',
		};
	}
	if (kind === 'status_report') {
		return {
			messages: {
				msg: {
					received: '2026-11-23T09:30:00',
					to: USER_PSID,
					reference: `ref-${n}`,
					status: { code: '2', errorCode: '', errorDescription: '' },
					operator: '',
				},
			},
		};
	}
	const emptyMedia = { mediaUri: '', contentType: '', title: '' };
	const message: Record<Exclude<CmKind, 'status_report' | 'optin'>, Record<string, unknown>> = {
		text: { text: `hello ${n}`, media: emptyMedia },
		attachment: {
			text: '',
			media: { mediaUri: `https://media.cm.example/${n}`, contentType: 'image/jpeg', title: 'photo.jpg' },
		},
		quick_reply: {
			text: 'Edit appointment',
			media: emptyMedia,
			custom: { suggestions: [{ action: 'Reply', postbackData: `QR_${n}` }] },
		},
		unknown: { media: emptyMedia },
	};
	return {
		reference: `ref-${n}`,
		messageContext: '',
		from: { number: USER_PSID, name: 'John Doe' },
		to: { number: PAGE_ID },
		message: message[kind],
		groupings: ['', '', ''],
		time: '2026-11-23 10:30:00',
		timeUtc: '2026-11-23T09:30:00',
		channel: 'Facebook Messenger',
	};
}
