const { src, dest, series } = require('gulp');

// tsc emits only JavaScript; n8n also needs each node's icons and codex (*.node.json) beside it in dist/.
function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.build = series(copyIcons, copyCodex);
exports.default = exports.build;
