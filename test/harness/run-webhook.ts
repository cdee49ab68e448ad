// A stand-in for n8n's webhook server, for one workflow: a real HTTP server on loopback that does what
// n8n's webhook path does (packages/cli: webhook.service.ts, live-webhooks.ts, webhook-helpers.ts,
// body-parser.ts, webhook-on-received-response-extractor.ts, at n8n 2.41) with n8n-core's real contexts:
// - activate(): the routes go live first, then each webhook's checkExists and, if it answers false,
//   create run in a HookContext (so a provider's verification GET during create reaches the node); if
//   one fails, every webhook's delete runs and the routes go, unless a delete throws (then they stay);
//   deactivate(): delete, then the routes go away.
// - startTestListener() / stopTestListener(): what the editor's "Execute step" / "Listen for test event"
//   does beside a published workflow (TestWebhooks.needsWebhook and deactivateWebhooks): the same hooks
//   for the /webhook-test/ URLs on the same server, with the test webhook's `isTest`.
// - the modes n8n gives the hooks: production checkExists/create in mode 'trigger' with the activation
//   ('activate', or 'init' at n8n's start: ActiveWorkflowManager.addWebhooks), test ones in 'manual' /
//   'manual', and every delete, test or production, in 'internal' / 'update'.
// - routing as n8n stores and finds webhooks: path and isFullPath evaluated from the node description,
//   the stored path from NodeHelpers.getNodeWebhookPath; a path with `:param` segments is "dynamic":
//   its first request segment must be the node's webhookId and the rest must have as many segments as
//   the stored path, containing its static segments; params are read by position, as n8n does.
// - a request: the raw body read with n8n's size cap (413), parsed as n8n parses it for a node of
//   version 1 (JSON that does not parse is answered 422 by n8n itself, before the node runs), then the
//   node's webhook() runs in a WebhookContext with the request and response objects.
// - the outcome: `noWebhookResponse` means the node answered; no `workflowData` means n8n answers
//   200 with `webhookResponse`; otherwise a run starts from the trigger's items (runFromTrigger) and,
//   as in responseMode onReceived, the caller gets 200 with the description's `responseData` (n8n's
//   default there is the literal text "firstEntryJson") once the run has been started.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import { HookContext, WebhookContext } from 'n8n-core';
import type {
	INode,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	WebhookType,
	Workflow,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, resolveWebhookDescriptionField } from 'n8n-workflow';

import type { RunResult, WorkflowJson } from './run-workflow';
import type { TriggerRuntimeOptions } from './trigger-runtime';
import { buildAdditionalData, buildWorkflow, runFromTrigger } from './trigger-runtime';

/** n8n's default `N8N_PAYLOAD_SIZE_MAX` (16 MiB). */
export const N8N_PAYLOAD_SIZE_MAX = 16 * 1024 * 1024;

export interface WebhookServerOptions extends TriggerRuntimeOptions {
	/** What activate() and url() work on: production (`webhook`, the default) or test (`manual`, /webhook-test). */
	mode?: 'webhook' | 'manual';
	payloadSizeMax?: number;
}

/** How n8n started the activation: a user publishing the workflow, or n8n's own start (`init`). */
export type ProductionActivation = Extract<WorkflowActivateMode, 'activate' | 'init' | 'update'>;

export interface TriggeredRun {
	items: INodeExecutionData[];
	/** The run n8n started from those items. */
	result: Promise<RunResult>;
}

export interface WebhookServer {
	/** `http://127.0.0.1:<port>`, what n8n's WEBHOOK_URL would be. */
	baseUrl: string;
	/** The node's webhook URL for `name`, exactly as n8n computes and shows it. */
	url(name?: string, nodeName?: string): string;
	activate(activation?: ProductionActivation): Promise<void>;
	deactivate(): Promise<void>;
	/** The node's test (/webhook-test/) URL for `name`, as n8n shows it in the editor. */
	testUrl(name?: string): string;
	/** "Execute step" on the trigger: n8n registers the test webhooks and runs their hooks. */
	startTestListener(): Promise<void>;
	/** The test run ended (event received, stopped, or timed out): n8n runs the test webhooks' delete. */
	stopTestListener(): Promise<void>;
	/** Runs started, in order. */
	runs: TriggeredRun[];
	/** How many times a node's webhook() ran (every request that reached a node). */
	webhookCalls: number;
	/** Errors a node's webhook() threw (n8n answers those with 500). */
	webhookErrors: Error[];
	/** Errors a delete method threw while n8n cleaned up after a failed activation. */
	cleanupErrors: Error[];
	close(): Promise<void>;
}

