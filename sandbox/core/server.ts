// The HTTP front: one node:http server for every provider route and the admin API.
//
// Per provider request: route → 404/405 (logged as `unknown`) → 413 for bodies over 10 MB → fault rules
// → the provider's 400 for unparseable JSON → the route. Every provider request is logged once,
// faulted ones with `fault` set (and a faulted request never reaches the route, except with an
// `afterRoute` rule: the route runs, then the rule delays and/or replaces its answer).
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChatPath, serveChat } from '../chat';
import { ADMIN_PREFIX, handleAdmin, type AdminDeps } from './admin';
import { contentType, MAX_BODY_BYTES, parseJsonBody, parseQuery, readBody } from './body';
import { isTerminal, type FaultEngine } from './faults';
import { graphErrorBody, graphHttpStatus, defaultGraphMessage } from './graph-error';
import type { RequestLog } from './log';
import { defaultProviderErrorBody } from './provider-errors';
import { loggedBody, writeResponse } from './respond';
import type { Router } from './router';
import type { CoreErrorKind, FaultRule, LogEntry, ProviderId, ProviderModule, SandboxResponse } from './types';

export interface ServerDeps {
	router: Router;
	log: RequestLog;
	faults: FaultEngine;
	modules: ProviderModule[];
	admin: AdminDeps;
}

/** The body a `malformed` fault answers with: status 200, JSON content type, not JSON. */
export const MALFORMED_BODY = '{"sandbox":"malformed response","data":[{"id":';

export interface RunningServer {
	server: http.Server;
	port: number;
	host: string;
	close(): Promise<void>;
}

export function providerError(module: ProviderModule | undefined, provider: ProviderId, kind: CoreErrorKind, status: number, message: string): SandboxResponse {
	if (module?.errorResponse) return module.errorResponse(kind, status, message);
	return { status, body: defaultProviderErrorBody(provider, kind, status, message) };
}

/** The credential headers a request carried, as an echoing gateway would quote them. */
function credentialHeaders(headers: IncomingHttpHeaders): string {
	const quoted = ['authorization', 'x-cm-producttoken']
		.filter((name) => headers[name] !== undefined)
		.map((name) => `${name}: ${String(headers[name])}`);
	return quoted.length ? quoted.join('; ') : 'no credential header';
}

function faultResponse(rule: FaultRule, module: ProviderModule | undefined, provider: ProviderId, headers: IncomingHttpHeaders): SandboxResponse {
	if (rule.malformed) {
		return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: MALFORMED_BODY };
	}
	if (rule.redirectTo !== undefined) {
		const status = rule.status ?? 307;
		return { status, headers: { location: rule.redirectTo }, body: { message: `Moved to ${rule.redirectTo}` } };
	}
	let response: SandboxResponse;
	if (rule.echoAuth) {
		const status = rule.status ?? 401;
		response = providerError(module, provider, 'fault', status, `Invalid login details (${credentialHeaders(headers)})`);
	} else if (rule.graphCode !== undefined) {
		response = {
			status: rule.status ?? graphHttpStatus(rule.graphCode),
			body: graphErrorBody(rule.graphCode, defaultGraphMessage(rule.graphCode), { subcode: rule.graphSubcode }),
		};
	} else {
		const status = rule.status ?? 500;
		response = providerError(module, provider, 'fault', status, `Sandbox fault: HTTP ${status}`);
	}
	const retryAfter = rule.retryAfter ?? (response.status === 429 || response.status === 503 ? 1 : undefined);
	if (retryAfter !== undefined) response = { ...response, headers: { ...(response.headers ?? {}), 'retry-after': String(retryAfter) } };
	return response;
}

