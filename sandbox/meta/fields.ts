// Field-by-field validation helpers producing Graph-style `(#100)` errors. Paths use Graph's bracket
// notation: `message[quick_replies][0][title]`.
import { graphError } from '../core/graph-error';
import type { SandboxResponse } from '../core/types';

/** Thrown by validators and handlers; the route wrapper turns it into a Graph error response. */
export class GraphError extends Error {
	constructor(
		message: string,
		readonly code = 100,
		readonly subcode?: number,
		readonly type = 'OAuthException',
		readonly headers?: Record<string, string>,
	) {
		super(message);
	}

	toResponse(): SandboxResponse {
		return graphError(this.code, this.message, { subcode: this.subcode, type: this.type, headers: this.headers });
	}
}

export function fail(message: string, code = 100, subcode?: number): never {
	throw new GraphError(message, code, subcode);
}

export const at = (parent: string, key: string | number): string => (parent ? `${parent}[${key}]` : String(key));

// Graph's validation names them in its own vocabulary.
import { charLength as charCount, isHttpUrl, isRecord as isObj, type Json as Obj } from '../core/values';

export { charCount, isHttpUrl, isObj, type Obj };

export function asObject(v: unknown, path: string): Obj {
	if (!isObj(v)) fail(`(#100) Param ${path} must be a JSON object`);
	return v;
}

export function asArray(v: unknown, path: string, min: number, max: number): unknown[] {
	if (!Array.isArray(v)) fail(`(#100) Param ${path} must be an array`);
	if (v.length < min) fail(`(#100) Param ${path} must have at least ${min} item${min === 1 ? '' : 's'}`);
	if (v.length > max) fail(`(#100) Param ${path} must have at most ${max} items, got ${v.length}`);
	return v;
}

/** Rejects every key of `o` not in `allowed`, naming it. */
export function onlyKeys(o: Obj, allowed: readonly string[], path: string): void {
	for (const key of Object.keys(o)) {
		if (!allowed.includes(key)) fail(`(#100) Param ${at(path, key)} is not a valid parameter`);
	}
}

export function requireKey(o: Obj, key: string, path: string): unknown {
	if (o[key] === undefined || o[key] === null || o[key] === '') fail(`(#100) The parameter ${at(path, key)} is required`);
	return o[key];
}

export function str(o: Obj, key: string, path: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
	const p = at(path, key);
	const v = o[key];
	if (v === undefined || v === null) {
		if (opts.required) fail(`(#100) The parameter ${p} is required`);
		return undefined;
	}
	if (typeof v !== 'string') fail(`(#100) Param ${p} must be a string`);
	if (opts.required && v.trim() === '') fail(`(#100) The parameter ${p} is required`);
	if (opts.max !== undefined && charCount(v) > opts.max) {
		fail(`(#100) Length of param ${p} must be less than or equal to ${opts.max}`);
	}
	return v;
}

export function reqStr(o: Obj, key: string, path: string, max?: number): string {
	return str(o, key, path, { required: true, max }) as string;
}

export function bool(o: Obj, key: string, path: string): boolean | undefined {
	const v = o[key];
	if (v === undefined) return undefined;
	if (typeof v !== 'boolean') fail(`(#100) Param ${at(path, key)} must be a boolean`);
	return v;
}

export function oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[], required: boolean): T | undefined {
	const v = str(o, key, path, { required });
	if (v === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(v)) {
		fail(`(#100) Param ${at(path, key)} must be one of {${allowed.join(', ')}} - got "${v}"`);
	}
	return v as T;
}


export function url(o: Obj, key: string, path: string, opts: { required?: boolean; httpsOnly?: boolean } = {}): string | undefined {
	const v = str(o, key, path, { required: opts.required });
	if (v === undefined) return undefined;
	if (!isHttpUrl(v, opts.httpsOnly)) fail(`(#100) Param ${at(path, key)} must be a valid ${opts.httpsOnly ? 'https ' : ''}URL`);
	return v;
}

/** A list parameter given as a JSON array or a comma-separated string. */
export function stringList(v: unknown, path: string): string[] {
	if (Array.isArray(v)) {
		return v.map((item, i) => {
			if (typeof item !== 'string' || item.trim() === '') fail(`(#100) Param ${at(path, i)} must be a non-empty string`);
			return item.trim();
		});
	}
	if (typeof v === 'string') {
		const t = v.trim();
		if (t.startsWith('[')) {
			try {
				return stringList(JSON.parse(t), path);
			} catch (e) {
				if (e instanceof GraphError) throw e;
				fail(`(#100) Param ${path} must be a JSON array or a comma-separated list`);
			}
		}
		return t.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
	}
	return fail(`(#100) Param ${path} must be a JSON array or a comma-separated list`);
}
