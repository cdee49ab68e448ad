// A small validator for the subset of OpenAPI 3 the Messenger OpenAPI uses in request schemas: objects
// with `properties`/`required`, strings with `minLength`/`maxLength`/`enum`/`format: date-time`,
// integers and numbers with `minimum`/`maximum`, booleans, arrays with `minItems`/`maxItems`, and
// `discriminator` unions on `type`. The schemas themselves are transcribed in send-schemas.ts and
// content-schemas.ts; this file knows none of them.
//
// Sandbox decisions the OpenAPI leaves open (each a violation in the ApiError answer):
//  - A property no schema names is refused ("unknown property"): the package must send exactly the
//    documented shape. Infobip's own servers may ignore such fields; a test should not rely on it.
//  - A discriminator property is required even where `required` omits it (provider-updates-2026.md:
//    "it selects the schema"), and must be one of the mapping's keys.
//  - `null` counts as absent for optional properties and as missing for required ones.
//  - Every violation found is listed, in document order, so one answer names all the bad fields.
import { charLength, isRecord } from '../core/values';
import type { ApiErrorViolation } from './errors';

export type Schema = ObjectSchema | StringSchema | NumberSchema | BooleanSchema | ArraySchema | UnionSchema | FreeObjectSchema;

export interface ObjectSchema {
	kind: 'object';
	/** The OpenAPI schema name, for messages. */
	title: string;
	properties: Record<string, Schema>;
	required?: readonly string[];
	/** Extra rule over the whole object (e.g. DeliveryTimeWindow's from/to pairing). */
	check?: (value: Record<string, unknown>, path: string) => ApiErrorViolation[];
}

export interface StringSchema {
	kind: 'string';
	minLength?: number;
	maxLength?: number;
	enum?: readonly string[];
	/** `date-time`: Infobip's `yyyy-MM-dd'T'HH:mm:ss.SSSZ` or an ISO 8601 instant. */
	format?: 'date-time';
	/** Must not be empty or blank (sandbox rule for ids such as `sender` and `to`). */
	nonBlank?: boolean;
}

export interface NumberSchema {
	kind: 'number';
	integer?: boolean;
	minimum?: number;
	maximum?: number;
}

export interface BooleanSchema {
	kind: 'boolean';
}

export interface ArraySchema {
	kind: 'array';
	items: Schema;
	minItems?: number;
	maxItems?: number;
}

/** An object whose schema is chosen by `discriminator` (always `type` in this API). */
export interface UnionSchema {
	kind: 'union';
	title: string;
	discriminator: string;
	mapping: Record<string, ObjectSchema>;
	/** Values the schema lists but the sandbox refuses, with the reason (e.g. discontinued features). */
	refused?: Record<string, string>;
}

