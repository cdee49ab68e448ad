// Outbound HTTP for webhook deliveries and verification GETs. node:http with `agent: false` and
// `Connection: close`, so no keep-alive socket outlives a test's receiver server.
import http from 'node:http';
import https from 'node:https';

export const OUTBOUND_TIMEOUT_MS = 10_000;

export interface OutResult {
	status: number;
	body: string;
}

export function httpOut(method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<OutResult> {
	return new Promise((resolve, reject) => {
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			reject(new Error(`invalid URL: ${url}`));
			return;
		}
		const lib = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
		if (!lib) {
			reject(new Error(`unsupported protocol in ${url}`));
			return;
		}
		const payload = body === undefined ? undefined : Buffer.from(body, 'utf8');
		// Header names are case-insensitive: lower-case them so a caller's `Content-Type` replaces the default.
		const given: Record<string, string> = {};
		for (const [k, v] of Object.entries(headers)) given[k.toLowerCase()] = v;
		const req = lib.request(
			target,
			{
				method,
				agent: false,
				headers: {
					connection: 'close',
					...(payload ? { 'content-length': String(payload.length) } : {}),
					...given,
				},
				timeout: OUTBOUND_TIMEOUT_MS,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out after ${OUTBOUND_TIMEOUT_MS} ms`)));
		req.on('error', (err) => reject(new Error(`${method} ${url} failed: ${err.message}`)));
		if (payload) req.write(payload);
		req.end();
	});
}
