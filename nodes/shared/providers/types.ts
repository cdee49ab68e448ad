import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INodePropertyOptions } from 'n8n-workflow';

import type { ProviderCapabilities } from '../model/capabilities';
import type { InboundParseResult, MessengerEvent, TriggerChoice } from '../model/event';
import type { ProviderLimits } from '../model/limits';
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

/** How the Messenger node sends through one provider (part of its ProviderDefinition). */
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
	/** Refuses a sender the provider could not take (Graph puts it in the URL path); throws InputValidationError. */
	checkSender?(sender: string): void;
	uploader?: MediaUploader;
	/** Where a credential can speak for several senders, each with its own token (Meta's system-user credential). */
	senderTokens?: SenderTokenSource;
}

/** A token obtained for one sender (a Facebook page's access token), or why it could not be. */
export type SenderTokenAnswer = { ok: true; token: string } | { ok: false; problem: ProviderErrorInfo };

/**
 * A credential that holds no sender's token itself but can obtain one per sender from the provider
 * (Meta: a system-user or user token, from which each page's token is read). Pure decisions only; the
 * one call that fetches a token, the cache and the one retry live in nodes/shared/sender-auth.ts.
 */
export interface SenderTokenSource {
	/** Whether this credential obtains a token per sender; false: its own token is used, as before. */
	appliesTo(credentials: ICredentialDataDecryptedObject): boolean;
	/** How errors and items name a sender ("page 100000000000001"). */
	senderLabel(sender: string): string;
	/** The request for a sender's token, authenticated by the credential's own token. */
	buildTokenRequest(credentials: ICredentialDataDecryptedObject, sender: string): IHttpRequestOptions;
	/** The token in the provider's answer, or the problem (with what to do about it) naming the sender. */
	parseTokenResponse(statusCode: number, body: unknown, sender: string): SenderTokenAnswer;
	/** `request` sent with `token` in place of the credential's own (and any proof the provider asks for that token). */
	authorize(request: IHttpRequestOptions, token: string, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions;
	/** The provider's error code says the token itself was refused (expired, invalidated): refetch it. */
	isTokenRejected(code: string | undefined): boolean;
	/**
	 * What identifies the credential in the token cache: a digest of the fields that decide which
	 * tokens it gets, never the token itself, so editing the credential starts a new cache.
	 */
	cacheKey(credentials: ICredentialDataDecryptedObject): string;
	/** How long an obtained token is reused before it is fetched again. */
	ttlMs: number;
}

/**
 * The provider API the setup calls (Messenger Application node, list searches, webhook registration)
 * talk to. Setup is not a send: no retries, and any call may run from a node's execute() or from the
 * editor's list search. Its error parser adds the hints that fit setup calls where the send ones do not.
 */
export interface SetupApi {
	displayName: string;
	credentialType: string;
	parseError(statusCode: number, body: unknown): ProviderErrorInfo | undefined;
}

/** The provider's GET check of a callback URL (Meta's `hub.challenge`): what to answer. */
export interface HandshakeAnswer {
	status: number;
	body: string;
}

export type SignatureCheck = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/**
 * Deliveries the provider signs with a secret of the credential (Meta's X-Hub-Signature-256), and the
 * GET handshake that proves the callback URL. A provider without this is protected by the trigger's own
 * authentication options (a shared secret in a header or the path, or basic auth).
 */
export interface SignedInbound {
	/** The request header (lower case) that carries the signature. */
	signatureHeader: string;
	verifySignature(secret: string, rawBody: Buffer, header: string | string[] | undefined): SignatureCheck;
	/** The signing secret and the handshake token, read from the provider's credential. */
	secretsOf(credentials: ICredentialDataDecryptedObject): { signingSecret: string; verifyToken: string };
	answerHandshake(query: Record<string, unknown>, verifyToken: string | undefined): HandshakeAnswer;
}

/** How the Messenger Trigger reads this provider's webhook calls. */
export interface InboundDefinition {
	/** The trigger's name for the format, in errors and docs. */
	displayName: string;
	parse(body: unknown): InboundParseResult;
	/** What identifies the event when the provider delivers it again; undefined when nothing does. */
	eventKey(event: MessengerEvent): string | undefined;
	signed?: SignedInbound;
	/** The trigger can register its URL with the provider on activation (Graph's app and page subscriptions). */
	registersWebhook?: boolean;
	trigger: TriggerDescription;
}

/** A notice at the top of the trigger's panel: what to do outside n8n for this provider. */
export interface TriggerNotice {
	name: string;
	text: string;
	/** Shown only for these node versions (before or from the version with safe defaults), or only when registration is off. */
	when?: { versions?: 'beforeSafeDefaults' | 'safeDefaults'; registerWebhook?: false };
}

/** This provider in the Messenger Trigger's panel. */
export interface TriggerDescription {
	/** "Trigger On": the events the provider sends, each with its own wording. */
	events: { options: INodePropertyOptions[]; default: TriggerChoice[]; description: string };
	notices: TriggerNotice[];
	/**
	 * Unsigned providers: whether the provider's webhook setup can add a header, so that the node offers
	 * Header Secret (from the node version with safe defaults on).
	 */
	headerSecret?: boolean;
}

/** One entry of a node's Provider list. */
export interface ProviderOption {
	name: string;
	description: string;
}

/**
 * One row of the provider registry (./index.ts): everything the nodes know about one provider. A new
 * provider is one folder exporting one of these from its `provider.ts`, and one row in the registry.
 */
export interface ProviderDefinition {
	name: ProviderName;
	/** The provider's name in the UI and in every error. */
	label: string;
	/** The short name in the trigger's subtitle ("via Meta"). */
	brand: string;
	/** How the Provider parameter of the Messenger node and of the Messenger Trigger lists it. */
	options: { send: ProviderOption; trigger: ProviderOption };
	/** The n8n credential type, from the folder's credential.ts. */
	credentialType: string;
	capabilities: ProviderCapabilities;
	limits: ProviderLimits;
	send: ProviderAdapter;
	inbound: InboundDefinition;
	/** A pull inbox the Messenger Inbox Trigger can drain (Infobip). */
	inboxPull?: InboxPull;
	/** Delivery reports handed out once by pull, for who cannot take the provider's report webhook. */
	reportsPull?: InboxPull;
	setup: SetupApi;
}

/**
 * One page of a pull inbox: the messages, and how many still wait after it (null when the provider
 * did not say: the drain then pulls again only after a full page).
 */
export type InboxPage =
	| { ok: true; events: MessengerEvent[]; pendingMessageCount: number | null; messageCount: number | null }
	| { ok: false; error: Error };

/** A provider inbox that hands out each waiting message once to whoever pulls it. */
export interface InboxPull {
	/** What this inbox is, in the Messenger Inbox Trigger's choice of inbox. */
	description: string;
	/** What a failed pull was pulling, in its error ("the Messenger inbox" when unset). */
	what?: string;
	/** The most messages one request may ask for. */
	maxLimit: number;
	buildPullRequest(credentials: ICredentialDataDecryptedObject, limit: number, timeoutMs: number): IHttpRequestOptions;
	parsePage(body: unknown): InboxPage;
	/**
	 * Hints by the provider's error code that replace the send parser's for a failed pull, where the
	 * send's would mislead: a pull has no sender or recipient, and may need other API scopes.
	 */
	errorHints?: Readonly<Record<string, string>>;
}
