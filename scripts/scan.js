'use strict';
// `npm run scan`: the package through n8n's own verification scanner (@n8n/scan-community-package), the
// gate for verified community nodes. The scanner's CLI downloads a published version from the registry;
// this runs its `analyzePackage` on local directories instead, so it works offline and before publishing:
//   - the tarball `npm pack` makes, unpacked, with analyzePackage's default patterns (every .js, .ts and
//     .json file; a superset of the ['**/*.js', 'package.json'] the published-package gate lints);
//   - the sources, with the scanner's SOURCE_FILE_PATTERNS (package.json, nodes/ and credentials/), the
//     leg the gate runs on the repository checkout that the package's npm provenance points at.
// --no-build packs dist/ as it is (the jest suite, which runs after `npm run build`, must not rebuild
// under the other tests' feet); --sources scans the sources only; --dir scans one unpacked package.
// Exit code: 0 when every scanned leg passes, 1 on any scanner error, 2 when the scan itself cannot run.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { stripVTControlCharacters } = require('node:util');

const ROOT = path.resolve(__dirname, '..');
const SCANNER_PACKAGE = '@n8n/scan-community-package';
// What the build reads; a dist/ older than any of these is rebuilt before packing.
const BUILD_INPUTS = ['nodes', 'credentials', 'icons', 'index.js', 'gulpfile.js', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

const USAGE = 'usage: node scripts/scan.js [--no-build] [--sources | --dir <unpacked package dir>]';

class ScanSetupError extends Error {}

function filesUnder(target) {
	if (!fs.existsSync(target)) return [];
	if (!fs.statSync(target).isDirectory()) return [target];
	return fs
		.readdirSync(target, { recursive: true, encoding: 'utf8' })
		.map((file) => path.join(target, file))
		.filter((file) => fs.statSync(file).isFile());
}

function buildIsStale() {
	const built = filesUnder(path.join(ROOT, 'dist'));
	if (built.length === 0) return true;
	// ctime, not mtime: gulp's copies keep their source's mtime, but every write sets ctime to now.
	const oldestOutput = Math.min(...built.map((file) => fs.statSync(file).ctimeMs));
	const inputs = BUILD_INPUTS.flatMap((input) => filesUnder(path.join(ROOT, input)));
	return inputs.some((file) => fs.statSync(file).mtimeMs > oldestOutput);
}

function run(command, args, options = {}) {
	try {
		return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
	} catch (error) {
		throw new ScanSetupError(`${command} ${args.join(' ')} failed:\n${error.stderr || error.message}`);
	}
}

/** Packs the project as `npm publish` would and unpacks it into `workDir/package`, the tarball's own layout. */
function packAndUnpack(workDir) {
	// --offline: packing a local directory needs no registry; the flag makes sure nothing is fetched.
	const output = run('npm', ['pack', '--offline', '--ignore-scripts', '--json', '--pack-destination', workDir]);
	const [{ filename }] = JSON.parse(output);
	run('tar', ['-xzf', path.join(workDir, filename), '-C', workDir]);
	const unpacked = path.join(workDir, 'package');
	if (!fs.existsSync(path.join(unpacked, 'package.json'))) throw new ScanSetupError(`${filename} has no package/package.json`);
	return unpacked;
}

/**
 * analyzePackage returns ESLint's "stylish" report as text, the only place its findings are spelled out:
 * a file path line, then one "line:column  severity  message  rule" line per problem.
 */
function parseStylish(details, scannedDir) {
	const problems = [];
	let file;
	for (const raw of stripVTControlCharacters(details).split('\n')) {
		const problem = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.*?)(?:\s{2,}(\S+))?\s*$/.exec(raw);
		if (problem && file) {
			const [, line, column, severity, message, rule = '(no rule)'] = problem;
			problems.push({ file, line: Number(line), column: Number(column), severity, message, rule });
		} else if (/^\S/.test(raw) && !raw.startsWith('\u2716')) {
			file = path.relative(scannedDir, raw.trim());
		}
	}
	const summary = /\u2716 \d+ problems? \((\d+) errors?, (\d+) warnings?\)/.exec(stripVTControlCharacters(details));
	return { problems, errorCount: summary ? Number(summary[1]) : undefined };
}

