import { characterCount, InputValidationError } from './input-error';

export { InputValidationError } from './input-error';

/** Fails naming the field, its length and the limit. */
export function checkLength(field: string, value: string, limit: number): void {
	const length = characterCount(value);
	if (length > limit) {
		throw new InputValidationError(field, `${field} is ${length} characters long; the limit is ${limit}`);
	}
}

export function checkNotEmpty(field: string, value: string): string {
	const trimmed = value.trim();
	if (!trimmed) throw new InputValidationError(field, `${field} is empty`);
	return trimmed;
}
