// The admin HTTP API under /__sandbox/ for drivers in another process (a real n8n in e2e tests, the
// demo). Admin requests are not written to the provider log.
//
//   GET    /__sandbox/health                 {ok, url}
//   GET    /__sandbox/log?since=&routeId=&provider=   {entries, lastSeq}
//   DELETE /__sandbox/log                    empties the log and the delivered list
//   GET    /__sandbox/delivered?provider=    {delivered}
//   DELETE /__sandbox/delivered              empties the delivered list only
//   GET    /__sandbox/faults                 {rules}
//   POST   /__sandbox/faults                 body: FaultRule → 201 {rules}
//   DELETE /__sandbox/faults                 {ok}
//   POST   /__sandbox/user                   body: UserAction → UserActionResult
//   GET    /__sandbox/config                 SandboxConfig
//   PATCH  /__sandbox/config                 deep merge (null deletes a key) → SandboxConfig
//   POST   /__sandbox/reset                  everything back to the start
//   GET    /__sandbox/media/:name            a tiny sample file (default attachment URLs point here)
//   *      /__sandbox/<module prefix>/...    a provider module's own endpoints (ProviderModule.admin),
//                                            e.g. /__sandbox/infobip-messenger/... (that module's index.ts)
import { parseJsonBody, contentType } from './body';
import type { FaultEngine } from './faults';
import type { RequestLog } from './log';
import { deepMerge, isPlainObject } from './merge';
import type { ProviderModule, SandboxConfig, SandboxResponse, UserActionResult } from './types';
import { UserActionError } from './users';

export const ADMIN_PREFIX = '/__sandbox';

export interface AdminDeps {
	log: RequestLog;
	faults: FaultEngine;
	config: SandboxConfig;
	url(): string;
	user(action: unknown): Promise<UserActionResult>;
	reset(): void;
	/** Modules with their own admin endpoints (ProviderModule.admin). */
	modules?: readonly ProviderModule[];
}

const PNG_1X1 = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64',
);

const MEDIA_TYPES: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	mp3: 'audio/mpeg',
	mp4: 'video/mp4',
	pdf: 'application/pdf',
	txt: 'text/plain',
};

function sampleMedia(name: string): SandboxResponse {
	const ext = (name.split('.').pop() ?? '').toLowerCase();
	const type = MEDIA_TYPES[ext] ?? 'application/octet-stream';
	const bytes = type === 'image/png' || type === 'image/jpeg' ? PNG_1X1 : Buffer.from(`sandbox sample file ${name}\n`, 'utf8');
	return { status: 200, headers: { 'content-type': type }, body: bytes };
}

const err = (status: number, message: string): SandboxResponse => ({ status, body: { error: message } });

function jsonBody(raw: Buffer, headers: Record<string, unknown>): { ok: true; value: unknown } | { ok: false; response: SandboxResponse } {
	const ct = contentType(headers as never);
	const parsed = parseJsonBody(raw, ct === '' ? 'application/json' : ct);
	if (parsed.kind === 'invalid') return { ok: false, response: err(400, `invalid JSON: ${parsed.error}`) };
	return { ok: true, value: parsed.kind === 'ok' ? parsed.value : undefined };
}

export async function handleAdmin(
	method: string,
	path: string,
	query: Record<string, string>,
	raw: Buffer,
	headers: Record<string, unknown>,
	deps: AdminDeps,
): Promise<SandboxResponse> {
	const sub = path.slice(ADMIN_PREFIX.length).replace(/\/+$/, '') || '/';
	const m = method.toUpperCase();
	const key = `${m} ${sub}`;

	if (m === 'GET' && sub.startsWith('/media/')) return sampleMedia(decodeURIComponent(sub.slice('/media/'.length)));

	for (const module of deps.modules ?? []) {
		const admin = module.admin;
		if (!admin || (sub !== `/${admin.prefix}` && !sub.startsWith(`/${admin.prefix}/`))) continue;
		const body = jsonBody(raw, headers);
		if (!body.ok) return body.response;
		const answer = await admin.handle({ method: m, path: sub.slice(admin.prefix.length + 1) || '/', query, json: body.value });
		return answer ?? err(404, `no sandbox admin route ${m} ${path}`);
	}

	switch (key) {
		case 'GET /':
		case 'GET /health':
			return { status: 200, body: { ok: true, url: deps.url() } };
		case 'GET /log': {
			const since = query.since !== undefined ? Number(query.since) : 0;
			if (!Number.isFinite(since)) return err(400, 'since must be a number');
			let entries = deps.log.since(since);
			if (query.routeId) entries = entries.filter((e) => e.routeId === query.routeId);
			if (query.provider) entries = entries.filter((e) => e.provider === query.provider);
			return { status: 200, body: { entries, lastSeq: deps.log.lastSeq } };
		}
		case 'DELETE /log':
			deps.log.clear();
			deps.log.clearDelivered();
			return { status: 200, body: { ok: true } };
		case 'GET /delivered': {
			let delivered = deps.log.delivered;
			if (query.provider) delivered = delivered.filter((d) => d.provider === query.provider);
			return { status: 200, body: { delivered } };
		}
		case 'DELETE /delivered':
			deps.log.clearDelivered();
			return { status: 200, body: { ok: true } };
		case 'GET /faults':
			return { status: 200, body: { rules: deps.faults.list() } };
		case 'POST /faults': {
			const body = jsonBody(raw, headers);
			if (!body.ok) return body.response;
			try {
				deps.faults.add(body.value as never);
			} catch (e) {
				return err(400, (e as Error).message);
			}
			return { status: 201, body: { rules: deps.faults.list() } };
		}
		case 'DELETE /faults':
			deps.faults.clear();
			return { status: 200, body: { ok: true } };
		case 'POST /user': {
			const body = jsonBody(raw, headers);
			if (!body.ok) return body.response;
			try {
				return { status: 200, body: await deps.user(body.value) };
			} catch (e) {
				// A bad action is the caller's fault (400); a failed delivery is the receiver's (502).
				return err(e instanceof UserActionError ? 400 : 502, (e as Error).message);
			}
		}
		case 'GET /config':
			return { status: 200, body: deps.config };
		case 'PATCH /config': {
			const body = jsonBody(raw, headers);
			if (!body.ok) return body.response;
			if (!isPlainObject(body.value)) return err(400, 'PATCH /__sandbox/config takes a JSON object');
			for (const k of Object.keys(body.value)) {
				if (!(k in deps.config)) return err(400, `unknown config section "${k}"`);
			}
			deepMerge(deps.config, body.value);
			return { status: 200, body: deps.config };
		}
		case 'POST /reset':
			deps.reset();
			return { status: 200, body: { ok: true } };
		default:
			return err(404, `no sandbox admin route ${m} ${path}`);
	}
}
