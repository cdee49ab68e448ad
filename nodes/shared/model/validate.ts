import { characterCount, InputValidationError } from './input-error';
import { MESSENGER_CAPABILITIES, MESSENGER_LIMITS, PROVIDER_LABELS, PROVIDERS } from '../providers';
import { OPERATION_LABELS } from './capabilities';
import type { ProviderLimits } from './limits';
import { COORDINATE_RANGES, type Coordinate } from './location';
import { extensionOf, isHttpUrl, mediaFileName, mediaMimeType, urlHostIn } from './media';
import type { Button, Card, Media, ProviderName, QuickReply, QuickReplyType, SendRequest } from './message';

export { characterCount, InputValidationError } from './input-error';

/** The checks of one request against one provider's rows of the capability and limits tables. */
class RequestChecker {
	readonly warnings: string[] = [];
	readonly label: string;
	readonly limits: ProviderLimits;

	constructor(readonly provider: ProviderName) {
		this.label = PROVIDER_LABELS[provider];
		this.limits = MESSENGER_LIMITS[provider];
	}

	fail(field: string, message: string): never {
		throw new InputValidationError(field, message);
	}

	unsupported(field: string, what: string): never {
		this.fail(field, `${this.label} does not support ${what}`);
	}

	required(field: string, value: string | undefined): string {
		if (value === undefined || !value.trim()) this.fail(field, `${field} is empty`);
		return value;
	}

	/** Fails naming the field, its length and the limit; `truncated` downgrades it to a warning. */
	maxLength(field: string, value: string | undefined, limit: number, truncated = false): void {
		if (value === undefined) return;
		const length = characterCount(value);
		if (length <= limit) return;
		const detail = `${field} is ${length} characters long; the limit on ${this.label} is ${limit}`;
		if (!truncated) this.fail(field, detail);
		this.warnings.push(`${detail}: ${this.label} truncates it to ${limit} characters`);
	}

	text(field: string, value: string | undefined, limit: number, truncated = false): void {
		this.maxLength(field, this.required(field, value), limit, truncated);
	}

	count(field: string, items: readonly unknown[] | undefined, min: number, max: number): void {
		const length = items?.length ?? 0;
		if (length >= min && length <= max) return;
		const range = min === max ? `exactly ${min}` : min > 0 ? `${min} to ${max}` : `at most ${max}`;
		this.fail(field, `${field} has ${length} entries; ${this.label} allows ${range}`);
	}

	oneOf(field: string, value: string, allowed: readonly string[]): void {
		if (allowed.includes(value)) return;
		const list = allowed.length ? `one of ${allowed.join(', ')}` : 'none';
		this.fail(field, `${field} "${value}" is not allowed on ${this.label}; allowed: ${list}`);
	}

	httpUrl(field: string, value: string | undefined): void {
		if (value && !isHttpUrl(value)) this.fail(field, `${field} "${value}" is not an http(s) URL`);
	}

	buttons(field: string, buttons: readonly Button[] | undefined, min: number, max: number): void {
		this.count(field, buttons, min, max);
		const { buttonTypes } = MESSENGER_CAPABILITIES[this.provider];
		(buttons ?? []).forEach((button, index) => {
			const at = `${field}[${index}]`;
			if (!buttonTypes.includes(button.type)) this.unsupported(`${at}.type`, `"${button.type}" buttons`);
			this.text(`${at}.title`, button.title, this.limits.buttons.title);
			if (button.type === 'postback') this.text(`${at}.payload`, button.payload, this.limits.buttons.payload);
			if (button.type === 'url') this.required(`${at}.url`, button.url);
			if (button.type === 'call') this.phoneNumber(`${at}.phoneNumber`, button.phoneNumber);
		});
	}

	/**
	 * Call buttons: Meta's call button page wants the number "with a + prefix followed by the country
	 * code"; CM.com hands it to Messenger the same way. Spaces are tolerated, as Meta's examples group digits.
	 */
	phoneNumber(field: string, value: string | undefined): void {
		const number = this.required(field, value).trim();
		if (!/^\+[1-9][0-9 ]{5,19}$/.test(number)) {
			this.fail(
				field,
				`${field} "${number}" must start with + and the country code, then digits only (e.g. +15105551234); ${this.label} rejects numbers without them`,
			);
		}
	}

	quickReplies(field: string, replies: readonly QuickReply[] | undefined, min: number): void {
		const { max, title, payload } = this.limits.quickReplies;
		this.count(field, replies, min, max);
		(replies ?? []).forEach((reply, index) => {
			const at = `${field}[${index}]`;
			const type = reply.type ?? 'text';
			if (!MESSENGER_CAPABILITIES[this.provider].quickReplyTypes.includes(type)) {
				this.unsupported(`${at}.type`, `"${type}" quick replies`);
			}
			if (type !== 'text') {
				this.refuseTextFields(at, reply, type);
				return;
			}
			this.text(`${at}.title`, reply.title, title);
			this.text(`${at}.payload`, reply.payload, payload);
			this.httpUrl(`${at}.imageUrl`, reply.imageUrl);
		});
	}

