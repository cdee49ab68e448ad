// Calls that speak for one sender with that sender's own token, where the credential holds a token
// from which those are obtained (a provider row's `senderTokens`: Meta's system-user credential and
// each page's token). The token is fetched once through callProvider, kept in the token cache, sent
// in a header by the row's `authorize`, and masked in every answer and error like the credential's
// own secrets. A credential that holds the sender's token itself goes on exactly as before.
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InputValidationError } from './model/input-error';
import { asCallFailure, callFailureError, callProvider, type ProviderCallContext, type ProviderTarget } from './provider-http';
import { providerApiError } from './provider-error';
import type { ProviderErrorInfo, SenderTokenSource } from './providers/types';
import { credentialSecrets } from './secrets';
import { TokenCache } from './token-cache';

/** Tokens kept across runs: one entry per credential and page, at most this many. */
export const SENDER_TOKEN_CACHE_SIZE = 1000;
export const senderTokenCache = new TokenCache(SENDER_TOKEN_CACHE_SIZE);

/** How a call is sent as one sender: its own token in place of the credential's. */
export interface SenderAuth {
	sender: string;
	/** "page 100000000000001", for errors. */
	label: string;
	/** The target without a credential type: n8n would otherwise put the credential's token on the call. */
	target: ProviderTarget;
	authorize(request: IHttpRequestOptions): IHttpRequestOptions;
	/** The sender's token and the credential's secrets, masked in the answer and in errors. */
	secrets: readonly string[];
}

/** The token behind each SenderAuth, kept out of the object so no spread or JSON of it can carry it. */
const tokenOf = new WeakMap<SenderAuth, string>();

/** Why a sender's token could not be had: the provider's answer, or no answer at all. */
class TokenFetchFailure extends Error {
	constructor(
		readonly statusCode: number,
		readonly problem: ProviderErrorInfo,
	) {
		super(problem.message);
	}
}

/** The credential a node run uses, and each sender's token obtained for this run at most once. */
export class SenderAuthority {
	private readonly bySender = new Map<string, Promise<{ token: string }>>();

	constructor(
		private readonly ctx: ProviderCallContext,
		private readonly target: ProviderTarget & { credentialType: string },
		private readonly source: SenderTokenSource | undefined,
		private readonly credentials: ICredentialDataDecryptedObject,
	) {}

	/** This credential obtains a token per sender; otherwise every call goes with the credential's own. */
	get perSender(): boolean {
		return this.source?.appliesTo(this.credentials) === true;
	}

	/**
	 * How a call for `sender` is sent; undefined when the credential's own token is used. Throws a
	 * NodeApiError naming the sender, or a NodeOperationError naming a credential field.
	 */
	async authFor(sender: string, itemIndex: number): Promise<SenderAuth | undefined> {
		const source = this.source;
		if (!source || !this.perSender) return undefined;
		let pending = this.bySender.get(sender);
		if (!pending) {
			pending = this.cachedToken(source, sender, itemIndex);
			// A failure is kept for this run too: the other items of that page fail alike without a fetch each.
			pending.catch(() => undefined);
			this.bySender.set(sender, pending);
		}
		let held: { token: string };
		try {
			held = await pending;
		} catch (error) {
			// A credential field the request cannot be built from (Graph API Version, Base URL): the node
			// names the field, as it does for a credential that holds the page's token.
			if (error instanceof InputValidationError) throw this.fieldError(error, itemIndex);
			throw this.asNodeError(source, sender, error, itemIndex);
		}
		const secrets = [held.token, ...(await credentialSecrets(this.ctx, this.target.credentialType, itemIndex))];
		const auth: SenderAuth = {
			sender,
			label: source.senderLabel(sender),
			target: { displayName: this.target.displayName },
			authorize: (request) => source.authorize(request, held.token, this.credentials),
			secrets,
		};
		tokenOf.set(auth, held.token);
		return auth;
	}

	/**
	 * `call` with `sender`'s token; when the provider refuses the token (Graph 190: expired or
	 * invalidated since it was obtained, in this run or an earlier one), it is dropped from the cache,
	 * fetched again and `call` runs once more, only once. A refused
	 * token means the provider refused the whole request and did nothing with it, so this second try
	 * cannot send a message twice; any other failure passes through untouched.
	 */
	async run<T>(
		sender: string,
		itemIndex: number,
		call: (auth: SenderAuth | undefined) => Promise<T>,
		/** For calls that hand back error answers instead of throwing them: the provider's error code in `result`. */
		errorCodeOf?: (result: T) => string | undefined,
	): Promise<T> {
		const auth = await this.authFor(sender, itemIndex);
		if (!auth) return await call(undefined);
		const first = await call(auth).then(
			(result) => ({ result, refused: errorCodeOf !== undefined && this.isRejected(errorCodeOf(result)) }),
			(error: unknown) => {
				const code = (error as NodeApiError | undefined)?.context?.providerCode;
				if (!this.isRejected(typeof code === 'string' ? code : undefined)) throw error;
				return { result: undefined, refused: true };
			},
		);
		if (!first.refused) return first.result as T;
		await this.forget(auth);
		return await call(await this.authFor(sender, itemIndex));
	}

	private isRejected(code: string | undefined): boolean {
		return this.source?.isTokenRejected(code) === true;
	}

	private async forget(auth: SenderAuth): Promise<void> {
		const token = tokenOf.get(auth) ?? '';
		const source = this.source as SenderTokenSource;
		await senderTokenCache.dropIf(this.cacheKey(source, auth.sender), token);
		const pending = this.bySender.get(auth.sender);
		const held = pending ? await pending.catch(() => undefined) : undefined;
		if (held?.token === token) this.bySender.delete(auth.sender);
	}

	private cacheKey(source: SenderTokenSource, sender: string): string {
		return `${source.cacheKey(this.credentials)}:${sender}`;
	}

	private async cachedToken(source: SenderTokenSource, sender: string, itemIndex: number) {
		return await senderTokenCache.get(this.cacheKey(source, sender), source.ttlMs, async () => {
			// Authenticated by the credential's own token; the answer carries the sender's token, which
			// is read here and goes nowhere else (no output, no log, no error).
			const response = await callProvider(this.ctx, this.target, source.buildTokenRequest(this.credentials, sender), { itemIndex });
			const answer = source.parseTokenResponse(response.statusCode, response.body, sender);
			if (!answer.ok) throw new TokenFetchFailure(response.statusCode, answer.problem);
			return answer.token;
		});
	}

	/** As the nodes report an InputValidationError: its message, and the field in the description and context. */
	private fieldError(error: InputValidationError, itemIndex: number): NodeOperationError {
		const failure = new NodeOperationError(this.ctx.getNode(), error.message, { itemIndex, description: `Field: ${error.field}` });
		failure.context.field = error.field;
		return failure;
	}

	private asNodeError(source: SenderTokenSource, sender: string, error: unknown, itemIndex: number): NodeApiError {
		const action = `could not get the access token of ${source.senderLabel(sender)}`;
		if (error instanceof TokenFetchFailure) {
			const failure = providerApiError(this.ctx.getNode(), this.target.displayName, error.statusCode, error.problem, { itemIndex, action });
			failure.context.sender = sender;
			return failure;
		}
		const failure = callFailureError(this.ctx.getNode(), this.target.displayName, asCallFailure(error), { itemIndex });
		failure.message = `${failure.message} (${action})`;
		failure.context.sender = sender;
		return failure;
	}
}
