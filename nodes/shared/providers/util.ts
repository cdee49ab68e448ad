import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
}

export function stringOr<T>(value: unknown, fallback: T): string | T {
	return typeof value === 'string' && value ? value : fallback;
}

/**
 * The hint a provider's table has for an error code. The code comes from the provider's answer, so a
 * code like "constructor" must not reach an object's built-in members.
 */
export function hintFor(hints: Readonly<Record<string, string>>, code: string | number | undefined): string | undefined {
	const key = String(code ?? '');
	return Object.hasOwn(hints, key) ? hints[key] : undefined;
}

/** Drops undefined values so that optional fields are absent from the JSON, not `null`. */
export function compact<T extends Record<string, unknown>>(object: T): T {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** An operation the validator should have refused reached a builder: a bug, not a user error. */
export function unreachable(provider: string, what: string): never {
	throw new Error(`${provider} adapter cannot build ${what}; the capability table should have refused it`);
}
