// Which node shows a property: by provider, and by the version of the node that holds it.
import type { DisplayCondition } from 'n8n-workflow';

import { DEFAULT_PROVIDER, PROVIDER_NAMES, type ProviderName } from '../../shared/providers';

/** The order of the per-provider variants in the panel: the default provider's first. */
export const PANEL_ORDER: readonly ProviderName[] = [DEFAULT_PROVIDER, ...PROVIDER_NAMES.filter((name) => name !== DEFAULT_PROVIDER)];

export const show = (provider: string[]) => ({ displayOptions: { show: { provider } } });

// Version 3 changed what an omitted parameter means (README, "Node version"); these pick a property's
// variant by the version of the node that holds it.
type Versions = Array<number | DisplayCondition>;
export const BEFORE_SAFE_DEFAULTS: Versions = [1, 2];
export const SAFE_DEFAULTS: Versions = [{ _cnd: { gte: 3 } }];
export const showFrom = (provider: string[], versions: Versions) => ({
	displayOptions: { show: { provider, '@version': versions } },
});
