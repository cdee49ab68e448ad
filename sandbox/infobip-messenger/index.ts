// Infobip today: the Messenger API (/messenger/1/*, messenger-api-openapi.json) and the Messages API's
// inbound pull (/messages-api/1/inbound, messages-api-openapi.json), on the same Infobip account as the
// v1 Facebook API of sandbox/infobip/ (same base URL; `Authorization: App <config.infobip.apiKey>` or
// Basic, checked by sandbox/infobip/auth.ts). An independent reading of the OpenAPI documents: nothing
// here imports from nodes/. Errors are the OpenAPI's `ApiError` (errors.ts), not v1's requestError.
//
// Routes (route ids for the log and fault rules; `infobip-messenger.*` matches them all):
//   POST /messenger/1/messages                    infobip-messenger.send           send.ts
//   GET  /messenger/1/reports                     infobip-messenger.reports        reports.ts
//   GET  /messenger/1/logs                        infobip-messenger.logs           logs.ts
//   GET  /messenger/1/pages/{pageId}/subscriptions infobip-messenger.subscriptions subscriptions.ts
//   GET  /messages-api/1/inbound?channel=MESSENGER infobip-messenger.inbound-pull  messages-api-pull.ts
//
// Config keys (config.infobip.messengerApi, PATCH /__sandbox/config {"infobip":{"messengerApi":{...}}}):
//   pageIds            ["100000000000001"]  pages the account sends from (`sender`); inbound `to` = the first
//   inboundUrl         where incoming messages are POSTed (user via `infobip-messenger`, chat page)
//   deliveryReportUrl  delivery reports of messages without `webhooks.delivery.url`; with neither, the
//                      report waits for GET /messenger/1/reports
//   seenReportUrl      seen reports of messages without `webhooks.seen.url`
//   pullPendingCount   true: the Messages API pull adds messageCount and pendingMessageCount (default off,
//                      as the OpenAPI's MESSENGER example)
//
// Simulated user (POST /__sandbox/user, the chat page's `?via=`):
//   via "infobip-messenger"     POSTs the incoming-message webhook to inboundUrl (text, quick_reply,
//                               postback, attachment image/audio/video/file); kind "read" sends a seen
//                               report for the latest message the user got
//   via "infobip-messages-pull" queues the message for GET /messages-api/1/inbound
//
// Admin endpoints (JSON; outside the provider log):
//   POST /__sandbox/infobip-messenger/incoming         {type: TEXT|URL|AUDIO|VIDEO|FILE|IMAGE|FALLBACK|
//        LOCATION|LOCATION_URL|POSTBACK|UNKNOWN (default TEXT), from (default the first user), to (default
//        the first page), text, url, title, payload, quickReplyPayload, replyToMid, stickerId, latitude,
//        longitude, raw, callbackData, pairedMessageId, exampleShape, webhookUrl (default inboundUrl)}
//        -> 200 {body, delivery:{url, status, responseBody}} (502 when the receiver is unreachable)
//   POST /__sandbox/infobip-messenger/delivery-report  {messageId, status?: DELIVERED|UNDELIVERABLE|
//        EXPIRED|REJECTED (sets the outcome), webhookUrl?} -> the same answer; 404 unknown messageId
//   POST /__sandbox/infobip-messenger/seen-report      {messageId | from (that user's latest message),
//        webhookUrl?} -> the same answer (SeenReports: from = user, to = page)
//   POST /__sandbox/infobip-messenger/pull             {count (1..100000, default 1), from?, type?: TEXT|
//        IMAGE|AUDIO|VIDEO|FILE|URL|BUTTON_REPLY|LOCATION, text? (message i reads "<text> i"; default
//        "message"), url?, payload?, latitude?, longitude?, ageHours? (backdates receivedAt),
//        entityId?, applicationId?, campaignReferenceId?} -> {queued, pending}
//   GET  /__sandbox/infobip-messenger/pull             -> {pending}
//   POST /__sandbox/infobip-messenger/subscriptions    {pageId?, title?, timezone?, reoptin?,
//        userTokenStatus?} -> 201 PageMarketingSubscriptionResponse
//   GET  /__sandbox/infobip-messenger/sent             -> {sent: every recorded send of the last 48 h}
//   GET  /__sandbox/infobip-messenger/webhooks         -> {attempts: every webhook POST and its answer}
// Messages that reach a user are also in GET /__sandbox/delivered (provider "infobip-messenger",
// message {sender, content, quickReplies?}), which the chat page renders.
import type {
	ProviderModule,
	ProviderModuleFactory,
	RouteHandler,
	SandboxConfig,
	SandboxContext,
	SandboxRequest,
	SandboxResponse,
	SandboxRouter,
	UserAction,
	UserActionResult,
} from '../core/types';
import type { Json } from '../core/values';
import { isAuthorized } from '../infobip/auth';
import { AdminInputError, handleMessengerAdmin, type AdminActions } from './admin';
import { ApiRequestError, coreError, unauthorized } from './errors';
import { incomingBody, inboundResult, type InboundSpec } from './inbound';
import { handleLogs } from './logs';
import { handleInboundPull, PullQueue, type PullSpec } from './messages-api-pull';
import { handleReports } from './reports';
import { handleSend, type SendDeps } from './send';
import { FORCEABLE_OUTCOMES } from './statuses';
import { deliveryReport, seenReport, SentStore, type SentMessage } from './store';
import { handleSubscriptions, SubscriptionStore } from './subscriptions';
import { WebhookSender, type WebhookAttempt } from './webhooks';

