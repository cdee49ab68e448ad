import type { ProviderName } from './message';

export interface ProviderLimits {
	textLength: number;
	/** true: longer text is cut by the provider (Infobip, seed 003), so it is a warning, not an error. */
	textTruncatedByProvider: boolean;
}

/** One table for every documented limit, per provider. */
export const MESSENGER_LIMITS: Readonly<Record<ProviderName, ProviderLimits>> = {
	infobip: { textLength: 640, textTruncatedByProvider: true },
	cm: { textLength: 2000, textTruncatedByProvider: false },
	meta: { textLength: 2000, textTruncatedByProvider: false },
};
