/**
 * Input that cannot be sent as asked, whether a message or a page setup: `field` names the offending
 * value. Every node turns it into a NodeOperationError for that item, before any request is made.
 */
export class InputValidationError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'InputValidationError';
	}
}

/** Length as Messenger counts it: characters (code points), not UTF-16 units. */
export function characterCount(value: string): number {
	let count = 0;
	for (const _ of value) count++;
	return count;
}
