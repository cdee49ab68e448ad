// The chat page: a browser stand-in for the Messenger user. It renders what the sandbox delivered to
// one user (GET /__sandbox/delivered) as Messenger would, and sends what the user types or taps as
// that user (POST /__sandbox/user). Static files only; served at /chat, outside the provider log.
//
//   GET /chat                     the page (?psid=<user>&via=meta|infobip-forward|infobip-pull|
//                                 infobip-messenger|infobip-messages-pull|cm)
//   GET /chat/<file>              its script, style sheet and the demo's card images
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxResponse } from '../core/types';

export const CHAT_PREFIX = '/chat';

const PUBLIC_DIR = path.join(__dirname, 'public');

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
};

export function isChatPath(pathname: string): boolean {
	return pathname === CHAT_PREFIX || pathname.startsWith(`${CHAT_PREFIX}/`);
}

export function serveChat(method: string, pathname: string): SandboxResponse {
	if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { allow: 'GET' }, body: { error: 'method_not_allowed' } };
	const rest = pathname.slice(CHAT_PREFIX.length).replace(/^\/+/, '') || 'index.html';
	const file = path.resolve(PUBLIC_DIR, rest);
	if (!file.startsWith(PUBLIC_DIR + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
		return { status: 404, body: { error: 'not_found', message: `No chat file ${pathname}` } };
	}
	return {
		status: 200,
		headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' },
		body: fs.readFileSync(file),
	};
}
