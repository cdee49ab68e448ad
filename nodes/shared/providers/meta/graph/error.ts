import { isRecord, stringOr } from '../../util';

/** Graph's error body, whatever the product: `{error: {message, type, code, error_subcode, fbtrace_id}}`. */
export interface GraphError {
	message: string;
	code: number;
	/** `code/subcode`, or the code alone when Graph gives no subcode: how hints are looked up. */
	fullCode: string;
}

/** The Graph error in this answer, or undefined when it carries none. */
export function readGraphError(statusCode: number, body: unknown): GraphError | undefined {
	const error = isRecord(body) ? body.error : undefined;
	if (!isRecord(error)) return undefined;
	const code = typeof error.code === 'number' ? error.code : Number(error.code);
	const subcode = error.error_subcode;
	const fullCode = subcode !== undefined && subcode !== null ? `${code}/${String(subcode)}` : String(code);
	return { message: stringOr(error.message, `Graph API error (HTTP ${statusCode})`), code, fullCode };
}

/**
 * A Graph error that means "there is nothing to delete": HTTP 404, or code 100 with subcode 33
 * (object does not exist). Deactivation treats these as done, so it can run any number of times.
 */
export function isAlreadyGone(httpCode: number | undefined, body: unknown): boolean {
	if (httpCode === 404) return true;
	const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
	return error?.code === 100 && error.error_subcode === 33;
}
