// A local HTTP server that records every request, for the tests that need something the sandbox or a
// node calls back (webhook forwards, simulated user events, verification GETs). Real HTTP, no mocks.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	raw: Buffer;
}

export interface Receiver {
	url: string;
	requests: ReceivedRequest[];
	close(): Promise<void>;
}

export type ReceiverHandler = (req: ReceivedRequest, res: http.ServerResponse) => void;

/**
 * A local HTTP server recording every request's raw bytes; answers 200 "ok" unless `handler` does.
 * Its URL ends in `path`, which is where the callers point their webhooks.
 */
export async function startReceiver(handler?: ReceiverHandler, path = '/webhook'): Promise<Receiver> {
	const requests: ReceivedRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks) };
			requests.push(r);
			if (handler) handler(r, res);
			else res.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${path}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
