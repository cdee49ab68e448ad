// Meta's verification GET of a callback URL (providers.md "Webhooks"): `hub.challenge` is echoed as
// text/plain when `hub.mode=subscribe` and `hub.verify_token` equals the credential's token.
import { secretsEqual } from '../../../secrets-equal';
import type { HandshakeAnswer } from '../../types';

function firstString(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** 403 unless mode and token match (an empty token never matches); 400 without a usable challenge. */
export function answerMetaHandshake(query: Record<string, unknown>, verifyToken: string | undefined): HandshakeAnswer {
	const mode = firstString(query['hub.mode']);
	const token = firstString(query['hub.verify_token']);
	const challenge = firstString(query['hub.challenge']);
	if (mode !== 'subscribe' || token === undefined || !secretsEqual(verifyToken ?? '', token)) {
		return { status: 403, body: 'Verification failed' };
	}
	if (challenge === undefined || challenge === '' || challenge.length > 1024) return { status: 400, body: 'Missing hub.challenge' };
	return { status: 200, body: challenge };
}
