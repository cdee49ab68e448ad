// The `message` object of the Send API (developers.facebook.com/documentation/business-messaging/
// messenger-platform/send-messages/ and its template pages): text or attachment (not both), quick
// replies, metadata; media attachments by URL or attachment_id; button, generic, media and product
// templates. The notification_messages template answers that marketing messages were discontinued
// (2026-02-10, marketing-messages page). Unknown fields are rejected at every level, naming the field.
import { TEMPLATE_BUTTONS, validateButton, validateButtons, validateWebviewOptions } from './buttons';
import { asArray, asObject, at, fail, type Obj, oneOf, onlyKeys, reqStr, str, url, bool } from './fields';
import { MARKETING_MESSAGES_DISCONTINUED, MEDIA_ATTACHMENT_TYPES, META_LIMITS as L, QUICK_REPLY_TYPES, TEMPLATE_TYPES } from './limits';

export interface MessageChecks {
	/** Whether an uploaded attachment id exists. */
	attachmentExists(id: string): boolean;
}

export function validateMessage(value: unknown, checks: MessageChecks, path = 'message'): Obj {
	const m = asObject(value, path);
	onlyKeys(m, ['text', 'attachment', 'quick_replies', 'metadata'], path);
	const hasText = m.text !== undefined;
	const hasAttachment = m.attachment !== undefined;
	if (hasText && hasAttachment) fail(`(#100) Only one of ${at(path, 'text')} and ${at(path, 'attachment')} may be set`);
	if (!hasText && !hasAttachment) fail(`(#100) The parameter ${at(path, 'text')} or ${at(path, 'attachment')} is required`);
	if (hasText) reqStr(m, 'text', path, L.textMax);
	if (hasAttachment) validateAttachment(m.attachment, at(path, 'attachment'), checks);
	if (m.quick_replies !== undefined) validateQuickReplies(m.quick_replies, at(path, 'quick_replies'));
	str(m, 'metadata', path, { max: L.metadataMax });
	return m;
}

export function validateQuickReplies(value: unknown, path: string): void {
	const list = asArray(value, path, L.quickRepliesMin, L.quickRepliesMax);
	list.forEach((item, i) => {
		const p = at(path, i);
		const q = asObject(item, p);
		onlyKeys(q, ['content_type', 'title', 'payload', 'image_url'], p);
		const type = oneOf(q, 'content_type', p, QUICK_REPLY_TYPES, true);
		if (type === 'text') {
			reqStr(q, 'title', p, L.quickReplyTitleMax);
			reqStr(q, 'payload', p, L.quickReplyPayloadMax);
		} else {
			str(q, 'title', p, { max: L.quickReplyTitleMax });
			str(q, 'payload', p, { max: L.quickReplyPayloadMax });
		}
		url(q, 'image_url', p);
	});
}

export function validateAttachment(value: unknown, path: string, checks: MessageChecks): void {
	const a = asObject(value, path);
	onlyKeys(a, ['type', 'payload'], path);
	const type = oneOf(a, 'type', path, [...MEDIA_ATTACHMENT_TYPES, 'template'], true);
	const payloadPath = at(path, 'payload');
	const payload = asObject(a.payload ?? fail(`(#100) The parameter ${payloadPath} is required`), payloadPath);
	if (type === 'template') validateTemplate(payload, payloadPath, checks);
	else validateMediaPayload(payload, payloadPath, checks);
}

function validateMediaPayload(p: Obj, path: string, checks: MessageChecks): void {
	onlyKeys(p, ['url', 'is_reusable', 'attachment_id'], path);
	const hasUrl = p.url !== undefined;
	const hasId = p.attachment_id !== undefined;
	if (hasUrl === hasId) fail(`(#100) Exactly one of ${at(path, 'url')} and ${at(path, 'attachment_id')} is required`);
	if (hasUrl) url(p, 'url', path, { required: true });
	if (hasId) checkAttachmentId(p, path, checks);
	bool(p, 'is_reusable', path);
	if (hasId && p.is_reusable !== undefined) fail(`(#100) Param ${at(path, 'is_reusable')} cannot be used with attachment_id`);
}

function checkAttachmentId(o: Obj, path: string, checks: MessageChecks): void {
	const v = o.attachment_id;
	const id = typeof v === 'number' ? String(v) : v;
	if (typeof id !== 'string' || id === '') fail(`(#100) Param ${at(path, 'attachment_id')} must be a string`);
	if (!checks.attachmentExists(id)) fail(`(#100) Param ${at(path, 'attachment_id')} is not a valid attachment id: ${id}`);
}