export const ADMIN_PREFIX = 'infobip-messenger';

export interface InfobipMessengerModule extends ProviderModule {
	store: SentStore;
	pullQueue: PullQueue;
	webhooks: WebhookSender;
	subscriptions: SubscriptionStore;
	actions: AdminActions;
}

const modules = new WeakMap<object, InfobipMessengerModule>();

function guarded(ctx: SandboxContext, run: (req: SandboxRequest) => SandboxResponse): RouteHandler {
	return (req) => {
		if (!isAuthorized(req, ctx.config.infobip)) return unauthorized();
		try {
			return run(req);
		} catch (e) {
			if (e instanceof ApiRequestError) return e.toResponse();
			throw e;
		}
	};
}

export const createInfobipMessengerModule = ((ctx: SandboxContext): InfobipMessengerModule => {
	const api = () => ctx.config.infobip.messengerApi;
	const store = new SentStore();
	const pullQueue = new PullQueue();
	const webhooks = new WebhookSender(ctx.postOut);
	const subscriptions = new SubscriptionStore();
	const timers = new Set<NodeJS.Timeout>();

	const firstPage = (): string => {
		const page = api().pageIds[0];
		if (!page) throw new AdminInputError('config.infobip.messengerApi.pageIds is empty: no page to receive the message');
		return page;
	};
	const firstUser = (): string => {
		const user = ctx.config.users[0];
		if (!user) throw new AdminInputError('no sandbox user exists: give `from`');
		return user.psid;
	};

	/** Delivery report: pushed to the message's or the account's URL, else kept for GET /messenger/1/reports. */
	function report(record: SentMessage): void {
		const delivery = record.webhooks?.delivery as { url?: string; notify?: boolean } | undefined;
		const url = delivery?.url ?? api().deliveryReportUrl;
		if (url && delivery?.notify !== false) {
			void webhooks.send('delivery-report', url, { results: [deliveryReport(record)] });
		} else {
			record.reportPending = true;
		}
	}

	const sendDeps: SendDeps = {
		store,
		pageIds: () => api().pageIds,
		userExists: (psid) => ctx.findUser(psid) !== undefined,
		deliver: (record) =>
			ctx.deliver({
				provider: 'infobip-messenger',
				messageId: record.messageId,
				recipient: record.destination,
				message: { sender: record.sender, content: record.content, ...(record.quickReplies ? { quickReplies: record.quickReplies } : {}) },
			}),
		report,
		later: (ms, fn) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				fn();
			}, ms);
			timer.unref();
			timers.add(timer);
		},
	};

	async function sendIncoming(spec: Omit<InboundSpec, 'to'> & { to?: string }, webhookUrl?: string): Promise<{ body: Json; delivery: WebhookAttempt }> {
		const url = webhookUrl ?? api().inboundUrl;
		if (!url) throw new AdminInputError('no webhook URL: give webhookUrl or set config.infobip.messengerApi.inboundUrl');
		const body = incomingBody(inboundResult({ ...spec, from: spec.from || firstUser(), to: spec.to ?? firstPage() }));
		return { body, delivery: await webhooks.send('incoming-message', url, body) };
	}

	async function sendSeenReport(target: { messageId?: string; from?: string }, webhookUrl?: string): Promise<WebhookAttempt | 'unknown-message'> {
		const record = target.messageId !== undefined ? store.find(target.messageId) : store.latestTo(target.from as string);
		if (!record) return 'unknown-message';
		const seen = record.webhooks?.seen as { url?: string } | undefined;
		const url = webhookUrl ?? seen?.url ?? api().seenReportUrl;
		if (!url) throw new AdminInputError('no webhook URL: give webhookUrl, send the message with webhooks.seen.url, or set config.infobip.messengerApi.seenReportUrl');
		return webhooks.send('seen-report', url, { results: [seenReport(record, Date.now())] });
	}

	function enqueuePull(count: number, spec: Partial<PullSpec> & { text?: string }): { queued: number; pending: number } {
		const senders = spec.from ? [spec.from] : ctx.config.users.map((u) => u.psid);
		if (senders.length === 0) throw new AdminInputError('no sandbox user exists: give `from`');
		const to = firstPage();
		const prefix = spec.text ?? 'message';
		for (let i = 0; i < count; i++) {
			pullQueue.push({ type: 'TEXT', ...spec, from: senders[i % senders.length], to, text: `${prefix} ${i + 1}` });
		}
		return { queued: count, pending: pullQueue.pending() };
	}

	const actions: AdminActions = {
		sendIncoming,
		async sendDeliveryReport(messageId, outcome, webhookUrl) {
			const record = store.find(messageId);
			if (!record) return 'unknown-message';
			if (outcome) {
				const forced = FORCEABLE_OUTCOMES[outcome];
				record.status = { ...forced.status };
				record.error = { ...forced.error };
				record.doneAt = Date.now();
			}
			const delivery = record.webhooks?.delivery as { url?: string } | undefined;
			const url = webhookUrl ?? delivery?.url ?? api().deliveryReportUrl;
			if (!url) throw new AdminInputError('no webhook URL: give webhookUrl, send the message with webhooks.delivery.url, or set config.infobip.messengerApi.deliveryReportUrl');
			return webhooks.send('delivery-report', url, { results: [deliveryReport(record)] });
		},
		sendSeenReport,
		enqueuePull,
		pullPending: () => pullQueue.pending(),
		addSubscription: (spec) => subscriptions.add({ ...spec, pageId: spec.pageId ?? firstPage() }),
		sent: () => store.recent().map((r) => structuredClone(r)),
		webhookAttempts: () => webhooks.attempts,
	};

	function register(router: SandboxRouter): void {
		const add = (method: string, pattern: string, routeId: string, run: (req: SandboxRequest) => SandboxResponse) =>
			router.add(method, pattern, routeId, 'infobip-messenger', guarded(ctx, run));
		add('POST', '/messenger/1/messages', 'infobip-messenger.send', (req) => handleSend(req, sendDeps));
		add('GET', '/messenger/1/reports', 'infobip-messenger.reports', (req) => handleReports(req, store));
		add('GET', '/messenger/1/logs', 'infobip-messenger.logs', (req) => handleLogs(req, store));
		add('GET', '/messenger/1/pages/:pageId/subscriptions', 'infobip-messenger.subscriptions', (req) =>
			handleSubscriptions(req, subscriptions, api().pageIds),
		);
		add('GET', '/messages-api/1/inbound', 'infobip-messenger.inbound-pull', (req) => handleInboundPull(req, pullQueue, api().pullPendingCount === true));
	}

	async function userAction(action: UserAction): Promise<UserActionResult> {
		if (action.kind === 'read') {
			if (action.via !== 'infobip-messenger') throw new Error('kind "read" (a seen report) goes via infobip-messenger only');
			const attempt = await sendSeenReport({ from: action.from });
			if (attempt === 'unknown-message') throw new Error(`no message was sent to ${action.from} in the last 48 h: nothing to see`);
			return { body: attempt.body, delivery: { url: attempt.url, status: attempt.status ?? 0, responseBody: attempt.responseBody ?? attempt.error ?? '' } };
		}
		if (action.via === 'infobip-messages-pull') {
			const event = pullQueue.push({ ...pullSpecOf(action), from: action.from, to: firstPage() });
			return { body: event };
		}
		const { body, delivery } = await sendIncoming({ ...inboundSpecOf(action), from: action.from });
		if (delivery.error !== undefined) throw new Error(`POST ${delivery.url} failed: ${delivery.error}`);
		return { body, delivery: { url: delivery.url, status: delivery.status ?? 0, responseBody: delivery.responseBody ?? '' } };
	}

	const module: InfobipMessengerModule = {
		provider: 'infobip-messenger',
		register,
		userVias: ['infobip-messenger', 'infobip-messages-pull'],
		userAction,
		errorResponse: coreError,
		admin: { prefix: ADMIN_PREFIX, handle: (request) => handleMessengerAdmin(request, actions) },
		store,
		pullQueue,
		webhooks,
		subscriptions,
		actions,
		reset: () => {
			for (const t of timers) clearTimeout(t);
			timers.clear();
			store.clear();
			pullQueue.clear();
			webhooks.clear();
			subscriptions.clear();
		},
	};
	modules.set(ctx.config, module);
	return module;
}) satisfies ProviderModuleFactory;