export function startServer(deps: ServerDeps, host: string, port: number): Promise<RunningServer> {
	const timers = new Set<NodeJS.Timeout>();
	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const t = setTimeout(() => {
				timers.delete(t);
				resolve();
			}, ms);
			timers.add(t);
		});
	const moduleOf = (provider: ProviderId) => deps.modules.find((m) => m.provider === provider);

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const path = url.pathname;
		const query = parseQuery(url.searchParams);
		const body = await readBody(req, MAX_BODY_BYTES);

		if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) {
			writeResponse(res, await handleAdmin(method, path, query, body.raw, req.headers, deps.admin));
			return;
		}
		// The chat page (the simulated user in a browser) is not a provider route: served, not logged.
		if (isChatPath(path)) {
			writeResponse(res, serveChat(method, path));
			return;
		}

		const rawText = body.raw.toString('utf8');
		const ct = contentType(req.headers);
		const parsed = body.tooLarge ? ({ kind: 'none' } as const) : parseJsonBody(body.raw, ct);
		const base = {
			method,
			path,
			query,
			headers: req.headers,
			body: parsed.kind === 'ok' ? parsed.value : undefined,
			rawBody: body.tooLarge ? `<body over ${MAX_BODY_BYTES} bytes dropped>` : rawText,
		};
		const finish = (entry: Pick<LogEntry, 'provider' | 'routeId'> & { fault?: string }, response: SandboxResponse) => {
			writeResponse(res, response);
			deps.log.append({ ...base, ...entry, status: response.status, response: loggedBody(response) });
		};

		const match = deps.router.match(method, path);
		if (match.kind === 'not_found') {
			finish({ provider: 'sandbox', routeId: 'unknown' }, { status: 404, body: { error: 'not_found', message: `No sandbox route for ${method} ${path}` } });
			return;
		}
		if (match.kind === 'method_not_allowed') {
			finish(
				{ provider: 'sandbox', routeId: 'unknown' },
				{ status: 405, headers: { allow: match.allowed.join(', ') }, body: { error: 'method_not_allowed', message: `${method} is not allowed on ${path}` } },
			);
			return;
		}

		const { route, params } = match;
		const module = moduleOf(route.provider);
		const who = { provider: route.provider, routeId: route.routeId };
		if (body.tooLarge) {
			finish(who, providerError(module, route.provider, 'too_large', 413, `Request body exceeds ${MAX_BODY_BYTES} bytes`));
			return;
		}

		const decision = deps.faults.evaluate(route.routeId);
		const fault = decision.labels.length > 0 ? decision.labels.join(',') : undefined;
		if (decision.latencyMs > 0) await sleep(decision.latencyMs);
		if (decision.terminal) {
			if (decision.terminal.reset) {
				deps.log.append({ ...base, ...who, status: 0, response: undefined, fault });
				req.socket.destroy();
				return;
			}
			finish({ ...who, fault }, faultResponse(decision.terminal, module, route.provider, req.headers));
			return;
		}

		if (parsed.kind === 'invalid') {
			finish({ ...who, fault }, providerError(module, route.provider, 'invalid_json', 400, `Request body is not valid JSON: ${parsed.error}`));
			return;
		}

		let response: SandboxResponse;
		try {
			response = await route.handler({ method, path, query, headers: req.headers, rawBody: body.raw, json: base.body, params });
		} catch (e) {
			response = { status: 500, body: { error: 'sandbox_internal_error', message: e instanceof Error ? e.message : String(e) } };
		}
		const after = decision.afterRoute;
		if (after) {
			if (after.latencyMs) await sleep(after.latencyMs);
			if (after.reset) {
				deps.log.append({ ...base, ...who, status: 0, response: undefined, fault });
				req.socket.destroy();
				return;
			}
			if (isTerminal(after)) response = faultResponse(after, module, route.provider, req.headers);
		}
		finish({ ...who, fault }, response);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((e: unknown) => {
			if (!res.headersSent && !res.destroyed) {
				writeResponse(res, { status: 500, body: { error: 'sandbox_internal_error', message: e instanceof Error ? e.message : String(e) } });
			}
		});
	});

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			const address = server.address() as AddressInfo;
			resolve({
				server,
				port: address.port,
				host,
				close: () =>
					new Promise<void>((done) => {
						for (const t of timers) clearTimeout(t);
						timers.clear();
						server.close(() => done());
						server.closeAllConnections();
					}),
			});
		});
	});
}