interface Route {
	webhook: IWebhookData;
	/** `webhookPath` of n8n's webhook table. */
	segments: string[];
	/** Set for dynamic paths (`:param` segments), as n8n stores them. */
	webhookId?: string;
}

function routeOf(path: string): string[] {
	return path.split('/').filter(Boolean);
}

/** n8n's WebhookService.findWebhook: an exact static path first, then the dynamic rule. */
function findRoute(routes: Route[], method: string, path: string[]): { route: Route; params: Record<string, string> } | undefined {
	const joined = path.join('/');
	const exact = routes.find((route) => !route.webhookId && route.webhook.httpMethod === method && route.segments.join('/') === joined);
	if (exact) return { route: exact, params: {} };
	const [webhookId, ...others] = path;
	const present = new Set(others);
	let best: { route: Route; statics: number } | undefined;
	for (const route of routes) {
		if (route.webhookId !== webhookId || route.webhook.httpMethod !== method || route.segments.length !== others.length) continue;
		const statics = route.segments.filter((segment) => !segment.startsWith(':'));
		if (statics.every((segment) => present.has(segment)) && (!best || statics.length > best.statics)) {
			best = { route, statics: statics.length };
		}
	}
	if (!best) return undefined;
	const params: Record<string, string> = {};
	best.route.segments.forEach((segment, index) => {
		if (segment.startsWith(':')) params[segment.slice(1)] = others[index];
	});
	return { route: best.route, params };
}

type Kind = 'production' | 'test';
const PREFIX: Record<Kind, string> = { production: 'webhook', test: 'webhook-test' };
const EXECUTION_MODE: Record<Kind, WorkflowExecuteMode> = { production: 'webhook', test: 'manual' };

/** The webhooks n8n registers for the workflow (WebhookService.getNodeWebhooks). */
function workflowWebhooks(workflow: Workflow, options: WebhookServerOptions, kind: Kind): IWebhookData[] {
	const additionalData = buildAdditionalData(options);
	const webhooks: IWebhookData[] = [];
	for (const node of Object.values(workflow.nodes)) {
		const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
		for (const description of type.description.webhooks ?? []) {
			// WebhookService.evaluateDescriptionProperty: a declared native resolver first, else the expression.
			const evaluate = (field: 'path' | 'isFullPath' | 'httpMethod', fallback?: unknown) => {
				const native = resolveWebhookDescriptionField(node, description, field);
				if (native.resolved) return native.value;
				const value = description[field] as string;
				return workflow.expression.getSimpleParameterValue(node, value, 'internal', {}, undefined, fallback as string);
			};
			const nodePath = String(evaluate('path')).replace(/^\/+|\/+$/g, '');
			const isFullPath = evaluate('isFullPath', false) === true;
			const path = NodeHelpers.getNodeWebhookPath(workflow.id, node, nodePath, isFullPath, false);
			// A comma-separated list of methods; an empty one registers nothing for that method.
			for (const httpMethod of String(evaluate('httpMethod', 'GET')).split(',')) {
				if (!httpMethod) continue;
				webhooks.push({
					httpMethod: httpMethod.trim() as IWebhookData['httpMethod'],
					node: node.name,
					path,
					webhookDescription: description,
					workflowId: workflow.id,
					workflowExecuteAdditionalData: additionalData,
					webhookId: (path.startsWith(':') || path.includes('/:')) && node.webhookId ? node.webhookId : undefined,
					isTest: kind === 'test',
				});
			}
		}
	}
	return webhooks;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > limit) return 'too-large';
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	if (res.writableEnded) return;
	res.statusCode = status;
	res.setHeader('Content-Type', 'application/json; charset=utf-8');
	res.end(JSON.stringify(body));
}

// webhook-helpers isParsableContentType.
const PARSABLE_CONTENT_TYPE = /^(application\/json|text\/plain|application\/x-www-form-urlencoded)|(\/|\+)xml$/;

