// Graph takes parameters from the query string, a form body or a JSON body alike (the body wins on
// a clash). Object-typed parameters sent as form or query strings arrive JSON-encoded and are decoded.
import { contentType } from '../core/body';
import type { SandboxRequest } from '../core/types';
import { fail, isObj } from './fields';

/** Parameters whose form/query string value is JSON (`recipient={"id":"..."}`). */
const JSON_PARAMS = new Set([
	'recipient',
	'message',
	'subscribed_fields',
	'fields',
	'get_started',
	'greeting',
	'persistent_menu',
	'ice_breakers',
	'whitelisted_domains',
]);

/** Authentication parameters, removed before a route checks for unknown parameters. */
export const AUTH_PARAMS = ['access_token', 'appsecret_proof', 'appsecret_time'];

export type Params = Record<string, unknown>;

export function decodeJsonParams(values: Record<string, string>): Params {
	const out: Params = {};
	for (const [key, value] of Object.entries(values)) {
		if (JSON_PARAMS.has(key) && /^\s*[[{]/.test(value)) {
			try {
				out[key] = JSON.parse(value);
				continue;
			} catch {
				fail(`(#100) Param ${key} must be valid JSON`);
			}
		}
		out[key] = value;
	}
	return out;
}

export function graphParams(req: SandboxRequest): Params {
	const params: Params = decodeJsonParams(req.query);
	const ct = contentType(req.headers);
	if (req.json !== undefined) {
		if (!isObj(req.json)) fail('(#100) The request body must be a JSON object');
		Object.assign(params, req.json);
	} else if (ct.startsWith('application/x-www-form-urlencoded')) {
		const form: Record<string, string> = {};
		for (const [k, v] of new URLSearchParams(req.rawBody.toString('utf8'))) form[k] = v;
		Object.assign(params, decodeJsonParams(form));
	}
	return params;
}

export function withoutAuth(params: Params, extra: string[] = []): Params {
	const out: Params = { ...params };
	for (const key of [...AUTH_PARAMS, ...extra]) delete out[key];
	return out;
}