const SUPPORTED = 'text, quick_reply, postback, attachment (image, audio, video, file), read';

/** A user action as a Messenger API incoming message (inbound.ts). */
export function inboundSpecOf(action: UserAction): Omit<InboundSpec, 'from' | 'to'> {
	switch (action.kind) {
		case 'text':
			if (action.text === undefined) throw new Error('kind "text" needs `text`');
			return { type: 'TEXT', text: action.text };
		case 'quick_reply':
			return { type: 'TEXT', text: action.text ?? action.payload ?? '', quickReplyPayload: action.payload ?? '' };
		case 'postback':
			return { type: 'POSTBACK', payload: action.payload ?? '', title: action.text ?? action.payload ?? '' };
		case 'attachment': {
			if (!action.url) throw new Error('kind "attachment" needs `url`');
			const type = ({ image: 'IMAGE', audio: 'AUDIO', video: 'VIDEO', file: 'FILE' } as const)[action.attachmentType as 'image' | 'audio' | 'video' | 'file' ?? 'image'];
			return { type, url: action.url };
		}
		default:
			throw new Error(`the Messenger API carries ${SUPPORTED}; kind "${action.kind}" has no shape there`);
	}
}

/** A user action as a Messages API MO event (messages-api-pull.ts). */
export function pullSpecOf(action: UserAction): Omit<PullSpec, 'from' | 'to'> {
	const spec = inboundSpecOf(action);
	switch (spec.type) {
		case 'TEXT':
			return spec.quickReplyPayload !== undefined ? { type: 'BUTTON_REPLY', text: spec.text, payload: spec.quickReplyPayload } : { type: 'TEXT', text: spec.text };
		case 'POSTBACK':
			return { type: 'BUTTON_REPLY', text: spec.title, payload: spec.payload };
		default:
			return { type: spec.type as PullSpec['type'], url: spec.url };
	}
}

/** The Messenger API module of a running sandbox, found by its config (a started `Sandbox` exposes it). */
export function infobipMessengerModuleOf(target: SandboxConfig | { config: SandboxConfig }): InfobipMessengerModule {
	const config = 'config' in target && !('infobip' in target) ? target.config : (target as SandboxConfig);
	const found = modules.get(config);
	if (!found) throw new Error('No Infobip Messenger API sandbox module belongs to this sandbox/config');
	return found;
}