/** n8n's parseBody: every content type it knows is parsed up front (webhook-helpers parseRequestBody). */
function parseBody(req: IncomingMessage, rawBody: Buffer): { ok: true; body: unknown } | { ok: false } {
	const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	if (rawBody.length === 0) return { ok: true, body: {} };
	try {
		if (contentType === 'application/json') return { ok: true, body: JSON.parse(rawBody.toString('utf8')) };
		if (contentType === 'application/x-www-form-urlencoded') return { ok: true, body: parseQueryString(rawBody.toString('utf8')) };
		if (contentType === 'text/plain') return { ok: true, body: rawBody.toString('utf8') };
		return { ok: true, body: {} };
	} catch {
		return { ok: false };
	}
}

export async function startWebhookServer(workflowJson: WorkflowJson, options: WebhookServerOptions = {}): Promise<WebhookServer> {
	const routes: Record<Kind, Route[]> = { production: [], test: [] };
	const runs: TriggeredRun[] = [];
	const webhookErrors: Error[] = [];
	const cleanupErrors: Error[] = [];
	let webhookCalls = 0;
	const defaultKind: Kind = options.mode === 'manual' ? 'test' : 'production';
	const limit = options.payloadSizeMax ?? N8N_PAYLOAD_SIZE_MAX;
	let runtime: TriggerRuntimeOptions = options;
	const workflow = (): Workflow => buildWorkflow(workflowJson, runtime);

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		// Express decodes each path segment before n8n looks the webhook up.
		const [first, ...segments] = routeOf(url.pathname).map((segment) => decodeURIComponent(segment));
		const method = req.method ?? 'GET';
		const kind = (Object.keys(PREFIX) as Kind[]).find((candidate) => PREFIX[candidate] === first);
		const found = kind ? findRoute(routes[kind], method, segments) : undefined;
		if (!found) {
			// WebhookNotFoundError's wording: a path served for other methods names them.
			const others = kind
				? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'].filter((other) => other !== method && findRoute(routes[kind], other, segments))
				: [];
			const message = others.length
				? `This webhook is not registered for ${method} requests. Did you mean to make a ${others.join(' or ')} request?`
				: `The requested webhook "${method} ${segments.join('/')}" is not registered.`;
			return sendJson(res, 404, { code: 404, message });
		}

		const current = workflow();
		const node = current.getNode(found.route.webhook.node) as INode;
		const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
		// Version 1 nodes get every body parsed; later versions only the content types n8n deems parsable,
		// and the rest arrive with no body until the node calls readRawBody, which reads the stream then
		// (and fails as n8n's does when the client has gone).
		const parsedUpFront = node.typeVersion === 1 || PARSABLE_CONTENT_TYPE.test(contentType);
		const request = req as IncomingMessage & { rawBody?: Buffer };
		let parsed: ReturnType<typeof parseBody> = { ok: true, body: undefined };
		if (parsedUpFront) {
			const rawBody = await readBody(req, limit);
			if (rawBody === 'too-large') return sendJson(res, 413, { code: 413, message: 'request entity too large' });
			request.rawBody = rawBody;
			parsed = parseBody(req, rawBody);
			if (!parsed.ok) return sendJson(res, 422, { code: 422, message: 'Failed to parse request body' });
		}
		Object.assign(req, {
			body: parsed.body,
			query: parseQueryString(url.search.slice(1)),
			params: found.params,
			contentType,
			encoding: 'utf-8',
			readRawBody: async () => {
				if (request.rawBody) return;
				if (req.destroyed || !req.readable) throw new Error('Request body stream was aborted or is not readable');
				const rawBody = await readBody(req, limit);
				if (rawBody === 'too-large') throw new Error('request entity too large');
				request.rawBody = rawBody;
			},
		});

		const nodeType = current.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
		const additionalData = buildAdditionalData({ ...runtime, httpRequest: req, httpResponse: res });
		const mode = EXECUTION_MODE[kind as Kind];
		const context = new WebhookContext(current, node, additionalData, mode, found.route.webhook, [], null);
		webhookCalls++;
		let result;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			webhookErrors.push(error as Error);
			return sendJson(res, 500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
		}
		if (result.noWebhookResponse) {
			if (!res.writableEnded) res.end();
		}
		if (result.workflowData === undefined) {
			if (!res.writableEnded) sendJson(res, 200, result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}
		const items = result.workflowData[0] ?? [];
		const started = runFromTrigger(workflowJson, node.name, items, mode, runtime);
		runs.push({ items, result: started });
		// extractWebhookOnReceivedResponse, with n8n's default for a description without responseData.
		const responseData = current.expression.getComplexParameterValue(
			node,
			found.route.webhook.webhookDescription.responseData ?? 'firstEntryJson',
			mode,
			{},
		);
		if (responseData === 'noData') return void res.end();
		if (typeof responseData === 'string' && responseData) {
			res.statusCode = 200;
			res.setHeader('Content-Type', 'text/html; charset=utf-8');
			return void res.end(responseData);
		}
		sendJson(res, 200, result.webhookResponse ?? { message: 'Workflow was started' });
	}

	const server: Server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => {
			webhookErrors.push(error);
			sendJson(res, 500, { code: 500, message: 'Internal harness error' });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	runtime = { ...options, baseUrl };

	const hookContext = (webhook: IWebhookData, mode: WorkflowExecuteMode, activation: WorkflowActivateMode) => {
		const current = workflow();
		const node = current.getNode(webhook.node) as INode;
		const data = { ...webhook, workflowExecuteAdditionalData: buildAdditionalData(runtime) };
		return { context: new HookContext(current, node, data.workflowExecuteAdditionalData, mode, activation, data), node, current };
	};

	async function runHook(
		method: 'checkExists' | 'create' | 'delete',
		webhook: IWebhookData,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
	): Promise<boolean | undefined> {
		const { context, node, current } = hookContext(webhook, mode, activation);
		const nodeType = current.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
		const fn = nodeType.webhookMethods?.[webhook.webhookDescription.name]?.[method];
		return fn ? await fn.call(context) : undefined;
	}

	/** WebhookService.deleteWebhook as both ActiveWorkflowManager and TestWebhooks call it. */
	const removeWebhook = (webhook: IWebhookData) => runHook('delete', webhook, 'internal', 'update');

	async function register(kind: Kind, activation: WorkflowActivateMode): Promise<void> {
		const webhooks = workflowWebhooks(workflow(), runtime, kind);
		routes[kind] = webhooks.map((webhook) => ({ webhook, segments: routeOf(webhook.path), webhookId: webhook.webhookId }));
		const mode: WorkflowExecuteMode = kind === 'test' ? 'manual' : 'trigger';
		try {
			for (const webhook of webhooks) {
				if (!(await runHook('checkExists', webhook, mode, activation))) await runHook('create', webhook, mode, activation);
			}
		} catch (error) {
			// n8n stores the webhooks before checkExists and create run; when they fail it cleans up as
			// ActiveWorkflowManager.clearWebhooks (and TestWebhooks.deactivateWebhooks) do: each webhook's
			// delete method, then the stored webhooks go. A delete method that throws stops that, and the
			// URLs stay registered.
			try {
				for (const webhook of webhooks) await removeWebhook(webhook);
				routes[kind] = [];
			} catch (cleanupError) {
				cleanupErrors.push(cleanupError as Error);
			}
			throw error;
		}
	}

	async function unregister(kind: Kind): Promise<void> {
		for (const webhook of workflowWebhooks(workflow(), runtime, kind)) await removeWebhook(webhook);
		routes[kind] = [];
	}

	function urlOf(kind: Kind, name: string, nodeName?: string): string {
		const webhook = workflowWebhooks(workflow(), runtime, kind).find(
			(candidate) => candidate.webhookDescription.name === name && (!nodeName || candidate.node === nodeName),
		);
		if (!webhook) throw new Error(`No webhook named "${name}"`);
		// The URL n8n shows on the node and hands to webhookMethods: n8n-core's own computation.
		const url = hookContext(webhook, 'internal', 'activate').context.getNodeWebhookUrl(name as WebhookType);
		if (!url) throw new Error(`n8n-core computed no URL for "${name}"`);
		return url;
	}

	return {
		baseUrl,
		runs,
		get webhookCalls() {
			return webhookCalls;
		},
		webhookErrors,
		cleanupErrors,
		url(name = 'default', nodeName?: string) {
			return urlOf(defaultKind, name, nodeName);
		},
		testUrl(name = 'default') {
			return urlOf('test', name);
		},
		async activate(activation: ProductionActivation = 'activate') {
			await register(defaultKind, defaultKind === 'test' ? 'manual' : activation);
		},
		async deactivate() {
			await unregister(defaultKind);
		},
		async startTestListener() {
			await register('test', 'manual');
		},
		async stopTestListener() {
			await unregister('test');
		},
		async close() {
			await Promise.allSettled(runs.map((run) => run.result));
			await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
		},
	};
}
