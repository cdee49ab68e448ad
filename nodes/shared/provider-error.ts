import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ProviderErrorInfo } from './providers/types';
import { maskSecrets } from './secrets';

export interface ProviderErrorOptions {
	itemIndex?: number;
	/** Extra sentences for the description (attempt counts, why a retry was not made). */
	notes?: ReadonlyArray<string | undefined>;
	/** Values to mask in the provider's message (secrets the request carried in its body). */
	secrets?: readonly string[];
	/** What the node was doing, between the provider's name and its message ("could not subscribe the page"). */
	action?: string;
}

export { maskSecrets } from './secrets';

/** A provider's hint as a sentence, so the error code that follows does not run into it. */
function sentence(text: string | undefined): string | undefined {
	const trimmed = text?.trim();
	return trimmed && !/[.!?]$/.test(trimmed) ? `${trimmed}.` : trimmed;
}

/**
 * A provider's error answer as a NodeApiError built from its error body alone. n8n's own request
 * error carries the request config, auth header included, so it is never passed on; every node of
 * the package reports provider failures through this one function.
 */
export function providerApiError(
	node: INode,
	providerName: string,
	statusCode: number,
	problem: ProviderErrorInfo | undefined,
	{ itemIndex, notes = [], secrets = [], action }: ProviderErrorOptions = {},
): NodeApiError {
	const message = maskSecrets(problem?.message ?? `HTTP ${statusCode}`, secrets);
	const code = problem?.code ?? '';
	const description = [sentence(problem?.hint), code ? `${providerName} error code: ${code}.` : undefined, ...notes]
		.filter(Boolean)
		.join(' ');
	const error = new NodeApiError(node, { message, code, httpCode: String(statusCode) } as JsonObject, {
		itemIndex,
		httpCode: String(statusCode),
		message: action ? `${providerName}: ${action}: ${message}` : `${providerName}: ${message}`,
		description: description || undefined,
	});
	error.context.providerCode = code || undefined;
	return error;
}
