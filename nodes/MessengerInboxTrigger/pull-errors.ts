// What a failed or odd inbox pull is reported as. Infobip removes every message it hands out, so the
// one question that matters is whether a failed pull may have been served: a request that never left
// (ECONNREFUSED, ENOTFOUND, EAI_AGAIN) lost nothing; one cut off after it was sent (a timeout, a reset)
// may have taken a whole page with it, up to the requested limit, and nothing can pull it again.
import type { IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { maskSecrets, providerApiError } from '../shared/provider-error';
import { hintFor, type InboxProvider, type InboxPull } from '../shared/providers';
import { NEVER_SENT_ERROR_CODES } from '../shared/retry';
import type { RateLimitWait } from './rate-limit';

/** How much of an unreadable answer is logged and shown. */
export const MAX_SHOWN_BODY_CHARS = 1000;

/**
 * A connection failure of `requestFullResponse` (context.networkCode set there) that may have been
 * served becomes its own error, carrying how many messages may be lost; anything else is kept.
 */
export function pullConnectionError(node: INode, error: unknown, limit: number): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const code = error.context.networkCode;
	if (error.context.callFailureKind === 'redirect') return error;
	if (typeof code === 'string' && NEVER_SENT_ERROR_CODES.has(code)) return error;
	// The code goes into the description: n8n swaps a message that names ECONNRESET & co. for its
	// generic "you can retry" text, which hides that messages may be gone.
	const cutOff = new NodeApiError(node, { message: 'inbox pull cut off', connectionError: String(code ?? '') } as JsonObject, {
		message: 'Infobip: the inbox pull was cut off after it was sent',
		description:
			`${error.message} (${code ?? 'no answer'}) after the request was sent. Infobip may have handed out up to ${limit} messages in the answer that was lost; ` +
			'the inbox gives each message out once, so they cannot be pulled again. A smaller Messages per Request limits what one cut-off pull can lose.',
	});
	cutOff.context.networkCode = code;
	cutOff.context.possiblyLost = limit;
	return cutOff;
}

/** An HTTP error answer to a pull; a 429 says when polls resume (or when to retry, in a manual run). */
export function pullHttpError(
	node: INode,
	provider: InboxProvider,
	response: IN8nHttpFullResponse,
	wait: RateLimitWait | undefined,
	manual: boolean,
	source: InboxPull = provider.inboxPull,
): NodeApiError {
	let description: string | undefined;
	if (response.statusCode === 429) {
		if (!wait) description = `${provider.send.displayName} did not say how long to wait; the next scheduled poll tries again.`;
		else {
			const at = new Date(wait.until).toISOString();
			const asked = `${provider.send.displayName} asked to wait ${wait.askedSeconds} s${wait.capped ? ' (cut to 1 hour)' : ''}`;
			description = manual ? `${asked}: retry after ${at}.` : `${asked}: polls before ${at} are skipped.`;
		}
	}
	// The one error style of every provider call: the provider's own error body, read by its parser.
	const parsed = provider.send.parseError(response.statusCode, response.body) ?? { message: 'no error text' };
	const pullHint = source.errorHints ? hintFor(source.errorHints, parsed.code) : undefined;
	const problem = pullHint ? { ...parsed, hint: pullHint } : parsed;
	return providerApiError(node, provider.send.displayName, response.statusCode, problem, {
		action: `pulling ${source.what ?? 'the Messenger inbox'} failed (HTTP ${response.statusCode})`,
		notes: [description],
	});
}

/** An answer as text for a log line or an error: secrets masked, cut to a readable length. */
export function shownBody(body: unknown, secrets: readonly string[]): string {
	let text: string;
	if (typeof body === 'string') text = body;
	else if (Buffer.isBuffer(body)) text = body.toString('utf8');
	else text = JSON.stringify(body) ?? String(body);
	const masked = maskSecrets(text, secrets);
	return masked.length > MAX_SHOWN_BODY_CHARS
		? `${masked.slice(0, MAX_SHOWN_BODY_CHARS)}… (${masked.length - MAX_SHOWN_BODY_CHARS} more characters)`
		: masked;
}

/** A 2xx whose body is not an inbox page: it may have emptied part of the inbox, so it is an error, shown. */
export function unreadablePageError(node: INode, shown: string): NodeApiError {
	return new NodeApiError(node, { message: 'not an inbox page' } as JsonObject, {
		message: 'Infobip: the answer to an inbox pull is not an inbox page',
		description: `Any messages it held cannot be pulled again; the answer was logged. It began: ${shown}`,
	});
}
