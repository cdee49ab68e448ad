// Graph API error bodies. Lives in core because fault rules with `graphCode` produce them for any
// route; the Meta module uses the same builder for its own errors.
import { randomBytes } from 'node:crypto';
import type { SandboxResponse } from './types';

export interface GraphErrorOptions {
	subcode?: number;
	/** Default `OAuthException` (what Graph uses for most errors, including 100 and 190). */
	type?: string;
	/** HTTP status; default from `graphHttpStatus(code)`. */
	status?: number;
	headers?: Record<string, string>;
}

/** Codes Graph marks as transient (retry later). */
export const TRANSIENT_GRAPH_CODES = new Set([1, 2, 4, 17, 32, 341, 613, 1200]);

/**
 * HTTP status the sandbox uses for a Graph error code. Graph answers almost every error with 400,
 * including the rate limits 4 / 17 / 32 / 613; the server-side failures 1 (unknown), 2 (service
 * unavailable) and 1200 (temporary send failure) come back as 500.
 */
export function graphHttpStatus(code: number): number {
	return code === 1 || code === 2 || code === 1200 ? 500 : 400;
}

const DEFAULT_MESSAGES: Record<number, string> = {
	1: 'An unknown error occurred',
	2: 'An unexpected error has occurred. Please retry your request later.',
	4: '(#4) Application request limit reached',
	10: '(#10) This message is sent outside of allowed window.',
	17: '(#17) User request limit reached',
	32: '(#32) Page request limit reached',
	100: '(#100) Invalid parameter',
	190: 'Invalid OAuth access token - Cannot parse access token',
	200: '(#200) Permissions error',
	230: '(#230) Requires pages_messaging permission to manage the object',
	551: '(#551) This person isn\'t available right now.',
	613: '(#613) Calls to this api have exceeded the rate limit.',
	1200: '(#1200) Temporary send message failure. Please try again later',
};

export function defaultGraphMessage(code: number): string {
	return DEFAULT_MESSAGES[code] ?? `(#${code}) Sandbox-injected Graph error`;
}

export function fbtraceId(): string {
	return randomBytes(8).toString('base64').replace(/[^A-Za-z0-9]/g, 'A').slice(0, 11);
}

export function graphErrorBody(code: number, message: string, opts: GraphErrorOptions = {}): { error: Record<string, unknown> } {
	const error: Record<string, unknown> = {
		message,
		type: opts.type ?? 'OAuthException',
		code,
	};
	if (opts.subcode !== undefined) error.error_subcode = opts.subcode;
	if (TRANSIENT_GRAPH_CODES.has(code)) error.is_transient = true;
	error.fbtrace_id = fbtraceId();
	return { error };
}

export function graphError(code: number, message?: string, opts: GraphErrorOptions = {}): SandboxResponse {
	return {
		status: opts.status ?? graphHttpStatus(code),
		headers: opts.headers,
		body: graphErrorBody(code, message ?? defaultGraphMessage(code), opts),
	};
}
