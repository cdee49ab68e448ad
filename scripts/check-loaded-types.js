'use strict';
// Compares what a real n8n loaded (`n8n export:nodes`) with what package.json's n8n block promises,
// reading the installed tarball, not the source tree: export names, icons and credential references
// are checked as a user's n8n would meet them.
const fs = require('node:fs');
const path = require('node:path');

const [packageJsonPath, exportedPath, installedDir] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
const exported = JSON.parse(fs.readFileSync(exportedPath, 'utf8'));
const loaded = new Map(exported.map((type) => [type.name, type]));
const problems = [];

function loadClass(file) {
	const absolute = path.join(installedDir, file);
	if (!fs.existsSync(absolute)) {
		problems.push(`${file} is listed in package.json but missing from the packed tarball`);
		return undefined;
	}
	const className = path.basename(file).split('.')[0];
	const Class = require(absolute)[className];
	if (typeof Class !== 'function') {
		problems.push(`${file} does not export a class named ${className} (n8n requires the file prefix)`);
		return undefined;
	}
	return new Class();
}

function checkIcon(file, icon) {
	const variants = typeof icon === 'string' ? [icon] : Object.values(icon ?? {});
	if (variants.length < 2) problems.push(`${file}: icon needs a light and a dark variant`);
	for (const variant of variants) {
		const target = path.join(installedDir, path.dirname(file), String(variant).replace(/^file:/, ''));
		if (!fs.existsSync(target)) problems.push(`${file}: icon ${variant} is not in the tarball`);
	}
}

const credentialNames = new Set();
for (const file of pkg.n8n.credentials) {
	const credential = loadClass(file);
	if (!credential) continue;
	credentialNames.add(credential.name);
	checkIcon(file, credential.icon);
}

const expected = [];
for (const file of pkg.n8n.nodes) {
	const node = loadClass(file);
	if (!node) continue;
	const { description } = node;
	checkIcon(file, description.icon);
	const codex = path.join(installedDir, file.replace(/\.js$/, '.json'));
	if (!fs.existsSync(codex)) problems.push(`${file}: codex file ${path.basename(codex)} is not in the tarball`);
	const names = [`${pkg.name}.${description.name}`];
	if (description.usableAsTool) names.push(`${pkg.name}.${description.name}Tool`);
	for (const name of names) {
		expected.push(name);
		const type = loaded.get(name);
		if (!type) {
			problems.push(`n8n did not load node type ${name}`);
			continue;
		}
		for (const credential of type.credentials ?? []) {
			if (!credentialNames.has(credential.name)) {
				problems.push(`${name} uses credential type ${credential.name}, which the package does not ship`);
			}
		}
	}
}

const ours = exported.filter((type) => type.name.startsWith(`${pkg.name}.`)).map((type) => type.name);
for (const name of ours) if (!expected.includes(name)) problems.push(`n8n loaded unexpected type ${name}`);

if (problems.length) {
	console.error(`load check FAILED:\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(
	`load check passed: n8n loaded ${ours.length} node types (${ours.join(', ')}) and the package ships ${credentialNames.size} credential types (${[...credentialNames].join(', ')})`,
);
