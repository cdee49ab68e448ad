// The chat page's files: served under /chat, outside the provider log, nothing outside its folder.
import http from 'node:http';
import { type Sandbox } from '../../../sandbox';
import { useSandbox } from '../../support/sandbox';

/** A GET with the path exactly as given (fetch would normalise `..` away before sending it). */
function rawGet(sb: Sandbox, path: string): Promise<number> {
	return new Promise((resolve, reject) => {
		http.get({ host: '127.0.0.1', port: sb.port, path }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		}).on('error', reject);
	});
}

describe('chat page', () => {
	const sb = useSandbox();

	it.each([
		['/chat', 'text/html', 'data-testid="composer-input"'],
		['/chat/', 'text/html', '<script src="/chat/chat.js">'],
		['/chat/chat.js', 'text/javascript', "fetch('/__sandbox/user'"],
		['/chat/chat.css', 'text/css', '.quick-reply'],
		['/chat/img/trigger.svg', 'image/svg+xml', '<svg'],
	])('GET %s serves %s', async (path, type, contains) => {
		const response = await fetch(`${sb.url}${path}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain(type);
		expect(await response.text()).toContain(contains);
	});

	it('serves nothing outside its folder', async () => {
		for (const path of ['/chat/../core/types.ts', '/chat/%2e%2e/index.ts', '/chat/%2e%2e%2f%2e%2e%2fpackage.json', '/chat/..%2fcli.ts', '/chat/nope.js']) {
			expect({ path, status: await rawGet(sb, path) }).toEqual({ path, status: 404 });
		}
	});

	it('refuses writes, and keeps its requests out of the provider log', async () => {
		const before = sb.log.length;
		await fetch(`${sb.url}/chat`);
		await fetch(`${sb.url}/chat/chat.js`);
		expect((await fetch(`${sb.url}/chat`, { method: 'POST', body: 'x' })).status).toBe(405);
		expect(sb.log.length).toBe(before);
	});
});
