import type { ICredentialDataDecryptedObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Media, OutboundMessage, SendRequest, SendResult } from './model/message';
import { InputValidationError, validateSendRequest } from './model/validate';
import type { ProviderAdapter } from './providers/types';
import { NEVER_SENT_ERROR_CODES, RETRYABLE_STATUSES } from './retry';
import type { SenderAuth } from './sender-auth';
import { requestWithRetries, type SendPolicy } from './transport';

export interface SendContext {
	fn: IExecuteFunctions;
	itemIndex: number;
	adapter: ProviderAdapter;
	credentials: ICredentialDataDecryptedObject;
	/** Retries and the per-attempt timeout. */
	retry: SendPolicy;
	/** The sender's own token, where the credential obtains one per sender (./sender-auth.ts). */
	auth?: SenderAuth;
}

function mediaOf(message: OutboundMessage): Media | undefined {
	return message.type === 'media' || message.type === 'mediaTemplate' ? message.media : undefined;
}

function withMedia(request: SendRequest, media: Media): SendRequest {
	return { ...request, message: { ...request.message, media } as OutboundMessage };
}

/** Binary media goes up first (Graph `message_attachments`); the send then names the attachment id. */
async function uploadBinaryMedia(context: SendContext, request: SendRequest): Promise<{ request: SendRequest; attachmentId?: string }> {
	const media = mediaOf(request.message);
	const { adapter, fn, itemIndex } = context;
	if (media?.source.kind !== 'binary' || !adapter.uploader) return { request };
	const upload = adapter.uploader.buildUploadRequest(media, request.sender ?? '', context.credentials);
	const response = await requestWithRetries(fn, adapter, upload, context.retry, itemIndex, context.auth);
	const attachmentId = adapter.uploader.parseUploadResponse(response.body);
	if (!attachmentId) {
		throw new NodeApiError(fn.getNode(), { message: 'upload answered without an attachment id' } as JsonObject, {
			itemIndex,
			message: `${adapter.displayName}: the media upload answered without an attachment_id`,
		});
	}
	return { request: withMedia(request, { ...media, source: { kind: 'attachmentId', id: attachmentId } }), attachmentId };
}

/** A request that passed the capability and limits tables, with the warnings validation gave. */
export interface PreparedSend {
	request: SendRequest;
	warnings: string[];
}

/**
 * Resolves the sender and validates against the capability and limits tables; throws a
 * InputValidationError naming the field. Nothing is sent here, so a node can check every item
 * before the first message leaves.
 */
export function prepareSend(
	adapter: SendContext['adapter'],
	credentials: ICredentialDataDecryptedObject,
	request: SendRequest,
): PreparedSend {
	const resolved: SendRequest = { ...request, sender: request.sender || adapter.defaultSender(credentials) };
	if (!resolved.sender?.trim()) {
		throw new InputValidationError('sender', `No sender is set: set ${adapter.senderName}`);
	}
	return { request: resolved, warnings: validateSendRequest(adapter.name, resolved) };
}

/**
 * Whether a failed send may still have reached the user: the provider answered a 5xx other than 503
 * (which says "not taken, try later"), or the connection failed after the request was written (a
 * timeout or reset; not one of the codes that prove it never left). A 4xx and a refused connection
 * prove the message was not taken.
 */
function outcomeUnknown(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const status = Number(error.httpCode);
	if (Number.isFinite(status) && status > 0) return status >= 500 && !RETRYABLE_STATUSES.has(status);
	const code = error.context.providerCode;
	return !(typeof code === 'string' && NEVER_SENT_ERROR_CODES.has(code));
}

/** True for a send error whose outcome is unknown: the message must not be sent again. */
export function isDeliveryUncertain(error: unknown): boolean {
	return error instanceof NodeApiError && error.context.deliveryUncertain === true;
}

/** One prepared message: upload binary media, send, and turn the answer into the uniform result shape. */
export async function sendPrepared(context: SendContext, prepared: PreparedSend): Promise<SendResult> {
	const { adapter, fn, itemIndex, credentials } = context;
	const warnings = [...prepared.warnings];
	const resolved = prepared.request;
	// A failed upload sent nothing to the user, so only the send request itself can leave an outcome unknown.
	const { request: ready, attachmentId } = await uploadBinaryMedia(context, resolved);
	const sendRequest = adapter.buildSendRequest(ready, credentials);
	// requestWithRetries fails with a NodeApiError only; it passes through, marked when its outcome is unknown.
	const response = await requestWithRetries(fn, adapter, sendRequest, context.retry, itemIndex, context.auth).catch((error: unknown) => {
		if (outcomeUnknown(error)) (error as NodeApiError).context.deliveryUncertain = true;
		throw error;
	});
	const parsed = adapter.parseSendResponse(response.body, ready);
	if (typeof response.body !== 'object' || response.body === null) {
		// A 2xx proves the provider took the message, so it is a success (and never retried) even when
		// the answer cannot be read.
		warnings.push(
			`${adapter.displayName} accepted the message (HTTP ${response.statusCode}) but its answer was not JSON, so the message id is unknown`,
		);
	}
	const result: SendResult = {
		provider: adapter.name,
		messageId: parsed.messageId,
		recipient: parsed.recipient,
		status: parsed.status,
		raw: parsed.raw,
	};
	if (attachmentId) result.attachmentId = attachmentId;
	warnings.push(...(parsed.warnings ?? []));
	if (warnings.length) result.warnings = warnings;
	return result;
}
