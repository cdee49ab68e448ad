// Error bodies the core sends itself (invalid JSON, too large, fault statuses) in each provider's
// shape, unless the provider module supplies `errorResponse`. Shapes from providers.md:
//   Infobip v1: {"requestError":{"serviceException":{"messageId","text"}}}
//   CM.com:     {"details","errorCode","messages":[]}
//   Graph:      {"error":{"message","type","code","error_subcode","fbtrace_id"}}
import { graphErrorBody } from './graph-error';
import type { CoreErrorKind, ProviderId } from './types';

function infobipMessageId(status: number): string {
	if (status === 401) return 'UNAUTHORIZED';
	if (status === 403) return 'FORBIDDEN';
	if (status === 404) return 'NOT_FOUND';
	if (status === 413) return 'PAYLOAD_TOO_LARGE';
	if (status === 429) return 'TOO_MANY_REQUESTS';
	if (status >= 500) return 'GENERAL_ERROR';
	return 'BAD_REQUEST';
}

function cmErrorCode(kind: CoreErrorKind, status: number): number {
	if (kind === 'invalid_json' || kind === 'too_large') return 202;
	if (status === 429) return 201;
	if (status === 401 || status === 403) return 101;
	if (status >= 500) return 999;
	return 202;
}

/** Graph code the sandbox uses for a plain fault status on a Meta route. */
export function graphCodeForStatus(status: number): number {
	if (status === 429) return 4;
	if (status === 503) return 2;
	if (status >= 500) return 1;
	return 100;
}

export function defaultProviderErrorBody(provider: ProviderId | 'sandbox', kind: CoreErrorKind, status: number, message: string): unknown {
	switch (provider) {
		case 'infobip':
			return { requestError: { serviceException: { messageId: infobipMessageId(status), text: message } } };
		case 'cm':
			return { details: message, errorCode: cmErrorCode(kind, status), messages: [] };
		case 'meta': {
			const code = kind === 'fault' ? graphCodeForStatus(status) : 100;
			return graphErrorBody(code, kind === 'fault' ? message : `(#100) ${message}`, { type: kind === 'fault' ? 'OAuthException' : 'GraphMethodException' });
		}
		default:
			return { error: kind, message };
	}
}