/** One scanner leg: its errors as { file, line, column, severity, message, rule } plus a printable note. */
async function scanLeg(scanner, label, dir, patterns) {
	const result = await scanner.analyzePackage(dir, patterns);
	if (result.passed && result.message === 'No files found to analyze') {
		// The scanner passes an empty directory; a scan that looked at nothing must not count as a pass.
		return { label, errors: [{ file: dir, line: 0, column: 0, severity: 'error', message: 'no files to scan', rule: 'scan/no-files' }] };
	}
	if (result.passed) return { label, errors: [] };
	const { problems, errorCount } = parseStylish(result.details ?? '', dir);
	const errors = problems.filter((problem) => problem.severity === 'error');
	if (errors.length === 0 || (errorCount !== undefined && errorCount !== errors.length)) {
		// A failure this parser cannot itemise is still a failure: show the scanner's own words.
		errors.push({ file: dir, line: 0, column: 0, severity: 'error', message: `${result.message}\n${result.details ?? ''}`, rule: 'scan/unparsed' });
	}
	return { label, errors };
}

function parseArgs(argv) {
	const options = { mode: 'package', build: true };
	for (let i = 0; i < argv.length; i += 1) {
		if (argv[i] === '--sources') options.mode = 'sources';
		else if (argv[i] === '--dir' && argv[i + 1]) options.dir = path.resolve(argv[++i]);
		else if (argv[i] === '--no-build') options.build = false;
		else throw new ScanSetupError(`unknown argument ${argv[i]}\n${USAGE}`);
	}
	if (options.dir) options.mode = 'dir';
	return options;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	// eslint-plugin-n8n-nodes-base reads NODE_ENV=test (which jest sets) as its own test run and then
	// checks made-up file names instead of the real ones: 55 false errors on these sources.
	if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
	const scanner = await import(`${SCANNER_PACKAGE}/scanner/scanner.mjs`);
	// Importing the scanner makes a temporary directory (for registry downloads this never does); tmp,
	// resolved exactly as the scanner resolves it, removes it again on exit.
	require(require.resolve('tmp', { paths: [path.dirname(require.resolve(`${SCANNER_PACKAGE}/package.json`))] })).setGracefulCleanup();
	const { version } = require(`${SCANNER_PACKAGE}/package.json`);

	const started = Date.now();
	const legs = [];
	let workDir;
	try {
		if (options.mode === 'package') {
			if (options.build && buildIsStale()) {
				process.stderr.write('scan: dist/ is missing or older than the sources, building first\n');
				run('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'pipe'] });
			} else if (!fs.existsSync(path.join(ROOT, 'dist'))) {
				throw new ScanSetupError('dist/ is missing: run `npm run build` first (or drop --no-build)');
			}
			workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-messenger-scan-'));
			legs.push(await scanLeg(scanner, 'tarball', packAndUnpack(workDir), undefined));
		}
		if (options.mode === 'dir') {
			if (!fs.existsSync(options.dir)) throw new ScanSetupError(`${options.dir} does not exist`);
			legs.push(await scanLeg(scanner, 'package', options.dir, undefined));
		}
		if (options.mode !== 'dir') legs.push(await scanLeg(scanner, 'sources', ROOT, scanner.SOURCE_FILE_PATTERNS));
	} finally {
		if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
	}

	for (const { label, errors } of legs) {
		for (const { rule, file, line, column, message } of errors) {
			console.log(`${label}: ${rule}  ${file}:${line}:${column}  ${message}`);
		}
	}
	const total = legs.reduce((sum, leg) => sum + leg.errors.length, 0);
	const perLeg = legs.map(({ label, errors }) => `${label} ${errors.length} error${errors.length === 1 ? '' : 's'}`).join(', ');
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	console.log(`scan ${total === 0 ? 'passed' : 'FAILED'}: ${SCANNER_PACKAGE}@${version}, ${perLeg} (${seconds} s)`);
	return total === 0 ? 0 : 1;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		console.error(error instanceof ScanSetupError ? `scan could not run: ${error.message}` : error);
		process.exitCode = 2;
	},
);
