// Small structural checks for request bodies. Every failure names the field (dotted path) and the
// rule, and becomes a 400 BAD_REQUEST through InfobipRequestError.
import { InfobipRequestError } from './errors';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireObject(value: unknown, path: string): Json {
	if (!isRecord(value)) throw new InfobipRequestError(`${path} must be a JSON object`);
	return value;
}

/** Rejects keys outside `allowed`: the package must send exactly the documented shape. */
export function onlyKeys(obj: Json, allowed: readonly string[], path: string): void {
	for (const key of Object.keys(obj)) {
		if (!allowed.includes(key)) {
			const where = path ? `${path}.${key}` : key;
			throw new InfobipRequestError(
				`${where} is not a documented field (allowed${path ? ` in ${path}` : ''}: ${allowed.join(', ')})`,
			);
		}
	}
}

export function requireString(obj: Json, key: string, path: string): string {
	const value = obj[key];
	const where = path ? `${path}.${key}` : key;
	if (value === undefined || value === null) throw new InfobipRequestError(`${where} is required`);
	if (typeof value !== 'string') throw new InfobipRequestError(`${where} must be a string`);
	if (value.trim() === '') throw new InfobipRequestError(`${where} must not be empty`);
	return value;
}

/** Length in characters (Unicode code points), the unit the seeds' limits are written in. */
export function charLength(text: string): number {
	return Array.from(text).length;
}

export function maxLength(value: string, limit: number, where: string): void {
	if (charLength(value) > limit) {
		throw new InfobipRequestError(`${where} must be at most ${limit} characters (got ${charLength(value)})`);
	}
}

export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}
