// The provider registry: the one place the nodes learn which providers exist and what each one is.
// Nodes import from here, never from a provider's folder; every table the nodes and the validator
// read (labels, credential types, capabilities, limits, inbound formats) is derived from these rows.
import type { ProviderCapabilities } from '../model/capabilities';
import type { ProviderLimits } from '../model/limits';
import type { OperationName } from '../model/message';
import { cmProvider } from './cm/provider';
import { infobipProvider } from './infobip/provider';
import { infobipMessengerProvider } from './infobip-messenger/provider';
import { metaProvider } from './meta/provider';
import { PROVIDER_NAMES, type ProviderName } from './names';
import type { InboundDefinition, InboxPull, ProviderAdapter, ProviderDefinition } from './types';

export { PROVIDER_NAMES, type ProviderName } from './names';
export type { InboundDefinition, InboxPull, ProviderAdapter, ProviderDefinition, SenderTokenSource, SetupApi, TriggerNotice } from './types';

/** The provider a new Messenger node or trigger starts with; its operation lists come first (descriptions/operation.ts). */
export const DEFAULT_PROVIDER: ProviderName = 'meta';

/** One row per provider; the key is the value the nodes' Provider parameter stores. */
export const PROVIDERS: Readonly<Record<ProviderName, ProviderDefinition>> = {
	infobip: infobipProvider,
	infobipMessenger: infobipMessengerProvider,
	cm: cmProvider,
	meta: metaProvider,
};

const tableOf = <T>(pick: (provider: ProviderDefinition) => T): Readonly<Record<ProviderName, T>> =>
	Object.fromEntries(PROVIDER_NAMES.map((name) => [name, pick(PROVIDERS[name])])) as Record<ProviderName, T>;

export const PROVIDER_LABELS: Readonly<Record<ProviderName, string>> = tableOf((provider) => provider.label);

/**
 * What each provider can carry: the node hides what is missing here, and the validator refuses it by
 * name if it is reached anyway (an expression, an imported workflow, an AI agent).
 */
export const MESSENGER_CAPABILITIES: Readonly<Record<ProviderName, ProviderCapabilities>> = tableOf((provider) => provider.capabilities);

/** Every documented limit, per provider (what each message tag means: model/message-tags.ts). */
export const MESSENGER_LIMITS: Readonly<Record<ProviderName, ProviderLimits>> = tableOf((provider) => provider.limits);

/** Operations each provider took away (still listed in the node, marked, and refused with the reason). */
export const RETIRED_OPERATIONS: Readonly<Record<ProviderName, readonly OperationName[]>> = tableOf(
	(provider) => provider.capabilities.retired?.operations ?? [],
);

/** The Provider parameter's options for one node, sorted by name as n8n's lint wants them. */
export function providerOptions(node: 'send' | 'trigger'): Array<{ name: string; value: ProviderName; description: string }> {
	return PROVIDER_NAMES.map((name) => ({ ...PROVIDERS[name].options[node], value: name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The providers that sign their webhook calls (the trigger checks the signature) and those that do not. */
export const SIGNED_PROVIDERS: readonly ProviderName[] = PROVIDER_NAMES.filter((name) => PROVIDERS[name].inbound.signed);
export const UNSIGNED_PROVIDERS: readonly ProviderName[] = PROVIDER_NAMES.filter((name) => !PROVIDERS[name].inbound.signed);

export function isProviderName(value: unknown): value is ProviderName {
	return typeof value === 'string' && Object.hasOwn(PROVIDERS, value);
}

export function providerDefinition(name: string): ProviderDefinition {
	if (!isProviderName(name)) throw new Error(`Unknown provider "${name}"; expected one of ${PROVIDER_NAMES.join(', ')}`);
	return PROVIDERS[name];
}

/** How the Messenger node sends through this provider. */
export function getProvider(name: string): ProviderAdapter {
	return providerDefinition(name).send;
}

/** The providers whose rows pass `test`, in registry order. */
export function providerNamesWhere(test: (provider: ProviderDefinition) => boolean): ProviderName[] {
	return PROVIDER_NAMES.filter((name) => test(PROVIDERS[name]));
}

// Inbound: the Messenger Trigger's Provider parameter picks the wire format by the same name.

export type InboundFormat = ProviderName;
export type InboundParser = InboundDefinition & { format: InboundFormat };

export const INBOUND_PARSERS: Readonly<Record<InboundFormat, InboundParser>> = tableOf((provider) => ({
	format: provider.name,
	...provider.inbound,
}));

export const isInboundFormat = isProviderName;

export function getInboundParser(format: string): InboundParser {
	if (!isInboundFormat(format)) {
		throw new Error(`Unknown inbound format "${format}"; expected one of ${PROVIDER_NAMES.join(', ')}`);
	}
	return INBOUND_PARSERS[format];
}

/** A row with a pull inbox. */
export type InboxProvider = ProviderDefinition & { inboxPull: InboxPull };

/** The providers whose inbox the Messenger Inbox Trigger can drain, in registry order. */
export const INBOX_PROVIDER_NAMES: readonly ProviderName[] = providerNamesWhere((provider) => !!provider.inboxPull);

/**
 * The inbox of a Messenger Inbox Trigger of version 1, which had no choice: Infobip's v1 pull
 * (`/facebook/1/inbox/reports`). Saved nodes keep it; from version 2 the node asks, and starts with
 * DEFAULT_INBOX_PROVIDER, today's Messages API pull.
 */
export const FIRST_INBOX_PROVIDER: ProviderName = 'infobip';
export const DEFAULT_INBOX_PROVIDER: ProviderName = 'infobipMessenger';

export function inboxProvider(name: string): InboxProvider {
	const provider = providerDefinition(name);
	if (!provider.inboxPull) {
		throw new Error(`${provider.label} has no pull inbox; expected one of ${INBOX_PROVIDER_NAMES.map((inbox) => PROVIDERS[inbox].label).join(', ')}`);
	}
	return provider as InboxProvider;
}

/** The inboxes that also hand out delivery reports by pull (the Messenger Inbox Trigger's *Pull* choice). */
export const REPORTS_PULL_PROVIDER_NAMES: readonly ProviderName[] = providerNamesWhere((provider) => !!provider.reportsPull);

/** The most messages one pull may ask for, over every pull inbox (the node's upper bound). */
export const MAX_INBOX_PULL_LIMIT = Math.max(...INBOX_PROVIDER_NAMES.map((name) => inboxProvider(name).inboxPull.maxLimit));

// Provider products beyond sending, each one provider's own API, which the Messenger Application node
// and the Messenger Trigger drive. Reached here as namespaces so that no node imports a provider folder.
export * as infobipApplications from './infobip/applications';
export * as pageSubscriptions from './meta/page-subscriptions';
export * as messengerProfile from './meta/messenger-profile';
export * as userProfile from './meta/user-profile';
export * as messengerWebhooks from './meta/webhook-registration';
export * as pageTokens from './meta/page-tokens';
export { hintFor, isRecord } from './util';
