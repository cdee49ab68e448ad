const { src, dest, series } = require('gulp');

// tsc emits only JavaScript; n8n also needs each node's icons and codex (*.node.json) beside it in dist/.
function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

function copyEntryPoint() {
	return src('index.js').pipe(dest('dist'));
}

exports.build = series(copyIcons, copyCodex, copyEntryPoint);
exports.default = exports.build;