	/**
	 * A phone-number or e-mail quick reply shows the user's own number or address, and the tap sends it
	 * back as the payload: Meta's quick replies page requires title and payload for text only, and
	 * Infobip's PHONE_NUMBER / EMAIL quick replies have no field but their type.
	 */
	private refuseTextFields(at: string, reply: QuickReply, type: Exclude<QuickReplyType, 'text'>): void {
		const [kind, shown] = type === 'phoneNumber' ? ['a phone-number', 'phone number'] : ['an e-mail', 'e-mail address'];
		for (const name of ['title', 'payload', 'imageUrl'] as const) {
			if (reply[name]?.trim()) {
				this.fail(`${at}.${name}`, `${at}.${name} must be empty for ${kind} quick reply: Messenger shows the user's own ${shown} and sends it back as the payload`);
			}
		}
	}

	/** Degrees within the coordinate's range (./location.ts). */
	coordinate(field: Coordinate, value: number): void {
		const { min, max } = COORDINATE_RANGES[field];
		if (!Number.isFinite(value)) this.fail(field, `${field} is not a number of degrees`);
		if (value < min || value > max) this.fail(field, `${field} is ${value}; it must be from ${min} to ${max} degrees`);
	}

	card(field: string, card: Card): void {
		const { cards } = this.limits;
		this.text(`${field}.title`, card.title, cards.title);
		this.maxLength(`${field}.subtitle`, card.subtitle, cards.subtitle);
		this.httpUrl(`${field}.imageUrl`, card.imageUrl);
		if (card.defaultActionUrl && !MESSENGER_CAPABILITIES[this.provider].cardDefaultAction) {
			this.unsupported(`${field}.defaultActionUrl`, 'a default action on cards');
		}
		this.httpUrl(`${field}.defaultActionUrl`, card.defaultActionUrl);
		this.buttons(`${field}.buttons`, card.buttons, 0, cards.buttons);
		// Seed 004 and Graph's generic template alike: a card needs one property besides its title.
		if (!card.subtitle && !card.imageUrl && !card.defaultActionUrl && !card.buttons.length) {
			this.fail(field, `${field} has only a title; ${this.label} needs a subtitle, an image, a default action or a button as well`);
		}
	}

	media(field: string, media: Media, asTemplate: boolean): void {
		const { media: rules } = this.limits;
		const allowedTypes = asTemplate ? rules.templateTypes : rules.types;
		this.oneOf(`${field}.type`, media.type, allowedTypes);
		const { source } = media;
		if (!MESSENGER_CAPABILITIES[this.provider].mediaSources.includes(source.kind)) {
			this.unsupported(`${field}.source`, `media from ${source.kind === 'binary' ? 'binary data (upload)' : 'an attachment ID'}`);
		}
		if (source.kind === 'url') {
			this.required(`${field}.url`, source.url);
			this.httpUrl(`${field}.url`, source.url);
			const urlLength = rules.urlLength?.[media.type];
			if (urlLength !== undefined) this.maxLength(`${field}.url`, source.url, urlLength);
			if (asTemplate && rules.templateUrlHosts.length && !urlHostIn(source.url, rules.templateUrlHosts)) {
				this.fail(
					`${field}.url`,
					`${field}.url must be a Facebook URL for a media template on ${this.label}; upload the file (binary) or send an attachment ID instead`,
				);
			}
		}
		if (source.kind === 'attachmentId') this.required(`${field}.attachmentId`, source.id);
		if (source.kind === 'binary') {
			if (source.data.length === 0) this.fail(`${field}.data`, `${field}.data is empty`);
			if (source.data.length > rules.uploadBytes) {
				this.fail(
					`${field}.data`,
					`${field}.data is ${source.data.length} bytes; the upload limit on ${this.label} is ${rules.uploadBytes}`,
				);
			}
		}
		const mimeType = mediaMimeType(media);
		if (mimeType && media.type !== 'file' && !mimeType.startsWith(`${media.type}/`)) {
			this.fail(`${field}.mimeType`, `${field}.mimeType "${mimeType}" is not ${media.type === 'video' ? 'a' : 'an'} ${media.type} type`);
		}
		const allowedMimeTypes = rules.mimeTypes[media.type];
		if (allowedMimeTypes) {
			if (!mimeType) this.fail(`${field}.mimeType`, `${field}.mimeType is unknown; set it (one of ${allowedMimeTypes.join(', ')})`);
			this.oneOf(`${field}.mimeType`, mimeType, allowedMimeTypes);
		}
		if (rules.requireFileExtension && !extensionOf(mediaFileName(media))) {
			this.fail(`${field}.fileName`, `${field}.fileName "${mediaFileName(media)}" needs a file extension on ${this.label}`);
		}
	}
}

/**
 * Checks a request against the capability table and the limits table before anything is sent.
 * Throws a InputValidationError naming the field (with its length and the limit where one applies);
 * returns warnings for what the provider accepts but changes (Infobip's truncation).
 */
