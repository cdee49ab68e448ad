// Small structural checks for request bodies. Every failure names the field (dotted path) and the
// rule, and becomes a 400 BAD_REQUEST through InfobipRequestError.
import { InfobipRequestError } from './errors';
import { charLength, isRecord, type Json } from '../core/values';

export { charLength, isHttpUrl, isRecord, type Json } from '../core/values';

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

export function maxLength(value: string, limit: number, where: string): void {
	if (charLength(value) > limit) {
		throw new InfobipRequestError(`${where} must be at most ${limit} characters (got ${charLength(value)})`);
	}
}

