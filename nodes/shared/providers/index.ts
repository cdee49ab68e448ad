import type { ProviderName } from '../model/message';
import { cmAdapter } from './cm/adapter';
import { infobipAdapter } from './infobip/adapter';
import { metaAdapter } from './meta/adapter';
import type { ProviderAdapter } from './types';

export const PROVIDERS: Readonly<Record<ProviderName, ProviderAdapter>> = {
	infobip: infobipAdapter,
	cm: cmAdapter,
	meta: metaAdapter,
};

export function getProvider(name: string): ProviderAdapter {
	const adapter = (PROVIDERS as Record<string, ProviderAdapter | undefined>)[name];
	if (!adapter) throw new Error(`Unknown provider "${name}"; expected one of ${Object.keys(PROVIDERS).join(', ')}`);
	return adapter;
}
