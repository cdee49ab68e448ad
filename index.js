'use strict';
// The package's `main` (copied to dist/index.js by the build), kept so that `require('n8n-nodes-messenger')`
// resolves; n8n never loads it. n8n-core's PackageDirectoryLoader reads package.json's `n8n` block and
// requires each node and credential file listed there by path. It imports nothing and reads no Node
// global: n8n's community package scanner rejects modules such as node:path and globals such as
// __dirname in every file the tarball ships.
module.exports = {};
