// The coordinates of a location message. Infobip's Messenger API states these bounds in its schema
// (FacebookOutboundLocationContent: latitude -90..90, longitude -180..180, `name` and `address`
// unbounded); they are the range of the degrees themselves, so they belong to the model, not to one
// provider's limits.
import { InputValidationError } from './input-error';

export type Coordinate = 'latitude' | 'longitude';

export const COORDINATE_RANGES: Readonly<Record<Coordinate, { min: number; max: number }>> = {
	latitude: { min: -90, max: 90 },
	longitude: { min: -180, max: 180 },
};

/**
 * A coordinate as the node's fields or JSON give it: a number, or a string holding one (a field filled
 * by an expression often is). Empty or not a number fails naming the field; the range is the validator's.
 */
export function coordinateFrom(field: Coordinate, value: unknown): number {
	if (typeof value === 'number') return value;
	if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
		throw new InputValidationError(field, `${field} is empty; give it in degrees, e.g. ${field === 'latitude' ? '52.3676' : '4.9041'}`);
	}
	const text = String(value).trim();
	if (typeof value !== 'string' || !/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
		throw new InputValidationError(field, `${field} "${text}" is not a number of degrees (e.g. ${field === 'latitude' ? '52.3676' : '4.9041'})`);
	}
	return Number(text);
}
