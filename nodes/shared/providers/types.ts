import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Media, ProviderName, SendRequest, SendResult } from '../model/message';

/** An error a provider returned, in one shape whatever the provider. */
export interface ProviderErrorInfo {
	message: string;
	/** The provider's own code (Infobip messageId, CM errorCode, Graph code/subcode). */
	code?: string;
	/** What the user can do about it, for the common cases. */
	hint?: string;
	/** The provider says it did not take the message and asks to try later (rate limit, transient). */
	retryable?: boolean;
}

/** The part of a send result an adapter reads from the provider's answer. */
export type ParsedSendResponse = Pick<SendResult, 'messageId' | 'recipient' | 'status' | 'raw'> & {
	warnings?: string[];
};

/** Uploading media before the send, where the provider has an upload API (Graph `message_attachments`). */
export interface MediaUploader {
	buildUploadRequest(media: Media, sender: string, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions;
	/** The attachment id from a successful upload answer, or undefined when the answer has none. */
	parseUploadResponse(body: unknown): string | undefined;
}

/**
 * Everything the nodes need to know about one provider. A new provider is one folder that exports
 * one of these and is listed in `providers/index.ts` (plus its rows in the capability and limits tables).
 */
export interface ProviderAdapter {
	name: ProviderName;
	displayName: string;
	credentialType: string;
	/** What the sender is called for this provider, for the error when none is set. */
	senderName: string;
	/** The sender the credential names (Infobip application key, CM.com or Graph page id). */
	defaultSender(credentials: ICredentialDataDecryptedObject): string;
	/** `request.sender` is resolved (node override or credential default) before this is called. */
	buildSendRequest(request: SendRequest, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions;
	parseSendResponse(body: unknown, request: SendRequest): ParsedSendResponse;
	/** The provider's error in this answer, if it is one (CM.com and Infobip can fail with HTTP 200). */
	parseError(statusCode: number, body: unknown): ProviderErrorInfo | undefined;
	uploader?: MediaUploader;
}
