'use strict';
// The package's entry point: the node and credential files n8n loads, read from the `n8n` block of
// package.json so the two can never disagree. n8n itself reads the block; tools and tests use this.
const path = require('node:path');
const { n8n } = require('./package.json');

const resolveAll = (files) => files.map((file) => path.join(__dirname, file));

module.exports = {
	nodes: resolveAll(n8n.nodes),
	credentials: resolveAll(n8n.credentials),
};
