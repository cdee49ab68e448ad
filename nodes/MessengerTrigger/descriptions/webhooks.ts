import * as n8nWorkflow from 'n8n-workflow';
import type { IDataObject, IWebhookDescription } from 'n8n-workflow';

// n8n evaluates a webhook description's expression-valued fields on every request it routes. From
// n8n 2.41 a field declared through `webhookDescriptionFields` carries a native resolver as well, and
// main uses it instead of its expression runtime whenever the node's parameters hold no expression.
// With N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE that spares building a V8 isolate for each request, which
// was most of main's CPU per event in the queue-mode scale run (BENCHMARKS.md). Older servers don't
// export the helper and read the same template as an ordinary expression.
//
// These functions are inlined into that template, so they must not close over anything.

/** Path-secret mode adds a `:secret` segment; both webhooks (GET handshake, POST) share the path. */
export const webhookPathOf = (parameters: IDataObject): string =>
	parameters.authentication === 'pathSecret' ? 'webhook/:secret' : 'webhook';

/** n8n matches `:param` segments only on paths registered as full paths (webhook id first). */
export const isFullPathOf = (parameters: IDataObject): boolean => parameters.authentication === 'pathSecret';

type FieldFunction = (parameters: IDataObject) => unknown;

/** n8n-workflow's own `fromFunction` template, so both forms are the same expression. */
export const templateOf = (fn: FieldFunction): string => `={{(${String(fn)})($parameter)}}`;

// isFullPath's declared type is boolean, but n8n has always evaluated it as an expression.
type ComputedFields = Pick<IWebhookDescription, 'path' | 'isFullPath'>;

function computedFields(): ComputedFields {
	const { webhookDescriptionFields, fromFunction } = n8nWorkflow as Partial<typeof n8nWorkflow>;
	if (typeof webhookDescriptionFields === 'function' && typeof fromFunction === 'function') {
		return webhookDescriptionFields({
			path: fromFunction(webhookPathOf),
			isFullPath: fromFunction(isFullPathOf),
		}) as unknown as ComputedFields;
	}
	return { path: templateOf(webhookPathOf), isFullPath: templateOf(isFullPathOf) as unknown as boolean };
}

export const ACKNOWLEDGEMENT = 'EVENT_RECEIVED';

const WEBHOOK_SHAPE = {
	...computedFields(),
	// Answer as soon as the execution exists. Without responseData, n8n 2.x sends the literal text
	// "firstEntryJson" as the body in this mode; Meta's documented acknowledgement is EVENT_RECEIVED.
	responseMode: 'onReceived',
	responseData: ACKNOWLEDGEMENT,
};

export const triggerWebhooks: IWebhookDescription[] = [
	{ name: 'setup', httpMethod: 'GET', ...WEBHOOK_SHAPE },
	{ name: 'default', httpMethod: 'POST', ...WEBHOOK_SHAPE },
];
