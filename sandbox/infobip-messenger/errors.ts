// Error bodies of today's Infobip APIs: schema `ApiError` {errorCode, description, action, violations:
// [{property, violation}], resources:[{name, url}]} with the texts of the Messenger OpenAPI's examples
// (400 on send-messenger-message, components.responses ApiError401/403/429/500). This is not the v1
// Facebook API's `requestError.serviceException` envelope: the 2026 OpenAPI documents only ApiError
// for /messenger/1/* and /messages-api/1/*.
import type { CoreErrorKind, SandboxResponse } from '../core/types';

export interface ApiErrorViolation {
	property: string;
	violation: string;
}

interface ErrorTexts {
	description: string;
	action: string;
	resources: Array<{ name: string; url: string }>;
}

const TEXTS: Record<number, ErrorTexts> = {
	400: { description: 'Request cannot be processed.', action: 'Check the syntax, violations and adjust the request.', resources: [] },
	401: {
		description: 'The request lacks valid authentication credentials for the requested resource.',
		action: 'Check the resources and adjust authentication credentials.',
		resources: [{ name: 'API Authentication', url: 'https://www.infobip.com/docs/essentials/api-authentication' }],
	},
	403: {
		description: 'Insufficient permissions to access the requested resource.',
		action: 'Repeat the request with new or different credentials.',
		resources: [{ name: 'API Scopes', url: 'https://www.infobip.com/docs/essentials/api-essentials/api-authorization#api-scopes' }],
	},
	404: { description: 'The requested resource does not exist.', action: 'Check the request path and identifiers.', resources: [] },
	429: {
		description: 'Too many requests sent.',
		action: 'Check request rate limit specified in the API endpoint documentation resource.',
		resources: [{ name: 'Throttling handling errors', url: 'https://www.infobip.com/docs/essentials/integration-best-practices#throttling-handling-errors' }],
	},
	500: { description: 'Something went wrong.', action: 'Contact the support.', resources: [] },
};

function textsFor(status: number): ErrorTexts {
	if (TEXTS[status]) return TEXTS[status];
	return status >= 500 ? TEXTS[500] : TEXTS[400];
}

/** An ApiError body; `errorCode` is `E<status>` as in every documented example. */
export function apiError(status: number, violations: ApiErrorViolation[] = [], description?: string): SandboxResponse {
	const texts = textsFor(status);
	return {
		status,
		body: {
			errorCode: `E${status}`,
			description: description ?? texts.description,
			action: texts.action,
			violations,
			resources: texts.resources.map((r) => ({ ...r })),
		},
	};
}

export const unauthorized = (): SandboxResponse => apiError(401);

/** Thrown by validators and handlers; the route answers it as an ApiError. */
export class ApiRequestError extends Error {
	constructor(
		readonly violations: ApiErrorViolation[],
		readonly status = 400,
	) {
		super(violations.map((v) => `${v.property}: ${v.violation}`).join('; ') || `HTTP ${status}`);
	}

	toResponse(): SandboxResponse {
		return apiError(this.status, this.violations);
	}
}

export function violation(property: string, text: string): ApiRequestError {
	return new ApiRequestError([{ property, violation: text }]);
}

/** Errors the core answers before the route (invalid JSON, 413, fault statuses), in the same shape. */
export function coreError(kind: CoreErrorKind, status: number, message: string): SandboxResponse {
	if (kind === 'invalid_json') return apiError(400, [{ property: 'body', violation: message }]);
	return apiError(status, [], kind === 'too_large' ? message : undefined);
}
