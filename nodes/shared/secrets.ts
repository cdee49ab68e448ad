// The one list of what counts as a secret in this package's credentials, and the masking every
// provider answer and every error goes through (provider-http.ts applies it to each call).
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ProviderCallContext } from './provider-http';

export const MASK = '****';

/**
 * The password-typed fields of credentials/*.credentials.ts: Infobip's API key and password,
 * CM.com's product token, the Facebook page's access token or system-user token, app secret and webhook
 * verify token. Page tokens read from a system-user token are not fields: every call that carries one
 * masks it too (sender-auth.ts passes it as a secret of the call).
 */
export const SECRET_CREDENTIAL_FIELDS: readonly string[] = ['apiKey', 'password', 'productToken', 'accessToken', 'systemUserToken', 'appSecret', 'verifyToken'];

/** Shorter values are not masked: they would garble ordinary text and are no secret worth the name. */
const MIN_SECRET_LENGTH = 4;

/**
 * Every form in which the credential's secrets can come back: as stored, URL-encoded, and Infobip's
 * Basic header (`base64(username:password)`). The app token `APP_ID|APP_SECRET` is masked through its
 * secret part.
 */
export function secretsOfCredential(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	if (!credentials) return [];
	const values = SECRET_CREDENTIAL_FIELDS.map((field) => credentials[field]).filter((value): value is string => typeof value === 'string');
	if (typeof credentials.password === 'string' && credentials.password) {
		values.push(Buffer.from(`${String(credentials.username ?? '')}:${credentials.password}`).toString('base64'));
	}
	return withEncodedForms(values);
}

function withEncodedForms(values: readonly string[]): string[] {
	const forms = new Set<string>();
	for (const value of values) {
		const trimmed = value.trim();
		for (const form of [value, trimmed, encodeURIComponent(trimmed)]) if (form.length >= MIN_SECRET_LENGTH) forms.add(form);
	}
	// Longest first, so a secret that contains another is masked whole.
	return [...forms].sort((a, b) => b.length - a.length);
}

export function maskSecrets(text: string, secrets: readonly string[]): string {
	let output = text;
	for (const secret of withEncodedForms(secrets)) output = output.split(secret).join(MASK);
	return output;
}

/** `value` with every string in it masked (objects and arrays copied; anything else as it is). */
export function maskSecretsDeep<T>(value: T, secrets: readonly string[]): T {
	const forms = withEncodedForms(secrets);
	if (!forms.length) return value;
	const walk = (current: unknown, depth: number): unknown => {
		if (typeof current === 'string') {
			let output = current;
			for (const secret of forms) if (output.includes(secret)) output = output.split(secret).join(MASK);
			return output;
		}
		if (depth > 50 || current === null || typeof current !== 'object' || Buffer.isBuffer(current)) return current;
		if (Array.isArray(current)) return current.map((entry) => walk(entry, depth + 1));
		if (Object.getPrototypeOf(current) !== Object.prototype && Object.getPrototypeOf(current) !== null) return current;
		return Object.fromEntries(Object.entries(current).map(([key, entry]) => [key, walk(entry, depth + 1)]));
	};
	return walk(value, 0) as T;
}

// One credential read per node run and credential type: the context object is the run's.
const cache = new WeakMap<object, Map<string, Promise<string[]>>>();

/** The secrets of the credential `credentialType` of this node, in every form they can come back in. */
export function credentialSecrets(ctx: ProviderCallContext, credentialType: string | undefined, itemIndex?: number): Promise<string[]> {
	if (!credentialType) return Promise.resolve([]);
	let byType = cache.get(ctx);
	if (!byType) cache.set(ctx, (byType = new Map()));
	let secrets = byType.get(credentialType);
	if (!secrets) {
		const read = ctx.getCredentials as (type: string, itemIndex?: number) => Promise<ICredentialDataDecryptedObject>;
		secrets = read.call(ctx, credentialType, itemIndex ?? 0).then(
			secretsOfCredential,
			// No credential to read (n8n would have failed the call before sending): nothing to mask.
			() => [],
		);
		byType.set(credentialType, secrets);
	}
	return secrets;
}
