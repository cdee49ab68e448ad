// Tiny loopback servers for transport tests: an "other host" that records what reaches it, and a
// server that accepts connections and never answers. Real sockets, nothing mocked.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
}

export interface LoopbackServer {
	/** `http://127.0.0.1:<port>` */
	url: string;
	/** `127.0.0.1:<port>`, as a URL's host */
	host: string;
	received: ReceivedRequest[];
	close(): Promise<void>;
}

async function listen(handler: http.RequestListener): Promise<LoopbackServer> {
	const received: ReceivedRequest[] = [];
	const sockets = new Set<Socket>();
	const server = http.createServer((req, res) => {
		received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
		handler(req, res);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		host: `127.0.0.1:${port}`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** Answers 200 `{}` to everything and records each request, credential headers included. */
export function startRecorder(): Promise<LoopbackServer> {
	return listen((req, res) => {
		req.resume();
		req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
	});
}

/** Reads each request and never answers: a provider that accepted the connection and hangs. */
export function startSilentServer(): Promise<LoopbackServer> {
	return listen((req) => {
		req.resume();
	});
}

/**
 * Forwards every request to `target` and counts how many are in flight at once: a node's
 * concurrency, read at the wire instead of from the clock.
 */
export async function startCountingProxy(target: string): Promise<LoopbackServer & { peakInFlight(): number }> {
	let inFlight = 0;
	let peak = 0;
	const server = await listen((req, res) => {
		inFlight++;
		peak = Math.max(peak, inFlight);
		const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		res.on('close', () => inFlight--);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	return { ...server, peakInFlight: () => peak };
}

/** The credential headers a recorded request carried (any casing). */
export function credentialHeadersOf(request: ReceivedRequest): string[] {
	return ['authorization', 'x-cm-producttoken'].filter((name) => request.headers[name] !== undefined);
}

/**
 * An "other host" recorder for the tests of the describe block that calls it: started before them,
 * emptied before each, closed after them. Read `url`, `host` and `received` inside tests and hooks.
 */
export function useRecorder(): Pick<LoopbackServer, 'url' | 'host' | 'received'> {
	let running: LoopbackServer | undefined;
	beforeAll(async () => {
		running = await startRecorder();
	});
	afterAll(async () => {
		await running?.close();
		running = undefined;
	});
	beforeEach(() => {
		if (running) running.received.length = 0;
	});
	const current = (): LoopbackServer => {
		if (!running) throw new Error('The recorder is not running: use it in a test or hook of the describe block that called useRecorder()');
		return running;
	};
	return {
		get url() {
			return current().url;
		},
		get host() {
			return current().host;
		},
		get received() {
			return current().received;
		},
	};
}

/** Everything an error can show a user: message, description, the JSON n8n keeps, the stack. */
export function everythingShown(error: Error | undefined): string {
	return [error?.message, (error as { description?: string } | undefined)?.description, JSON.stringify(error), error?.stack].join('\n');
}
