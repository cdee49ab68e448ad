import type { IDisplayOptions } from 'n8n-workflow';

import type { ProviderCapabilities } from '../../shared/model/capabilities';
import type { OperationName, ProviderName } from '../../shared/model/message';
import { MESSENGER_CAPABILITIES, PROVIDER_NAMES } from '../../shared/providers';

export const ALL_PROVIDERS: readonly ProviderName[] = PROVIDER_NAMES;

/** Providers whose capabilities pass `test`, e.g. the ones that can upload media. */
export function providersWhere(test: (capabilities: ProviderCapabilities) => boolean): ProviderName[] {
	return ALL_PROVIDERS.filter((provider) => test(MESSENGER_CAPABILITIES[provider]));
}

/** Shown for these operations, and only for the providers that support each of them. */
export function showFor(operations: readonly OperationName[], providers?: readonly ProviderName[]): IDisplayOptions {
	const carrying = ALL_PROVIDERS.filter(
		(provider) =>
			(!providers || providers.includes(provider)) &&
			operations.some((operation) => MESSENGER_CAPABILITIES[provider].operations.includes(operation)),
	);
	return { show: { provider: carrying, operation: [...operations] } };
}

/** The same, as a collection option sees it (root parameters are addressed with a leading slash). */
export function showOptionFor(operations: readonly OperationName[], providers?: readonly ProviderName[]): IDisplayOptions {
	const { show } = showFor(operations, providers);
	return { show: { '/provider': show?.provider, '/operation': show?.operation } };
}
