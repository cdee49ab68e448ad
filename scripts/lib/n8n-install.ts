// The cached Node 24 + n8n install and the package install into an n8n home, from TypeScript. The
// steps themselves live in scripts/n8n-env.sh (one place for the facts behind them); this file runs
// them and reads back where things are.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PROJECT_DIR = path.resolve(__dirname, '..', '..');

export interface N8nInstall {
	/** Node 24's binary (n8n 2.x needs Node >= 24; these machines run Node 20). */
	nodeBin: string;
	node24Dir: string;
	/** n8n's CLI entry (a JS file), run with `nodeBin`. */
	n8nMain: string;
	n8nDir: string;
	n8nVersion: string;
}

function runEnvScript(script: string, args: string[] = [], quiet = false): string {
	return execFileSync('bash', ['-c', `source "${PROJECT_DIR}/scripts/n8n-env.sh"\n${script}`, 'n8n-env', ...args], {
		cwd: PROJECT_DIR,
		encoding: 'utf8',
		// Progress lines of a first install go to the terminal; the last stdout line is the answer.
		stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'],
		maxBuffer: 64 * 1024 * 1024,
	});
}

/** Installs Node 24 and the pinned n8n into the cache on first use (about 3 minutes), then returns their paths. */
export function prepareN8n(): N8nInstall {
	const out = runEnvScript('ensure_n8n >&2\necho "N8N_PATHS $NODE24_DIR $N8N_DIR $N8N_VERSION"');
	const line = out.split('\n').find((l) => l.startsWith('N8N_PATHS '));
	if (!line) throw new Error(`scripts/n8n-env.sh did not report its paths:\n${out}`);
	const [, node24Dir, n8nDir, n8nVersion] = line.trim().split(' ');
	return {
		node24Dir,
		nodeBin: path.join(node24Dir, 'bin', 'node'),
		n8nDir,
		n8nMain: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nVersion,
	};
}

/** A hash of what `npm pack` would ship: package.json and every file under dist/. */
function packageHash(): string {
	const hash = createHash('sha256');
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else hash.update(path.relative(PROJECT_DIR, full)).update('\0').update(fs.readFileSync(full)).update('\0');
		}
	};
	hash.update(fs.readFileSync(path.join(PROJECT_DIR, 'package.json')));
	walk(path.join(PROJECT_DIR, 'dist'));
	return hash.digest('hex');
}

/**
 * Packs the project and installs the tarball into `<home>/.n8n/nodes`, as n8n installs community
 * packages. A home that already holds this exact build is left as it is (saves the npm install).
 */
export function installPackage(home: string): void {
	const stamp = path.join(home, '.n8n', 'nodes', '.n8n-nodes-messenger.build');
	const hash = packageHash();
	if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return;
	runEnvScript('install_package_into "$1" "$2" >&2', [home, PROJECT_DIR], true);
	fs.writeFileSync(stamp, hash);
}