function validateTemplate(p: Obj, path: string, checks: MessageChecks): void {
	const type = oneOf(p, 'template_type', path, TEMPLATE_TYPES, true);
	switch (type) {
		case 'button':
			onlyKeys(p, ['template_type', 'text', 'buttons', 'sharable'], path);
			reqStr(p, 'text', path, L.buttonTemplateTextMax);
			validateButtons(p.buttons, at(path, 'buttons'), L.buttonTemplateButtonsMin, L.buttonTemplateButtonsMax, TEMPLATE_BUTTONS);
			bool(p, 'sharable', path);
			break;
		case 'generic':
			onlyKeys(p, ['template_type', 'elements', 'image_aspect_ratio', 'sharable'], path);
			asArray(p.elements, at(path, 'elements'), L.genericElementsMin, L.genericElementsMax).forEach((el, i) =>
				validateGenericElement(el, at(at(path, 'elements'), i)),
			);
			oneOf(p, 'image_aspect_ratio', path, ['horizontal', 'square'], false);
			bool(p, 'sharable', path);
			break;
		case 'media':
			onlyKeys(p, ['template_type', 'elements', 'sharable'], path);
			asArray(p.elements, at(path, 'elements'), L.mediaElements, L.mediaElements).forEach((el, i) =>
				validateMediaElement(el, at(at(path, 'elements'), i), checks),
			);
			bool(p, 'sharable', path);
			break;
		case 'product':
			onlyKeys(p, ['template_type', 'elements'], path);
			asArray(p.elements, at(path, 'elements'), L.productElementsMin, L.productElementsMax).forEach((value, i) => {
				const elementPath = at(at(path, 'elements'), i);
				const el = asObject(value, elementPath);
				onlyKeys(el, ['id'], elementPath);
				reqStr(el, 'id', elementPath);
			});
			break;
		case 'notification_messages':
			fail(
				`(#100) Param ${at(path, 'template_type')}: notification_messages (marketing messages) was discontinued on ${MARKETING_MESSAGES_DISCONTINUED}`,
			);
			break;
		default:
			break;
	}
}

function validateGenericElement(value: unknown, path: string): void {
	const el = asObject(value, path);
	onlyKeys(el, ['title', 'subtitle', 'image_url', 'default_action', 'buttons'], path);
	reqStr(el, 'title', path, L.genericTitleMax);
	str(el, 'subtitle', path, { max: L.genericSubtitleMax });
	url(el, 'image_url', path);
	if (el.default_action !== undefined) {
		const dp = at(path, 'default_action');
		const da = asObject(el.default_action, dp);
		// A default action is a web_url button without a title.
		onlyKeys(da, ['type', 'url', 'webview_height_ratio', 'messenger_extensions', 'fallback_url', 'webview_share_button'], dp);
		oneOf(da, 'type', dp, ['web_url'], true);
		url(da, 'url', dp, { required: true });
		validateWebviewOptions(da, dp);
	}
	if (el.buttons !== undefined) validateButtons(el.buttons, at(path, 'buttons'), 0, L.genericButtonsMax, TEMPLATE_BUTTONS);
}

function isFacebookUrl(v: string): boolean {
	try {
		const host = new URL(v).hostname.toLowerCase();
		// Media template page: the URL formats are business.facebook.com/... and www.facebook.com/...
		return host === 'facebook.com' || host.endsWith('.facebook.com');
	} catch {
		return false;
	}
}

function validateMediaElement(value: unknown, path: string, checks: MessageChecks): void {
	const el = asObject(value, path);
	onlyKeys(el, ['media_type', 'attachment_id', 'url', 'buttons'], path);
	oneOf(el, 'media_type', path, ['image', 'video'], true);
	const hasUrl = el.url !== undefined;
	const hasId = el.attachment_id !== undefined;
	if (hasUrl === hasId) fail(`(#100) Exactly one of ${at(path, 'url')} and ${at(path, 'attachment_id')} is required`);
	if (hasId) checkAttachmentId(el, path, checks);
	if (hasUrl) {
		const u = url(el, 'url', path, { required: true }) as string;
		// The media template takes Facebook URLs only; other media goes through the upload API.
		if (!isFacebookUrl(u)) fail(`(#100) Param ${at(path, 'url')} must be a Facebook URL (upload other media first and send its attachment_id)`);
	}
	if (el.buttons !== undefined) {
		asArray(el.buttons, at(path, 'buttons'), 0, L.mediaButtonsMax).forEach((b, i) => validateButton(b, at(at(path, 'buttons'), i), TEMPLATE_BUTTONS));
	}
}
