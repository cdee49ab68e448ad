// The contract between the sandbox's core (HTTP server, request log, faults, simulated user) and its
// provider modules (sandbox/infobip, sandbox/cm, sandbox/meta). Each provider module exports
// `registerXxx(router, ctx)` and adds its routes; the core owns everything cross-cutting.
//
// The sandbox is an independent reading of ../shared/seeds and ../shared/reference/providers.md: nothing
// here may import from nodes/ or credentials/, so a mistake in the package is caught by the sandbox.
import type { IncomingHttpHeaders } from 'node:http';

/**
 * `infobip` is Infobip's v1 Facebook API (/facebook/1/*); `infobip-messenger` is today's Messenger API
 * (/messenger/1/*) with the Messages API's inbound pull, on the same Infobip account.
 */
export type ProviderId = 'infobip' | 'infobip-messenger' | 'cm' | 'meta';

export interface SandboxRequest {
	method: string;
	/** Path without the query string, e.g. `/facebook/1/single`. */
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** JSON-parsed body when content-type is JSON and it parses; otherwise undefined. */
	json: unknown;
	/** Path parameters captured by the route pattern (`:key` segments). */
	params: Record<string, string>;
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings and Buffers as they are. */
	body?: unknown;
}

export type RouteHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface SandboxRouter {
	/**
	 * `routeId` names the route in the request log and in fault rules (e.g. `infobip.single`,
	 * `cm.message`, `meta.messages`). `pattern` segments starting with `:` capture a parameter.
	 */
	add(method: string, pattern: string, routeId: string, provider: ProviderId, handler: RouteHandler): void;
}

/** Accounts the sandbox accepts; tests and the CLI read them from `sandbox.config`. */
export interface SandboxConfig {
	infobip: {
		apiKey: string;
		basicUser: string;
		basicPassword: string;
		/** Application keys that exist from the start (seed 001's `key`). */
		applicationKeys: string[];
		/** HTTP-forward target (seed 000); undefined = messages go to the pull inbox. */
		forwardUrl?: string;
		/** Today's Messenger API on the same account (sandbox/infobip-messenger/index.ts documents it). */
		messengerApi: InfobipMessengerApiConfig;
	};
	cm: {
		productToken: string;
		/** Page ids the token may send from (`from`). */
		pageIds: string[];
		inboundUrl?: string;
		statusUrl?: string;
		/** When true, every send answers HTTP 200 with errorCode 102 (out of credits). */
		outOfCredits?: boolean;
	};
	meta: {
		pageId: string;
		pageName: string;
		pageAccessToken: string;
		appId: string;
		appSecret: string;
		/** When true, Graph calls must carry a correct `appsecret_proof` (code 100 otherwise). */
		requireAppsecretProof: boolean;
		webhookUrl?: string;
		verifyToken?: string;
	};
	/** PSIDs (= Infobip user keys, CM recipient numbers) of the simulated users that exist. */
	users: SandboxUser[];
}

export interface InfobipMessengerApiConfig {
	/** Facebook page ids the account may send from (`messages[].sender`); inbound `to` is the first. */
	pageIds: string[];
	/** Where incoming messages are POSTed (the "receive incoming message" webhook) for via `infobip-messenger`. */
	inboundUrl?: string;
	/** Delivery reports for messages without `webhooks.delivery.url` (the account's subscription setting). */
	deliveryReportUrl?: string;
	/** Seen reports for messages without `webhooks.seen.url`. */
	seenReportUrl?: string;
	/** Messages API pull: add `pendingMessageCount` to the answer (its MESSENGER example omits it). */
	pullPendingCount?: boolean;
}

export interface SandboxUser {
	psid: string;
	firstName: string;
	lastName: string;
	/** Epoch ms of the user's last inbound message: Graph's 24-hour window is counted from it. */
	lastInboundAt: number;
}

