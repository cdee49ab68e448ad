// The providers this package speaks to. A leaf module (no imports) so that the neutral model can name
// a provider without loading any of them; the registry (./index.ts) has one row for each name and the
// compiler refuses a name without its row.
export const PROVIDER_NAMES = ['infobip', 'infobipMessenger', 'cm', 'meta'] as const;

export type ProviderName = (typeof PROVIDER_NAMES)[number];
