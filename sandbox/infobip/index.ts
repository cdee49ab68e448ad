// Infobip Facebook Messenger API v1 emulation (seeds 000, 001, 003; providers.md "Infobip").
// Routes: infobip.single, infobip.applications, infobip.inbox. User actions: `infobip-forward`
// (POST one seed-000 body to config.infobip.forwardUrl) and `infobip-pull` (append to the inbox).
// Independent of nodes/ and credentials/ by design.
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
import {
	ApplicationStore,
	handleCreate,
	handleDelete,
	handleGet,
	handleList,
	handleUpdate,
} from './applications';
import { checkAuth } from './auth';
import { InfobipRequestError, withInfobipErrors } from './errors';
import { handleInboxPull, InfobipInbox } from './inbox';
import { buildInboundResult, forwardBody, formatReceivedAt, INBOUND_PRICE, type InfobipInboundResult } from './inbound';
import { handleSingle } from './single';

export interface InfobipModule extends ProviderModule {
	applications: ApplicationStore;
	inbox: InfobipInbox;
	/**
	 * Queues `count` TEXT messages in the pull inbox at once (no HTTP), e.g. to test draining a large
	 * backlog. Senders cycle through config.users unless `from` is given. Returns the inbox size.
	 */
	enqueueInbound(count: number, options?: EnqueueOptions): number;
}

export interface EnqueueOptions {
	from?: string;
	/** Message text prefix; message i (1-based) reads `${text} ${i}`. Default `message`. */
	text?: string;
}

const modules = new WeakMap<object, InfobipModule>();

/** Requires a JSON body on POST/PUT (the core parses it only for a JSON content type). */
function requireJsonBody(req: SandboxRequest): void {
	if (req.json !== undefined) return;
	if (req.rawBody.length === 0) throw new InfobipRequestError('Request body is required (JSON)');
	throw new InfobipRequestError('Request body must be JSON sent with Content-Type: application/json');
}

function guarded(ctx: SandboxContext, run: (req: SandboxRequest) => SandboxResponse, jsonBody: boolean): RouteHandler {
	return (req) =>
		checkAuth(req, ctx.config.infobip) ??
		withInfobipErrors(() => {
			if (jsonBody) requireJsonBody(req);
			return run(req);
		});
}

export const createInfobipModule = ((ctx: SandboxContext): InfobipModule => {
	const applications = new ApplicationStore(() => ctx.baseUrl(), () => ctx.config.infobip.applicationKeys);
	const inbox = new InfobipInbox();

	function inboundApplicationKey(): string {
		const key = applications.firstKey();
		if (!key) throw new Error('infobip: no application exists to receive the message (config.infobip.applicationKeys is empty)');
		return key;
	}

	function register(router: SandboxRouter): void {
		const add = (method: string, pattern: string, routeId: string, run: (req: SandboxRequest) => SandboxResponse, json: boolean) =>
			router.add(method, pattern, routeId, 'infobip', guarded(ctx, run, json));

		add('POST', '/facebook/1/single', 'infobip.single', (req) =>
			handleSingle(req, {
				applicationExists: (key) => applications.has(key),
				userExists: (userKey) => ctx.findUser(userKey) !== undefined,
				deliver: (messageId, accepted) =>
					ctx.deliver({ provider: 'infobip', messageId, recipient: accepted.to, message: accepted }),
			}), true);
		add('POST', '/facebook/1/applications', 'infobip.applications', (req) => handleCreate(req, applications), true);
		add('GET', '/facebook/1/applications', 'infobip.applications', () => handleList(applications), false);
		add('GET', '/facebook/1/applications/:key', 'infobip.applications', (req) => handleGet(req, applications), false);
		add('PUT', '/facebook/1/applications/:key', 'infobip.applications', (req) => handleUpdate(req, applications), true);
		add('DELETE', '/facebook/1/applications/:key', 'infobip.applications', (req) => handleDelete(req, applications), false);
		add('GET', '/facebook/1/inbox/reports', 'infobip.inbox', (req) => handleInboxPull(req, inbox), false);
	}

	async function userAction(action: UserAction): Promise<UserActionResult> {
		// The core has already created an unknown user and opened their window (core/users.ts).
		if (action.via !== 'infobip-forward' && action.via !== 'infobip-pull') {
			throw new Error(`infobip module cannot deliver via "${action.via}"`);
		}
		const now = new Date();
		const result = buildInboundResult(action, inboundApplicationKey(), now);
		if (action.via === 'infobip-pull') {
			inbox.push(result);
			return { body: result };
		}
		const url = ctx.config.infobip.forwardUrl;
		if (!url) throw new Error('infobip-forward needs config.infobip.forwardUrl (the HTTP forward target of seed 000)');
		const body = forwardBody(result);
		const response = await ctx.postOut(url, JSON.stringify(body), { 'content-type': 'application/json' });
		return { body, delivery: { url, status: response.status, responseBody: response.body } };
	}

	function enqueueInbound(count: number, options: EnqueueOptions = {}): number {
		const to = inboundApplicationKey();
		const senders = options.from ? [options.from] : ctx.config.users.map((u) => u.psid);
		if (senders.length === 0) throw new Error('infobip: enqueueInbound needs `from` or at least one config user');
		const receivedAt = formatReceivedAt(new Date());
		const prefix = options.text ?? 'message';
		const batch: InfobipInboundResult[] = [];
		for (let i = 0; i < count; i++) {
			batch.push({
				from: senders[i % senders.length],
				to,
				receivedAt,
				callbackData: '',
				message: { text: `${prefix} ${i + 1}`, type: 'TEXT' },
				price: { ...INBOUND_PRICE },
			});
		}
		inbox.push(...batch);
		return inbox.pending;
	}

	const module: InfobipModule = {
		provider: 'infobip',
		register,
		userVias: ['infobip-forward', 'infobip-pull'],
		userAction,
		applications,
		inbox,
		enqueueInbound,
		reset: () => {
			applications.reset();
			inbox.clear();
		},
	};
	modules.set(ctx, module);
	modules.set(ctx.config, module);
	return module;
}) satisfies ProviderModuleFactory;

/**
 * The Infobip module of a running sandbox, found by its context or its config object (a started
 * `Sandbox` exposes `config`, the same object the core hands the module in its context).
 */
export function infobipModuleOf(target: SandboxContext | SandboxConfig | { config: SandboxConfig }): InfobipModule {
	const found = modules.get(target) ?? ('config' in target && !('infobip' in target) ? modules.get(target.config) : undefined);
	if (!found) throw new Error('No Infobip sandbox module belongs to this sandbox/context/config');
	return found;
}

/** Queues `count` pull-inbox messages on a running sandbox; returns the number now pending. */
export function enqueueInfobipInbound(
	target: SandboxContext | SandboxConfig | { config: SandboxConfig },
	count: number,
	options?: EnqueueOptions,
): number {
	return infobipModuleOf(target).enqueueInbound(count, options);
}

export { ApplicationStore } from './applications';
export { InfobipInbox } from './inbox';
