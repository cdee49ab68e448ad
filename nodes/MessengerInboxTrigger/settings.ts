// The poll's two numbers, checked before any request: an expression that yields text would otherwise
// reach Infobip as `?limit=NaN`, and an out-of-range number was silently clamped.
import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_PULL_LIMIT } from './drain';

export const DEFAULT_MAX_MESSAGES = 10000;

export interface PollSettings {
	/** Messages per request, 1..1000. */
	limit: number;
	/** Stop pulling once this many are in hand. */
	maxMessages: number;
}

/** A whole number within [min, max], or undefined. Numeric text counts (an expression may yield "500"). */
export function wholeNumberIn(value: unknown, min: number, max: number): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

export function readPollSettings(ctx: IPollFunctions): PollSettings {
	const rawLimit = ctx.getNodeParameter('pullLimit', MAX_PULL_LIMIT);
	const limit = wholeNumberIn(rawLimit, 1, MAX_PULL_LIMIT);
	if (limit === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Messages per Request must be a whole number from 1 to ${MAX_PULL_LIMIT} (got "${String(rawLimit)}")`, {
			description: 'Field: Messages per Request (pullLimit). Infobip accepts a limit of 1 to 1000 per pull.',
		});
	}
	const rawMax = ctx.getNodeParameter('maxMessages', DEFAULT_MAX_MESSAGES);
	const maxMessages = wholeNumberIn(rawMax, 1, Number.MAX_SAFE_INTEGER);
	if (maxMessages === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Max Messages per Poll must be a whole number of at least 1 (got "${String(rawMax)}")`, {
			description: 'Field: Max Messages per Poll (maxMessages).',
		});
	}
	return { limit, maxMessages };
}
