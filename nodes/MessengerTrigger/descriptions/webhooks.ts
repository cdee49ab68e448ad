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

// Only a provider that signs its deliveries sends the verification GET (Meta's hub.challenge). For the
// others the GET webhook's method is empty, and n8n registers no route for an empty method
// (WebhookService.getNodeWebhooks splits the method list and skips empty entries), so n8n answers such
// a GET itself (404) and no URL nobody calls is served. The editor lists every webhook description
// with its URL unless `ndvHideUrl` is true, so that hides it there (editor-ui NodeWebhooks.vue
// evaluates it as an expression).
//
// These functions are serialized into the expression, so they cannot read the registry. They key on
// the Authentication parameter instead, which the node shows exactly for the providers that sign
// nothing (a signed delivery proves itself), in every node version; n8n fills in its default before
// it evaluates the fields. A node saved without a provider is a Meta node (the parameter's default)
// and has none. test/nodes/architecture.test.ts checks this against the registry for every provider
// and version, through n8n's own parameter resolution.

/** The setup webhook's method: GET where the provider sends a handshake, none where it never calls it. */
export const setupMethodOf = (parameters: IDataObject): string => (parameters.authentication === undefined ? 'GET' : '');

/** Whether the editor hides the setup webhook's URL. */
export const setupUrlHiddenOf = (parameters: IDataObject): boolean => parameters.authentication !== undefined;

type FieldFunction = (parameters: IDataObject) => unknown;

/** n8n-workflow's own `fromFunction` template, so both forms are the same expression. */
export const templateOf = (fn: FieldFunction): string => `={{(${String(fn)})($parameter)}}`;

// isFullPath's and ndvHideUrl's declared types include boolean, but n8n evaluates them as expressions.
type ComputedFields = Partial<Pick<IWebhookDescription, 'path' | 'isFullPath' | 'httpMethod' | 'ndvHideUrl'>>;

/**
 * The expression-valued fields of one description, declared in one call: a resolver map spread later
 * would replace the one before, and a field without its resolver falls back to the expression runtime.
 */
function computedFields(fields: Record<string, FieldFunction>): ComputedFields {
	const { webhookDescriptionFields, fromFunction } = n8nWorkflow as Partial<typeof n8nWorkflow>;
	if (typeof webhookDescriptionFields === 'function' && typeof fromFunction === 'function') {
		const declared = Object.fromEntries(
			Object.entries(fields).map(([name, fn]) => [name, fromFunction(fn as Parameters<typeof fromFunction>[0])]),
		);
		return webhookDescriptionFields(declared) as unknown as ComputedFields;
	}
	return Object.fromEntries(Object.entries(fields).map(([name, fn]) => [name, templateOf(fn)])) as ComputedFields;
}

export const ACKNOWLEDGEMENT = 'EVENT_RECEIVED';

const ROUTING = { path: webhookPathOf, isFullPath: isFullPathOf };

const RESPONSE = {
	// Answer as soon as the execution exists. Without responseData, n8n 2.x sends the literal text
	// "firstEntryJson" as the body in this mode; Meta's documented acknowledgement is EVENT_RECEIVED.
	responseMode: 'onReceived',
	responseData: ACKNOWLEDGEMENT,
};

export const triggerWebhooks: IWebhookDescription[] = [
	{
		name: 'setup',
		...RESPONSE,
		...computedFields({ ...ROUTING, httpMethod: setupMethodOf, ndvHideUrl: setupUrlHiddenOf }),
	} as IWebhookDescription,
	{ name: 'default', httpMethod: 'POST', ...RESPONSE, ...computedFields(ROUTING) } as IWebhookDescription,
];
