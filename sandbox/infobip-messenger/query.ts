// Query parameter checks shared by the GET routes (reports, logs, Messages API inbound). Each failure is
// a 400 ApiError violation naming the parameter.
import { violation } from './errors';
import { parseDateTime } from './schema';

/** The documented `limit`: "If not set, the latest 50 records are returned. Maximum limit value is 1000". */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export function parseLimit(raw: string | undefined): number {
	if (raw === undefined) return DEFAULT_LIMIT;
	if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_LIMIT) {
		throw violation('limit', `must be an integer between 1 and ${MAX_LIMIT} (got "${raw}")`);
	}
	return Number(raw);
}

/** Comma-separated lists ("May contain multiple comma-separated values. Maximum length 2048 characters."). */
export function parseList(raw: string | undefined, name: string, maxLength?: number): string[] | undefined {
	if (raw === undefined) return undefined;
	if (maxLength !== undefined && raw.length > maxLength) throw violation(name, `must be at most ${maxLength} characters (got ${raw.length})`);
	return raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

export function parseEnum<T extends string>(raw: string | undefined, name: string, allowed: readonly T[]): T | undefined {
	if (raw === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(raw)) throw violation(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
	return raw as T;
}

export function parseTime(raw: string | undefined, name: string): number | undefined {
	if (raw === undefined) return undefined;
	const ms = parseDateTime(raw);
	if (ms === undefined) throw violation(name, `must be a date-time in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ (got "${raw}")`);
	return ms;
}

export function parseBoolean(raw: string | undefined, name: string): boolean | undefined {
	if (raw === undefined) return undefined;
	if (raw !== 'true' && raw !== 'false') throw violation(name, `must be true or false (got "${raw}")`);
	return raw === 'true';
}
