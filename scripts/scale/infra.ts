// Redis and PostgreSQL from Debian's packages, on loopback, on non-default ports, with private data
// folders under .cache/scale/: what n8n's queue mode needs, started and stopped by the scale run.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Service {
	name: string;
	port: number;
	stop(): Promise<void>;
}

/** One SQL statement through psql; rows as tab-separated lines (unaligned, tuples only). */
export function psqlQuery(port: number, db: string, sql: string): string[] {
	const out = execFileSync(pgBin('psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-AtF', '\t', '-c', sql], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	return out.split('\n').filter((line) => line !== '');
}

function pgBin(name: string): string {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	for (const v of versions) {
		const bin = path.join(root, v, 'bin', name);
		if (fs.existsSync(bin)) return bin;
	}
	throw new Error(`PostgreSQL's ${name} not found under ${root}: apt-get install -y postgresql`);
}

async function waitUntil(what: string, timeoutMs: number, probe: () => boolean): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (probe()) return;
		await sleep(200);
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

/** redis-server in the foreground, no persistence (the queue only lives for one run). */
export async function startRedis(dir: string, port: number, logFile: string): Promise<Service> {
	fs.mkdirSync(dir, { recursive: true });
	const log = fs.openSync(logFile, 'w');
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
		stdio: ['ignore', log, log],
	});
	fs.closeSync(log);
	await waitUntil('redis to answer PING', 15_000, () => {
		try {
			return execFileSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'PONG';
		} catch {
			return false;
		}
	});
	return { name: 'redis', port, stop: () => stopChild(child) };
}

/**
 * A PostgreSQL cluster owned by the `postgres` system user (initdb refuses root) in `dir`, trust auth
 * on 127.0.0.1 only, and a fresh database `db` on every start.
 */
export async function startPostgres(dir: string, port: number, db: string, logFile: string): Promise<Service> {
	const asPostgres = (bin: string, args: string[]) =>
		execFileSync('runuser', ['-u', 'postgres', '--', pgBin(bin), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		execFileSync('chown', ['postgres:postgres', dir]);
		asPostgres('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	}
	fs.writeFileSync(logFile, '');
	execFileSync('chown', ['postgres:postgres', logFile]);
	const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
	asPostgres('pg_ctl', ['-D', dir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
	const psql = (sql: string) => execFileSync(pgBin('psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: 'pipe' });
	psql(`DROP DATABASE IF EXISTS ${db}`);
	psql(`CREATE DATABASE ${db}`);
	return {
		name: 'postgres',
		port,
		stop: async () => {
			try {
				asPostgres('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
			} catch {
				// not running
			}
		},
	};
}
