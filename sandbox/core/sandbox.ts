// Assembles a running sandbox from a full config and the provider module factories.
import { FaultEngine } from './faults';
import { httpOut } from './http-out';
import { RequestLog } from './log';
import { replaceContents } from './merge';
import { Router } from './router';
import { startServer } from './server';
import type { ProviderModule, ProviderModuleFactory, Sandbox, SandboxConfig, SandboxContext } from './types';
import { dispatchUserAction } from './users';

export interface CreateSandboxOptions {
	host: string;
	port: number;
	config: SandboxConfig;
	seed: number;
	modules: ProviderModuleFactory[];
}

export function formatUrl(host: string, port: number): string {
	return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function createSandbox(options: CreateSandboxOptions): Promise<Sandbox> {
	const config = options.config;
	const initialConfig = structuredClone(config);
	const log = new RequestLog();
	const faults = new FaultEngine(options.seed);
	const router = new Router();
	let baseUrl = '';

	const ctx: SandboxContext = {
		config,
		baseUrl: () => baseUrl,
		deliver: (message) => log.deliver(message),
		findUser: (psid) => config.users.find((u) => u.psid === psid),
		postOut: (url, body, headers) => {
			const merged: Record<string, string> = { 'content-type': 'application/json' };
			for (const [k, v] of Object.entries(headers ?? {})) merged[k.toLowerCase()] = v;
			return httpOut('POST', url, body, merged);
		},
		getOut: (url) => httpOut('GET', url),
	};
	const modules: ProviderModule[] = options.modules.map((factory) => factory(ctx));
	for (const m of modules) m.register(router);

	const user: Sandbox['user'] = (action) => dispatchUserAction(action, modules, config);
	const reset = () => {
		log.clear();
		log.clearDelivered();
		faults.clear();
		replaceContents(config as unknown as Record<string, unknown>, initialConfig as unknown as Record<string, unknown>);
		for (const m of modules) m.reset?.();
	};

	const running = await startServer(
		{
			router,
			log,
			faults,
			modules,
			admin: { log, faults, config, url: () => baseUrl, user: (a) => user(a as never), reset, modules },
		},
		options.host,
		options.port,
	);
	baseUrl = formatUrl(running.host, running.port);

	return {
		url: baseUrl,
		port: running.port,
		config,
		log: log.entries,
		delivered: log.delivered,
		clearLog: () => {
			log.clear();
			log.clearDelivered();
		},
		addFault: (rule) => faults.add(rule),
		clearFaults: () => faults.clear(),
		user,
		reset,
		close: () => running.close(),
	};
}
