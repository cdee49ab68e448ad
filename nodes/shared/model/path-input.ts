// Values that become path segments of a provider URL. Encoding alone is not enough: `..` stays `..`
// under encodeURIComponent and URL resolution climbs out of the path with it (a Graph version of
// `v25.0/../../me/feed?x=` reached POST /me/feed), so each value is checked for what it may be.
import { InputValidationError } from './input-error';

function shown(value: string): string {
	return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** A Graph API Version: `v<major>.<minor>`, or `fallback` when empty. */
export function graphVersion(value: unknown, fallback: string): string {
	const text = String(value ?? '').trim();
	if (!text) return fallback;
	if (!/^v\d{1,3}\.\d{1,3}$/.test(text)) {
		throw new InputValidationError('graphApiVersion', `The Graph API Version must look like v25.0 (v<major>.<minor>); got ${shown(text)}`);
	}
	return text;
}

/** A Graph node id in a path (page ID, app ID, PSID): digits only. */
export function graphId(field: string, value: unknown): string {
	const text = String(value ?? '').trim();
	if (!/^\d{1,30}$/.test(text)) {
		throw new InputValidationError(field, `${field} must be a Facebook ID, digits only; got ${shown(text)}`);
	}
	return text;
}

/** An Infobip key in a path (application key): not empty, no `/` or `\`, not `.` or `..`. */
export function infobipKey(field: string, value: unknown): string {
	const text = String(value ?? '').trim();
	if (!text) throw new InputValidationError(field, 'The Infobip application key is empty');
	if (text === '.' || text === '..' || /[/\\]/.test(text)) {
		throw new InputValidationError(field, `The Infobip application key may not contain "/" or "\\" nor be "." or ".."; got ${shown(text)}`);
	}
	return text;
}

/** One path segment, encoded, after its value was checked by one of the functions above. */
export function pathSegment(value: string): string {
	return encodeURIComponent(value);
}
