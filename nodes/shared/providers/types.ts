import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { OperationName, ProviderName, SendRequest, SendResult } from '../model/message';

/** An error body a provider returned, in one shape whatever the provider. */
export interface ProviderErrorInfo {
	message: string;
	/** The provider's own code (Infobip messageId, CM errorCode, Graph code/subcode). */
	code?: string;
	hint?: string;
}

/**
 * Everything the nodes need to know about one provider. A new provider is one folder that exports
 * one of these and is listed in `providers/index.ts`.
 */
export interface ProviderAdapter {
	name: ProviderName;
	displayName: string;
	credentialType: string;
	operations: ReadonlySet<OperationName>;
	buildSendRequest(request: SendRequest, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions;
	parseSendResponse(body: unknown, request: SendRequest): Omit<SendResult, 'provider' | 'warnings'>;
	parseError(body: unknown): ProviderErrorInfo | undefined;
}
