// The queue-mode stack of the scale run: Redis + PostgreSQL (Debian), n8n main + N workers
// (EXECUTIONS_MODE=queue, one encryption key, the packed package in every home), the provider sandbox
// in this process, the owner, an API key and the sandbox credentials.
import fs from 'node:fs';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox';
import { N8nApi } from '../lib/n8n-api';
import { installPackage, prepareN8n, PROJECT_DIR, type N8nInstall } from '../lib/n8n-install';
import { freePort, N8nServer } from '../lib/n8n-server';
import { createSandboxCredentials, type SandboxCredentialIds } from '../lib/messenger-setup';
import { psqlQuery, startPostgres, startRedis, type Service } from './infra';

export const SCALE_DIR = path.join(PROJECT_DIR, '.cache', 'scale');
const OWNER = { email: 'scale@example.com', password: 'Scale-password-1', firstName: 'Scale', lastName: 'Owner' };
/** Fixed, so main and every worker decrypt the same credentials (and a kept home stays valid). */
const ENCRYPTION_KEY = 'n8n-nodes-messenger-scale-run-key';
const DB = 'n8n_scale';

export interface StackOptions {
	workers: number;
	redisPort: number;
	pgPort: number;
	/** Worker lock/stalled settings in ms (n8n's defaults 60 000 / 30 000 make a killed worker slow to notice). */
	lockDurationMs: number;
	stalledIntervalMs: number;
	log: (message: string) => void;
}

export interface Stack {
	install: N8nInstall;
	sandbox: Sandbox;
	main: N8nServer;
	workers: Array<N8nServer | undefined>;
	api: N8nApi;
	credentials: SandboxCredentialIds;
	startWorker(index: number): Promise<N8nServer>;
	/** Rows of a query against n8n's PostgreSQL database (tab-separated columns). */
	sql(query: string): string[];
	stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
	const { log } = options;
	fs.mkdirSync(SCALE_DIR, { recursive: true });
	const logs = path.join(SCALE_DIR, 'logs');
	fs.mkdirSync(logs, { recursive: true });
	const install = prepareN8n();

	const mainHome = path.join(SCALE_DIR, 'home-main');
	installPackage(mainHome);
	// Workers load the same installed package: a copy of main's nodes folder in each worker's home.
	const workerHome = (i: number) => path.join(SCALE_DIR, `home-worker${i + 1}`);
	for (let i = 0; i < options.workers; i++) {
		const target = path.join(workerHome(i), '.n8n', 'nodes');
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.cpSync(path.join(mainHome, '.n8n', 'nodes'), target, { recursive: true });
	}
	log(`package installed into n8n ${install.n8nVersion} (main + ${options.workers} worker homes)`);

	const services: Service[] = [];
	const servers: N8nServer[] = [];
	let sandbox: Sandbox | undefined;
	const stop = async () => {
		for (const server of servers.reverse()) await server.stop(10_000);
		await sandbox?.close();
		for (const service of services.reverse()) await service.stop();
	};

	try {
		services.push(await startRedis(path.join(SCALE_DIR, 'redis'), options.redisPort, path.join(logs, 'redis.log')));
		services.push(await startPostgres(path.join(SCALE_DIR, 'pg'), options.pgPort, DB, path.join(logs, 'postgres.log')));
		log(`redis on 127.0.0.1:${options.redisPort}, postgres on 127.0.0.1:${options.pgPort} (database ${DB}, fresh)`);
		sandbox = await startSandbox({ port: 0 });

		const shared: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(options.redisPort),
			QUEUE_WORKER_LOCK_DURATION: String(options.lockDurationMs),
			QUEUE_WORKER_LOCK_RENEW_TIME: String(Math.floor(options.lockDurationMs / 4)),
			QUEUE_WORKER_STALLED_INTERVAL: String(options.stalledIntervalMs),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(options.pgPort),
			DB_POSTGRESDB_DATABASE: DB,
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
			// Webhook payloads far above Meta's: the fuzz sends huge strings; n8n's default cap is 16 MiB.
			N8N_PAYLOAD_SIZE_MAX: '16',
		};
		const port = await freePort();
		// SCALE_MAIN_NODE_OPTIONS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile main's webhook path.
		const mainEnv = process.env.SCALE_MAIN_NODE_OPTIONS ? { ...shared, NODE_OPTIONS: process.env.SCALE_MAIN_NODE_OPTIONS } : shared;
		const main = await N8nServer.start({ install, home: mainHome, port, logFile: path.join(logs, 'n8n-main.log'), env: mainEnv });
		servers.push(main);
		log(`n8n main (queue mode) on ${main.url}, pid ${main.pid}`);

		const workers: Array<N8nServer | undefined> = [];
		const startWorker = async (i: number): Promise<N8nServer> => {
			const healthPort = await freePort();
			const worker = await N8nServer.start({
				install,
				home: workerHome(i),
				port: healthPort,
				logFile: path.join(logs, `n8n-worker${i + 1}.log`),
				args: ['worker', '--concurrency=10'],
				readyUrl: `http://127.0.0.1:${healthPort}/healthz`,
				env: {
					...shared,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					// SCALE_WORKER_NODE_OPTIONS: as SCALE_MAIN_NODE_OPTIONS, for the workers.
					...(process.env.SCALE_WORKER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SCALE_WORKER_NODE_OPTIONS } : {}),
				},
			});
			servers.push(worker);
			workers[i] = worker;
			log(`n8n worker ${i + 1} ready (pid ${worker.pid}, concurrency 10)`);
			return worker;
		};
		await Promise.all(Array.from({ length: options.workers }, (_, i) => startWorker(i)));

		const api = new N8nApi(main.url);
		await api.ownerSession(OWNER);
		await api.createApiKey('scale');
		const credentials = await createSandboxCredentials(api, sandbox.url);
		return { install, sandbox, main, workers, api, credentials, startWorker, sql: (query) => psqlQuery(options.pgPort, DB, query), stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
