// The provider sandbox: Infobip (v1 Facebook API, and today's Messenger API + Messages API pull), CM.com
// and Meta Graph emulation on one loopback HTTP server.
// Dev-only (never published). An independent reading of the provider docs: nothing here imports
// from nodes/ or credentials/.
import { createCmModule } from './cm';
import { createSandbox } from './core/sandbox';
import { deepMerge } from './core/merge';
import type { DeepPartial, Sandbox, SandboxConfig } from './core/types';
import { createDefaultConfig } from './defaults';
import { createInfobipModule } from './infobip';
import { createInfobipMessengerModule } from './infobip-messenger';
import { createMetaModule } from './meta';

export * from './core/types';
export { createDefaultConfig, SANDBOX_DEFAULTS } from './defaults';
export { signMetaBody, appsecretProof } from './meta';
export { createMetaModule };
export { infobipMessengerModuleOf } from './infobip-messenger';
export { MAX_BODY_BYTES } from './core/body';
export { MALFORMED_BODY } from './core/server';

export interface StartSandboxOptions {
	/** Default 0 (any free port). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Merged over the defaults (objects key by key, arrays replaced, null deletes). */
	config?: DeepPartial<SandboxConfig>;
	/** Seed of the fault PRNG (default 1). */
	seed?: number;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
	const config = deepMerge(createDefaultConfig(), options.config ?? {});
	return createSandbox({
		host: options.host ?? '127.0.0.1',
		port: options.port ?? 0,
		config,
		seed: options.seed ?? 1,
		modules: [createInfobipModule, createInfobipMessengerModule, createCmModule, createMetaModule],
	});
}
