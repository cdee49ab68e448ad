// Deep merge for config overrides (startSandbox options and PATCH /__sandbox/config): objects merge
// key by key, arrays and scalars replace, `null` deletes the key. Mutates and returns `target`.
export function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
}

export function deepMerge<T extends object>(target: T, patch: unknown): T {
	if (!isPlainObject(patch)) return target;
	const t = target as Record<string, unknown>;
	for (const [key, value] of Object.entries(patch)) {
		if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
		if (value === null) {
			delete t[key];
		} else if (isPlainObject(value) && isPlainObject(t[key])) {
			deepMerge(t[key] as Record<string, unknown>, value);
		} else if (value !== undefined) {
			t[key] = structuredClone(value);
		}
	}
	return target;
}

/** Replaces every key of `target` by those of `source` (a deep copy), keeping `target`'s identity. */
export function replaceContents(target: Record<string, unknown>, source: Record<string, unknown>): void {
	for (const key of Object.keys(target)) delete target[key];
	Object.assign(target, structuredClone(source));
}
