/**
 * A setup request (Infobip application, page subscription, Messenger profile, user profile) that
 * cannot be sent as asked. `field` names the offending parameter, in the provider's own terms.
 */
export class SetupInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'SetupInputError';
	}
}

/** Length as Messenger counts it: characters (code points), not UTF-16 units. */
export function characters(value: string): number {
	let count = 0;
	for (const _ of value) count++;
	return count;
}

/** Fails naming the field, its length and the limit. */
export function checkLength(field: string, value: string, limit: number): void {
	const length = characters(value);
	if (length > limit) {
		throw new SetupInputError(field, `${field} is ${length} characters long; the limit is ${limit}`);
	}
}

export function checkNotEmpty(field: string, value: string): string {
	const trimmed = value.trim();
	if (!trimmed) throw new SetupInputError(field, `${field} is empty`);
	return trimmed;
}
