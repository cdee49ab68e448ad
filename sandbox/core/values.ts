// Value checks that every provider's request validation shares. The errors they lead to stay with each
// provider (Infobip 400 BAD_REQUEST, CM.com error codes, Graph `(#100)`), so only the tests live here.

export type Json = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Length in characters (Unicode code points), the unit the seeds' limits are written in. */
export function charLength(text: string): number {
	return Array.from(text).length;
}

export function isHttpUrl(value: string, httpsOnly = false): boolean {
	try {
		const url = new URL(value);
		return httpsOnly ? url.protocol === 'https:' : url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}
