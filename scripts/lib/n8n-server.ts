// One real n8n server process: started on a loopback port with a private home folder, waited on until
// it serves, and stopped with everything it started (its task runner) so nothing is left behind.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { N8nInstall } from './n8n-install';

export interface StartN8nOptions {
	install: N8nInstall;
	/** N8N_USER_FOLDER: n8n keeps its database, settings and community packages under `<home>/.n8n`. */
	home: string;
	port: number;
	/** Where n8n's stdout and stderr go. */
	logFile: string;
	/** Extra environment (wins over the defaults below). */
	env?: Record<string, string>;
	/** How long to wait for /healthz/readiness (default 120 s; a first start runs the migrations). */
	readyTimeoutMs?: number;
	/** n8n's command and flags (default `['start']`; the scale run starts `['worker', '--concurrency=10']`). */
	args?: string[];
	/** Where to poll for readiness (default `<url>/healthz/readiness`; a worker serves it on QUEUE_HEALTH_CHECK_PORT). */
	readyUrl?: string;
}

/** A free TCP port on 127.0.0.1, as the OS hands it out. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The environment every n8n started here runs with (the facts behind it: ../shared/reference/n8n-testing.md). */
export function n8nEnvironment(options: Pick<StartN8nOptions, 'install' | 'home' | 'port' | 'env'>, brokerPort: number): NodeJS.ProcessEnv {
	const { install, home, port } = options;
	// Nothing of a parent test runner leaks in: under NODE_ENV=test (set by jest) n8n exits silently.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_')));
	return {
		...inherited,
		PATH: `${path.join(install.node24Dir, 'bin')}:${path.join(install.n8nDir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
		npm_config_nodedir: install.node24Dir,
		npm_config_yes: 'true',
		N8N_USER_FOLDER: home,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		// The task broker's default port (5679) is next to n8n's: every server gets its own.
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Offline machines: the MCP server registry only fails to reach its API and fills the log.
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
		...options.env,
	};
}

export class N8nServer {
	readonly url: string;

	private exited = false;

	/** If this process ends without stop() (an uncaught error, process.exit), n8n is told to stop too. */
	private readonly onParentExit = () => {
		try {
			if (this.child.pid !== undefined) process.kill(-this.child.pid, 'SIGTERM');
		} catch {
			// already gone
		}
	};

	private constructor(
		private readonly child: ChildProcess,
		readonly port: number,
		readonly logFile: string,
	) {
		this.url = `http://127.0.0.1:${port}`;
		child.once('exit', () => {
			this.exited = true;
		});
		process.once('exit', this.onParentExit);
	}

	/** Called once when the n8n process exits, whatever the reason. */
	onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void {
		if (this.exited) listener(this.child.exitCode, this.child.signalCode);
		else this.child.once('exit', listener);
	}

	get pid(): number {
		return this.child.pid as number;
	}

	/** Spawns `n8n start` in its own process group and waits until it answers /healthz/readiness. */
	static async start(options: StartN8nOptions): Promise<N8nServer> {
		fs.mkdirSync(options.home, { recursive: true });
		fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
		const log = fs.openSync(options.logFile, 'a');
		const brokerPort = await freePort();
		const child = spawn(options.install.nodeBin, [options.install.n8nMain, ...(options.args ?? ['start'])], {
			cwd: options.home,
			env: n8nEnvironment(options, brokerPort),
			stdio: ['ignore', log, log],
			// Its own group, so stop() reaches the task runner too, and a Ctrl-C in the terminal goes to
			// the parent only, which then stops n8n in order.
			detached: true,
		});
		fs.closeSync(log);
		const server = new N8nServer(child, options.port, options.logFile);
		try {
			await server.waitReady(options.readyTimeoutMs ?? 120_000, options.readyUrl);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	private async waitReady(timeoutMs: number, readyUrl = `${this.url}/healthz/readiness`): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exited) throw new Error(`n8n exited during start-up; last lines of ${this.logFile}:\n${this.logTail()}`);
			try {
				const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await sleep(250);
		}
		throw new Error(`n8n did not become ready within ${timeoutMs} ms; last lines of ${this.logFile}:\n${this.logTail()}`);
	}

	logTail(lines = 40): string {
		try {
			return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
		} catch {
			return '(no log)';
		}
	}

	/** SIGTERM to the whole group (n8n shuts down its runner and database), SIGKILL after `graceMs`. */
	async stop(graceMs = 15_000): Promise<void> {
		process.removeListener('exit', this.onParentExit);
		const pid = this.child.pid;
		if (pid === undefined || !groupAlive(pid)) return;
		try {
			process.kill(-pid, 'SIGTERM');
		} catch {
			return;
		}
		const deadline = Date.now() + graceMs;
		while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
		if (groupAlive(pid)) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// already gone
			}
			while (groupAlive(pid)) await sleep(50);
		}
	}
}