export function validateSendRequest(provider: ProviderName, request: SendRequest): string[] {
	const check = new RequestChecker(provider);
	const capabilities = MESSENGER_CAPABILITIES[provider];
	const { limits } = check;
	const { message, recipient } = request;
	const operation = OPERATION_LABELS[message.type] ?? message.type;

	// Said before the generic refusals below, so the user learns what replaced it and what still works.
	const { retired } = capabilities;
	const retiredOperation = retired?.operations.includes(message.type) ?? false;
	if (retired && (retiredOperation || retired.recipientKinds.includes(recipient.kind))) {
		check.fail(retiredOperation ? 'operation' : 'recipient.kind', retired.reason);
	}
	if (!capabilities.operations.includes(message.type)) {
		check.fail(
			'operation',
			`${check.label} does not support the operation "${operation}"; it supports: ${capabilities.operations
				.map((name) => OPERATION_LABELS[name])
				.join(', ')}`,
		);
	}
	if (!capabilities.recipientKinds.includes(recipient.kind)) {
		check.unsupported('recipient.kind', `recipients of type "${recipient.kind}"`);
	}
	check.required('recipient.id', recipient.id);
	if (request.sender !== undefined) check.required('sender', request.sender);
	// A provider that takes the sender as a path segment (Graph: `/{page-id}/messages`) checks it here
	// too, so a bad one fails before the first item of the batch is sent.
	if (request.sender) PROVIDERS[provider].send.checkSender?.(request.sender);

	if (request.tag) {
		if (!capabilities.messageTags) check.unsupported('tag', 'message tags');
		check.oneOf('tag', request.tag, limits.messageTags);
		if (message.type === 'senderAction') check.fail('tag', 'A sender action cannot carry a message tag');
	}
	if (request.messagingType && !capabilities.messagingType) check.unsupported('messagingType', 'a messaging type');
	if (recipient.kind === 'notificationToken') {
		if (message.type === 'optInRequest' || message.type === 'senderAction') {
			check.fail('recipient.kind', `"${operation}" cannot be sent to a notification token; use the user's PSID`);
		}
		// Only CM.com takes notification tokens (Meta's were retired above, Infobip never had them).
		if (request.tag && request.tag !== 'NOTIFICATION_MESSAGE') {
			check.fail('tag', `A send to a notification token on ${check.label} must use the tag NOTIFICATION_MESSAGE`);
		}
	} else if (request.tag === 'NOTIFICATION_MESSAGE') {
		check.fail('tag', 'The tag NOTIFICATION_MESSAGE needs a notification token as recipient');
	}
	// A comment is answered with a message (Infobip's COMMENT content); a typing indicator or a read
	// receipt has no conversation to show in.
	if (recipient.kind === 'commentId' && (message.type === 'senderAction' || message.type === 'optInRequest')) {
		check.fail('recipient.kind', `"${operation}" cannot reply to a comment; send a message to the comment ID, or use the user's PSID`);
	}

	if ('quickReplies' in message && message.quickReplies?.length && message.type !== 'quickReplies') {
		if (!capabilities.quickRepliesOn.includes(message.type)) {
			check.unsupported('quickReplies', `quick replies with "${operation}"`);
		}
		check.quickReplies('quickReplies', message.quickReplies, 0);
	}

	switch (message.type) {
		case 'text':
			check.text('text', message.text, limits.text, limits.textTruncatedByProvider);
			break;
		case 'quickReplies':
			check.text('text', message.text, limits.text, limits.textTruncatedByProvider);
			check.quickReplies('quickReplies', message.quickReplies, 1);
			break;
		case 'media':
			check.media('media', message.media, false);
			break;
		case 'buttonTemplate':
			check.text('text', message.text, limits.buttonTemplateText);
			check.buttons('buttons', message.buttons, limits.buttons.min, limits.buttons.max);
			break;
		case 'genericTemplate':
			check.card('card', message.card);
			break;
		case 'carousel':
			check.count('cards', message.cards, 1, limits.cards.max);
			message.cards.forEach((card, index) => check.card(`cards[${index}]`, card));
			break;
		case 'mediaTemplate':
			check.media('media', message.media, true);
			check.buttons('buttons', message.buttons, 0, limits.mediaTemplateButtons);
			break;
		case 'productTemplate':
			check.count('productIds', message.productIds, 1, limits.productIds);
			message.productIds.forEach((id, index) => check.required(`productIds[${index}]`, id));
			break;
		case 'senderAction':
			check.oneOf('action', message.action, capabilities.senderActions);
			if (message.action === 'react' || message.action === 'unreact') {
				// Sender-actions page: react takes payload {message_id, reaction}; unreact only message_id.
				check.required('messageId', message.messageId);
				if (message.action === 'react') check.required('emoji', message.emoji);
			}
			break;
		case 'optInRequest':
			check.text('title', message.title, limits.optIn.title);
			check.text('payload', message.payload, limits.optIn.payload);
			check.httpUrl('imageUrl', message.imageUrl);
			if (message.frequency) check.oneOf('frequency', message.frequency, limits.optIn.frequencies);
			break;
		case 'location':
			check.coordinate('latitude', message.latitude);
			check.coordinate('longitude', message.longitude);
			break;
	}
	return check.warnings;
}
