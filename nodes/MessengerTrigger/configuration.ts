// What the node's parameters mean for who may call it, by node version, and the check that runs
// once at activation. Version 3 made protection the default: Infobip and CM.com triggers ask for a
// secret, and a Meta trigger whose credential has no App Secret refuses to activate unless the user
// turned the signature check off. Saved version 1 and 2 workflows omit their defaults (authentication
// None), so they keep that meaning; only the warning moved from every request to activation.
import type { IDataObject, IHookFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isProviderName, pageTokens, PROVIDERS } from '../shared/providers';
import type { InboundAuth } from './auth';

export const SAFE_DEFAULTS_VERSION = 3;

/** The node parameters this module reads; both IHookFunctions and IWebhookFunctions provide it. */
type ReadParameter = (name: string, fallback: unknown) => unknown;

export const hasSafeDefaults = (node: INode): boolean => node.typeVersion >= SAFE_DEFAULTS_VERSION;

/** The authentication of an Infobip or CM.com trigger; throws on a value the node does not offer. */
export function inboundAuthOf(node: INode, read: ReadParameter): InboundAuth {
	const kind = String(read('authentication', hasSafeDefaults(node) ? 'pathSecret' : 'none'));
	const text = (name: string, fallback = '') => String(read(name, fallback) ?? '');
	switch (kind) {
		case 'none':
			return { kind };
		case 'headerSecret':
			return { kind, headerName: text('headerName', 'X-Webhook-Secret'), secret: text('secret') };
		case 'pathSecret':
			return { kind, secret: text('secret') };
		case 'basicAuth':
			return { kind, user: text('basicAuthUser'), password: text('basicAuthPassword') };
		default:
			// Failing closed: an unknown value must not mean "no authentication".
			throw new NodeOperationError(node, `Unknown authentication "${kind}"`);
	}
}

/** Why the authentication cannot let anyone in, or undefined when it is complete. */
export function incompleteAuth(auth: InboundAuth): string | undefined {
	switch (auth.kind) {
		case 'headerSecret':
			if (!auth.headerName.trim()) return 'Authentication "Header Secret" needs a Header Name';
			return auth.secret ? undefined : 'Authentication "Header Secret" needs a Secret';
		case 'pathSecret':
			return auth.secret ? undefined : 'Authentication "Secret in Path" needs a Secret';
		case 'basicAuth':
			return auth.user && auth.password ? undefined : 'Authentication "Basic Auth" needs a User and a Password';
		case 'none':
			return undefined;
	}
}

/**
 * Meta without an App Secret: whether unsigned deliveries are taken. Version 3 takes them only when
 * the user turned on "Skip Signature Check (Insecure)". Versions 1 and 2 took them whenever the
 * trigger did not register itself with Meta (registering needs the App Secret, so it never activated).
 */
export function unsignedAllowed(node: INode, read: ReadParameter): boolean {
	if (hasSafeDefaults(node)) return read('skipSignatureCheck', false) === true;
	return read('registerWebhook', true) === false;
}

/** The Pages option as page IDs (empty: every page); throws InputValidationError naming the option. */
export function listedPages(options: IDataObject): string[] {
	return pageTokens.pageIdList('Options > Pages', options.pageIds);
}

const who = (ctx: IHookFunctions) => `Messenger Trigger "${ctx.getNode().name}" (workflow ${ctx.getWorkflow().id ?? '?'})`;

/**
 * Runs once per activation (n8n's checkExists): refuses a configuration that would take calls from
 * anyone without the user having chosen that, and warns once about an explicit insecure choice.
 */
export async function checkActivation(ctx: IHookFunctions): Promise<void> {
	const node = ctx.getNode();
	const read: ReadParameter = (name, fallback) => ctx.getNodeParameter(name, fallback);
	const name = ctx.getNodeParameter('provider') as string;
	const provider = isProviderName(name) ? PROVIDERS[name] : undefined;
	if (provider?.inbound.registersWebhook) {
		// Checked here, not only where the trigger registers itself: a bad list would otherwise answer
		// every delivery 500, which Meta retries and in the end disables the app's webhook for.
		try {
			listedPages(ctx.getNodeParameter('options', {}) as IDataObject);
		} catch (error) {
			throw new NodeOperationError(node, (error as Error).message);
		}
	}
	if (!provider?.inbound.signed) {
		const auth = inboundAuthOf(node, read);
		const incomplete = incompleteAuth(auth);
		if (incomplete) throw new NodeOperationError(node, `${incomplete}. Set it on the node, then activate again.`);
		if (auth.kind === 'none') {
			ctx.logger.warn(`${who(ctx)}: Authentication is None, so anyone who knows its URL can start the workflow`);
		}
		return;
	}
	const credentials = await ctx.getCredentials(provider.credentialType);
	if (provider.inbound.signed.secretsOf(credentials).signingSecret) return;
	if (unsignedAllowed(node, read)) {
		ctx.logger.warn(
			`${who(ctx)}: the credential has no App Secret, so X-Hub-Signature-256 is not checked and anyone who knows its URL can start the workflow`,
		);
		return;
	}
	// Versions 1 and 2 get here only when they register with Meta, which says why it needs the secret.
	if (!hasSafeDefaults(node)) return;
	throw new NodeOperationError(
		node,
		'The Facebook Page credential has no App Secret, so the trigger cannot check that deliveries come from Meta. Add the App Secret to the credential, or turn on "Skip Signature Check (Insecure)" on the node.',
	);
}
