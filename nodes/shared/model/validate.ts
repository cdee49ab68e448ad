import { MESSENGER_LIMITS } from './limits';
import type { ProviderName, SendRequest } from './message';

export class MessageValidationError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'MessageValidationError';
	}
}

/** Length as Messenger counts it: characters (code points), not UTF-16 units. */
export function characterCount(value: string): number {
	let count = 0;
	for (const _ of value) count++;
	return count;
}

/** Throws a MessageValidationError naming the field, its length and the limit; returns warnings. */
export function validateSendRequest(provider: ProviderName, request: SendRequest): string[] {
	const limits = MESSENGER_LIMITS[provider];
	const warnings: string[] = [];
	if (!request.recipient.id.trim()) {
		throw new MessageValidationError('recipient', 'Recipient is empty: set a PSID / user key');
	}
	const { message } = request;
	const length = characterCount(message.text);
	if (length === 0) throw new MessageValidationError('text', 'Text is empty');
	if (length > limits.textLength) {
		const detail = `Text is ${length} characters; the limit for ${provider} is ${limits.textLength}`;
		if (!limits.textTruncatedByProvider) throw new MessageValidationError('text', detail);
		warnings.push(`${detail}: the provider truncates it to ${limits.textLength}`);
	}
	return warnings;
}
