// Infobip v1 error bodies (providers.md): `{"requestError":{"serviceException":{"messageId","text"}}}`.
// 401 bad credentials, 400 bad request, 404 unknown application key (same envelope).
import type { SandboxResponse } from '../core/types';

export function infobipError(status: number, messageId: string, text: string): SandboxResponse {
	return { status, body: { requestError: { serviceException: { messageId, text } } } };
}

export const unauthorized = (): SandboxResponse => infobipError(401, 'UNAUTHORIZED', 'Invalid login details');

export const badRequest = (text: string): SandboxResponse => infobipError(400, 'BAD_REQUEST', text);

export const notFound = (text: string): SandboxResponse => infobipError(404, 'NOT_FOUND', text);

/** Thrown by validators; the route turns it into a 400 (or the given status). */
export class InfobipRequestError extends Error {
	constructor(
		text: string,
		readonly status = 400,
		readonly messageId = 'BAD_REQUEST',
	) {
		super(text);
	}

	toResponse(): SandboxResponse {
		return infobipError(this.status, this.messageId, this.message);
	}
}

/** Runs a handler body, turning an InfobipRequestError into its response. */
export function withInfobipErrors(run: () => SandboxResponse): SandboxResponse {
	try {
		return run();
	} catch (error) {
		if (error instanceof InfobipRequestError) return error.toResponse();
		throw error;
	}
}