/** `type: object` with `additionalProperties` (FacebookInboundUnknownContent.raw): any JSON object. */
export interface FreeObjectSchema {
	kind: 'free-object';
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSS+0000` (Infobip's format) or any ISO 8601 date-time with an offset. */
export function parseDateTime(value: string): number | undefined {
	const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(Z|[+-]\d{2}:?\d{2})$/.exec(value);
	if (!m) return undefined;
	const offset = m[2] === 'Z' ? 'Z' : `${m[2].slice(0, 3)}:${m[2].slice(-2)}`;
	const ms = Date.parse(`${m[1]}${offset}`);
	return Number.isFinite(ms) ? ms : undefined;
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

export function validate(schema: Schema, value: unknown, path: string): ApiErrorViolation[] {
	const out: ApiErrorViolation[] = [];
	const add = (violation: string, where = path) => out.push({ property: where, violation });
	switch (schema.kind) {
		case 'string': {
			if (typeof value !== 'string') {
				add(`must be a string (got ${typeName(value)})`);
				break;
			}
			const length = charLength(value);
			if (schema.enum && !schema.enum.includes(value)) add(`must be one of ${schema.enum.join(', ')} (got "${value}")`);
			if (schema.maxLength !== undefined && length > schema.maxLength) add(`size must be between ${schema.minLength ?? 0} and ${schema.maxLength} (got ${length} characters)`);
			if (schema.minLength !== undefined && length < schema.minLength) add(`must be at least ${schema.minLength} characters (got ${length})`);
			if (schema.nonBlank && value.trim() === '') add('must not be blank');
			if (schema.format === 'date-time' && parseDateTime(value) === undefined) {
				add(`must be a date-time in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ (got "${value}")`);
			}
			break;
		}
		case 'number': {
			if (typeof value !== 'number' || !Number.isFinite(value)) {
				add(`must be a number (got ${typeName(value)})`);
				break;
			}
			if (schema.integer && !Number.isInteger(value)) add(`must be an integer (got ${value})`);
			if (schema.minimum !== undefined && value < schema.minimum) add(`must be greater than or equal to ${schema.minimum} (got ${value})`);
			if (schema.maximum !== undefined && value > schema.maximum) add(`must be less than or equal to ${schema.maximum} (got ${value})`);
			break;
		}
		case 'boolean':
			if (typeof value !== 'boolean') add(`must be a boolean (got ${typeName(value)})`);
			break;
		case 'free-object':
			if (!isRecord(value)) add(`must be a JSON object (got ${typeName(value)})`);
			break;
		case 'array': {
			if (!Array.isArray(value)) {
				add(`must be an array (got ${typeName(value)})`);
				break;
			}
			if (schema.minItems !== undefined && value.length < schema.minItems) add(`must hold at least ${schema.minItems} item(s) (got ${value.length})`);
			if (schema.maxItems !== undefined && value.length > schema.maxItems) add(`must hold at most ${schema.maxItems} items (got ${value.length})`);
			value.forEach((item, i) => out.push(...validate(schema.items, item, `${path}[${i}]`)));
			break;
		}
		case 'object':
			out.push(...validateObject(schema, value, path));
			break;
		case 'union': {
			if (!isRecord(value)) {
				add(`must be a JSON object (${schema.title}) (got ${typeName(value)})`);
				break;
			}
			const d = schema.discriminator;
			const where = path ? `${path}.${d}` : d;
			const tag = value[d];
			const allowed = Object.keys(schema.mapping);
			if (tag === undefined || tag === null) {
				add(`must not be null (one of ${allowed.join(', ')})`, where);
				break;
			}
			if (typeof tag !== 'string' || !(tag in schema.mapping)) {
				add(`must be one of ${allowed.join(', ')} (got ${JSON.stringify(tag)})`, where);
				break;
			}
			const refusal = schema.refused?.[tag];
			if (refusal) {
				add(refusal, where);
				break;
			}
			out.push(...validateObject(schema.mapping[tag], value, path));
			break;
		}
	}
	return out;
}

function validateObject(schema: ObjectSchema, value: unknown, path: string): ApiErrorViolation[] {
	const out: ApiErrorViolation[] = [];
	const at = (key: string) => (path ? `${path}.${key}` : key);
	if (!isRecord(value)) return [{ property: path || 'body', violation: `must be a JSON object (${schema.title}) (got ${typeName(value)})` }];
	for (const key of Object.keys(value)) {
		if (!(key in schema.properties)) {
			out.push({ property: at(key), violation: `unknown property: ${schema.title} has ${Object.keys(schema.properties).join(', ')}` });
		}
	}
	for (const [key, propSchema] of Object.entries(schema.properties)) {
		const v = value[key];
		if (v === undefined || v === null) {
			if (schema.required?.includes(key)) out.push({ property: at(key), violation: 'must not be null' });
			continue;
		}
		out.push(...validate(propSchema, v, at(key)));
	}
	if (schema.check && out.length === 0) out.push(...schema.check(value, path));
	return out;
}
