'use strict';
// The package's entry point (`main`, copied to dist/index.js by the build): the absolute paths of the
// node and credential files n8n loads, read from package.json's `n8n` block so the two never disagree.
const path = require('node:path');

const root = path.basename(__dirname) === 'dist' ? path.dirname(__dirname) : __dirname;
const { n8n } = require(path.join(root, 'package.json'));

const resolveAll = (files) => files.map((file) => path.join(root, file));

module.exports = {
	nodes: resolveAll(n8n.nodes),
	credentials: resolveAll(n8n.credentials),
};
