// Structural checks for CM request bodies. Unknown or mistyped fields are 305 ("invalid field");
// content rules (limits, combinations) are raised by the callers as 304.
import { CM_ERROR, CmMessageError } from './errors';
import { charLength, isRecord, type Json } from '../core/values';

export { charLength, isHttpUrl, isRecord, type Json } from '../core/values';

export function fieldError(text: string): CmMessageError {
	return new CmMessageError(CM_ERROR.invalidField, text);
}

export function bodyError(text: string): CmMessageError {
	return new CmMessageError(CM_ERROR.invalidBody, text);
}

export function requireObject(value: unknown, where: string): Json {
	if (!isRecord(value)) throw fieldError(`${where} must be an object`);
	return value;
}

export function onlyKeys(obj: Json, allowed: readonly string[], where: string): void {
	for (const key of Object.keys(obj)) {
		if (!allowed.includes(key)) throw fieldError(`${where}.${key} is not a supported field (allowed: ${allowed.join(', ')})`);
	}
}

/** A string field: undefined when absent; a non-string is a 305; `required` makes absence a 305 too. */
export function stringField(obj: Json, key: string, where: string, required = false): string | undefined {
	const value = obj[key];
	if (value === undefined || value === null) {
		if (required) throw fieldError(`${where}.${key} is required`);
		return undefined;
	}
	if (typeof value !== 'string') throw fieldError(`${where}.${key} must be a string`);
	if (required && value.trim() === '') throw fieldError(`${where}.${key} must not be empty`);
	return value;
}

export function maxChars(value: string, limit: number, where: string): void {
	const length = charLength(value);
	if (length > limit) throw bodyError(`${where} must be at most ${limit} characters (got ${length})`);
}