export interface LogEntry {
	seq: number;
	at: number;
	provider: ProviderId | 'sandbox';
	routeId: string;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	/** Parsed JSON body, or undefined. */
	body: unknown;
	rawBody: string;
	status: number;
	response: unknown;
	/** Set when a fault rule answered instead of the route. */
	fault?: string;
}

/**
 * A message the provider accepted for delivery to a user (what the user would see). Tests assert
 * "exactly one reply per event" on this list, so a provider pushes here only on success.
 */
export interface DeliveredMessage {
	provider: ProviderId;
	messageId: string;
	/** PSID / user key / notification token the message went to. */
	recipient: string;
	/** The provider-native message as accepted (after Infobip's 640-char truncation, for example). */
	message: unknown;
	at: number;
}

export interface SandboxContext {
	config: SandboxConfig;
	/** The sandbox's own base URL, e.g. `http://127.0.0.1:43123`. */
	baseUrl(): string;
	deliver(message: Omit<DeliveredMessage, 'at'>): void;
	findUser(psid: string): SandboxUser | undefined;
	/** POST a JSON body (or raw string) to a URL, returning status and text; used for webhook delivery. */
	postOut(url: string, body: string, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
	getOut(url: string): Promise<{ status: number; body: string }>;
}

/** A fault injected on matching requests before the route runs (or, with `afterRoute`, after it). */
export interface FaultRule {
	/** Route id (`meta.messages`) or `*` for every provider route. */
	routeId: string;
	/** HTTP status to answer with (429, 500, 503...). With `graphCode`, a Graph error body is sent. */
	status?: number;
	/** Seconds, sent as `Retry-After` (429/503). */
	retryAfter?: number;
	/** Graph error code for the body (e.g. 1200 temporary send failure, 4 / 613 rate limit). */
	graphCode?: number;
	graphSubcode?: number;
	/** Delay before answering (or before running the route when no status is set), in ms. */
	latencyMs?: number;
	/** Destroy the socket without answering. */
	reset?: boolean;
	/** Answer 200 with a body that is not valid JSON. */
	malformed?: boolean;
	/**
	 * Run the route first and fault its answer: what the route did stands (a send is recorded in
	 * `delivered`, an inbox pull removes the messages it returned), then `latencyMs` passes and the
	 * client gets this rule's status, reset or malformed body instead of the route's answer (or, with
	 * `latencyMs` alone, the route's answer late). A provider that took the request and then failed
	 * to answer, answered 500, or answered after the client gave up.
	 */
	afterRoute?: boolean;
	/**
	 * Answer `status` (default 307) with `Location: <redirectTo>`: a base URL that moved, or one that
	 * hands the caller (and whatever credential it carries) to another host.
	 */
	redirectTo?: string;
	/**
	 * Answer `status` (default 401) in the provider's error shape with the request's credential headers
	 * (Authorization, X-CM-PRODUCTTOKEN) quoted in the message, as a careless gateway or proxy does.
	 */
	echoAuth?: boolean;
	/** How many matching requests the rule applies to; undefined = all. */
	times?: number;
	/** 0..1: chance the rule applies to a matching request (seeded, reproducible); default 1. */
	probability?: number;
}

/** What a simulated Messenger user does (delivered in the provider format chosen by `via`). */
export interface UserAction {
	via: 'meta' | 'infobip-forward' | 'infobip-pull' | 'infobip-messenger' | 'infobip-messages-pull' | 'cm';
	/** PSID of the user; created (inside the 24-hour window) if unknown. */
	from: string;
	kind: 'text' | 'quick_reply' | 'postback' | 'attachment' | 'read' | 'delivery' | 'reaction' | 'optin' | 'referral' | 'echo' | 'edit';
	text?: string;
	/** Quick reply or postback payload, the opt-in's ref or payload, or (edit) the edited message's mid. */
	payload?: string;
	/** Attachment URL and type for `attachment`. */
	url?: string;
	/** image/audio/video/file everywhere; the other types Meta documents via `meta` only. */
	attachmentType?: AttachmentKind;
	/**
	 * Which documented shape of the kind (USER_VARIANTS): optin `checkbox` (Meta, no sender) or
	 * `notification_messages`; reaction `react` or `unreact`; referral `shortlink`, `ads` or `postback`
	 * (Meta: a Get Started postback carrying the referral); delivery `delivered` or `failed` (CM.com).
	 */
	variant?: string;
	/** Meta only: deliver under `entry[].standby` (another app holds the thread). */
	standby?: boolean;
	/** Meta only: how many copies of the event one POST batches (default 1). */
	batch?: number;
	/**
	 * Meta only, with `batch` > 1: put the copies in one entry's `messaging` array (default) or one
	 * entry each (`entry`); Meta documents both shapes as possible.
	 */
	batchAs?: 'messaging' | 'entry';
}

export type AttachmentKind =
	| 'image'
	| 'audio'
	| 'video'
	| 'file'
	| 'sticker'
	| 'reel'
	| 'ig_reel'
	| 'post'
	| 'ig_post'
	| 'fallback'
	| 'location'
	| 'appointment_booking';

export interface UserActionResult {
	/** The exact body sent (or queued in the inbox). */
	body: unknown;
	/** Undefined for `infobip-pull` (nothing is POSTed). */
	delivery?: { url: string; status: number; responseBody: string };
}

export interface Sandbox {
	url: string;
	port: number;
	config: SandboxConfig;
	/** Every request the sandbox received, in order. */
	log: LogEntry[];
	delivered: DeliveredMessage[];
	clearLog(): void;
	addFault(rule: FaultRule): void;
	clearFaults(): void;
	user(action: UserAction): Promise<UserActionResult>;
	/**
	 * Back to the start: log, delivered messages and fault rules emptied, config restored to what
	 * `startSandbox` built (same object, mutated in place), each module's state forgotten.
	 */
	reset(): void;
	close(): Promise<void>;
}

/**
 * One per provider folder (`sandbox/infobip/index.ts` exports `createInfobipModule`, likewise
 * `createCmModule`, `createMetaModule`). The core builds the context, then calls each factory once.
 */
export interface ProviderModule {
	provider: ProviderId;
	register(router: SandboxRouter): void;
	/** The `via` values of UserAction this module delivers. */
	userVias: Array<UserAction['via']>;
	userAction(action: UserAction): Promise<UserActionResult>;
	/**
	 * Optional: the provider's own error body for failures the core detects before the route runs
	 * (`invalid_json` → 400, `too_large` → 413, `fault` → a fault rule's status). Without it the core
	 * uses its built-in shape for the provider (sandbox/core/provider-errors.ts).
	 */
	errorResponse?(kind: CoreErrorKind, status: number, message: string): SandboxResponse;
	/** Optional: forget module state (uploads, subscriptions, profile...); called by `Sandbox.reset()`. */
	reset?(): void;
	/**
	 * Optional admin endpoints of the module under `/__sandbox/<prefix>/...` (outside the provider log).
	 * `path` is what follows the prefix (`/inbound`); answer undefined for an unknown path (404).
	 */
	admin?: {
		prefix: string;
		handle(request: ModuleAdminRequest): Promise<SandboxResponse | undefined>;
	};
}

export interface ModuleAdminRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	/** The parsed JSON body, or undefined when there is none. */
	json: unknown;
}

/** Failures the core answers itself, in the provider's error shape. */
export type CoreErrorKind = 'invalid_json' | 'too_large' | 'fault';

/** `Partial` all the way down (arrays are replaced whole, not merged; `null` removes an optional key). */
export type DeepPartial<T> = T extends unknown[]
	? T
	: T extends object
		? { [K in keyof T]?: DeepPartial<T[K]> | null }
		: T;

export type ProviderModuleFactory = (ctx: SandboxContext) => ProviderModule;
