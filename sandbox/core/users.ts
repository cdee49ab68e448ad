// The simulated-user dispatcher: validates a UserAction, makes sure the user exists, opens the
// 24-hour window for the kinds a user sends, and hands the action to the module that owns `via`.
import type { AttachmentKind, ProviderModule, SandboxConfig, UserAction, UserActionResult } from './types';

export const USER_VIAS: ReadonlyArray<UserAction['via']> = ['meta', 'infobip-forward', 'infobip-pull', 'infobip-messenger', 'infobip-messages-pull', 'cm'];
export const USER_KINDS: ReadonlyArray<UserAction['kind']> = [
	'text', 'quick_reply', 'postback', 'attachment', 'read', 'delivery', 'reaction', 'optin', 'referral', 'echo', 'edit',
];
export const ATTACHMENT_KINDS: ReadonlyArray<AttachmentKind> = [
	'image', 'audio', 'video', 'file', 'sticker', 'reel', 'ig_reel', 'post', 'ig_post', 'fallback', 'location', 'appointment_booking',
];
/** Media kinds every provider's inbound carries; the rest are Meta's (messages webhook reference). */
export const MEDIA_ATTACHMENT_KINDS: ReadonlyArray<AttachmentKind> = ['image', 'audio', 'video', 'file'];
/** The documented shapes per kind; the first is the default. */
export const USER_VARIANTS: Readonly<Partial<Record<UserAction['kind'], readonly string[]>>> = {
	optin: ['checkbox', 'notification_messages'],
	reaction: ['react', 'unreact'],
	referral: ['shortlink', 'ads', 'postback'],
	delivery: ['delivered', 'failed'],
};
/**
 * Kinds the user does (and which open or refresh Meta's 24-hour window). `read` and `delivery` are
 * receipts and `echo` is the page's own message, so they leave `lastInboundAt` alone.
 */
export const USER_SENT_KINDS: ReadonlySet<UserAction['kind']> = new Set<UserAction['kind']>([
	'text', 'quick_reply', 'postback', 'attachment', 'reaction', 'optin', 'referral', 'edit',
]);

export class UserActionError extends Error {}

export function validateUserAction(input: unknown): UserAction {
	if (!input || typeof input !== 'object' || Array.isArray(input)) throw new UserActionError('a user action must be an object');
	const a = input as Record<string, unknown>;
	const known = ['via', 'from', 'kind', 'text', 'payload', 'url', 'attachmentType', 'batch', 'batchAs', 'variant', 'standby'];
	for (const k of Object.keys(a)) if (!known.includes(k)) throw new UserActionError(`unknown user action field "${k}"`);
	if (!USER_VIAS.includes(a.via as UserAction['via'])) throw new UserActionError(`via must be one of ${USER_VIAS.join(', ')}`);
	if (typeof a.from !== 'string' || a.from === '') throw new UserActionError('from (the user PSID) is required');
	if (!USER_KINDS.includes(a.kind as UserAction['kind'])) throw new UserActionError(`kind must be one of ${USER_KINDS.join(', ')}`);
	for (const k of ['text', 'payload', 'url']) {
		if (a[k] !== undefined && typeof a[k] !== 'string') throw new UserActionError(`${k} must be a string`);
	}
	if (a.attachmentType !== undefined && !ATTACHMENT_KINDS.includes(a.attachmentType as AttachmentKind)) {
		throw new UserActionError(`attachmentType must be one of ${ATTACHMENT_KINDS.join(', ')}`);
	}
	if (a.attachmentType !== undefined && a.via !== 'meta' && !MEDIA_ATTACHMENT_KINDS.includes(a.attachmentType as AttachmentKind)) {
		throw new UserActionError(`attachmentType ${String(a.attachmentType)} is Meta's only; via ${String(a.via)} takes ${MEDIA_ATTACHMENT_KINDS.join(', ')}`);
	}
	if (a.variant !== undefined) {
		const variants = USER_VARIANTS[a.kind as UserAction['kind']] ?? [];
		if (!variants.includes(a.variant as string)) {
			throw new UserActionError(`variant for kind ${String(a.kind)} must be one of: ${variants.join(', ') || '(none)'}`);
		}
	}
	if (a.standby !== undefined && (typeof a.standby !== 'boolean' || a.via !== 'meta')) {
		throw new UserActionError('standby is a boolean, and only Meta has it');
	}
	if (a.batch !== undefined && (!Number.isInteger(a.batch) || (a.batch as number) < 1 || (a.batch as number) > 1000)) {
		throw new UserActionError('batch must be an integer 1..1000');
	}
	if (a.batchAs !== undefined && a.batchAs !== 'messaging' && a.batchAs !== 'entry') {
		throw new UserActionError('batchAs must be "messaging" or "entry"');
	}
	return a as unknown as UserAction;
}

export async function dispatchUserAction(
	input: UserAction,
	modules: ProviderModule[],
	config: SandboxConfig,
): Promise<UserActionResult> {
	const action = validateUserAction(input);
	const module = modules.find((m) => m.userVias.includes(action.via));
	if (!module) throw new UserActionError(`no provider module delivers via "${action.via}"`);
	let user = config.users.find((u) => u.psid === action.from);
	if (!user) {
		user = { psid: action.from, firstName: 'User', lastName: action.from.slice(-4), lastInboundAt: Date.now() };
		config.users.push(user);
	}
	if (USER_SENT_KINDS.has(action.kind)) user.lastInboundAt = Date.now();
	return module.userAction(action);
}
