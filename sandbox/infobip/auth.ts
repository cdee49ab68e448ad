// Infobip authentication (providers.md): `Authorization: App <apiKey>` or `Basic base64(user:pass)`
// as in the seeds' request examples. The scheme name is matched case-insensitively; the credential
// itself exactly. Anything else (missing header, other scheme, wrong key or password) is a 401.
import type { SandboxConfig, SandboxRequest, SandboxResponse } from '../core/types';
import { unauthorized } from './errors';

export function isAuthorized(req: SandboxRequest, config: SandboxConfig['infobip']): boolean {
	const header = req.headers.authorization;
	if (typeof header !== 'string') return false;
	const match = /^(\S+)\s+(.+)$/.exec(header.trim());
	if (!match) return false;
	const scheme = match[1].toLowerCase();
	const credential = match[2].trim();
	if (scheme === 'app') return credential === config.apiKey;
	if (scheme === 'basic') {
		if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credential)) return false;
		const decoded = Buffer.from(credential, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon < 0) return false;
		return decoded.slice(0, colon) === config.basicUser && decoded.slice(colon + 1) === config.basicPassword;
	}
	return false;
}

/** Undefined when the request may proceed, else the 401 to answer with. */
export function checkAuth(req: SandboxRequest, config: SandboxConfig['infobip']): SandboxResponse | undefined {
	return isAuthorized(req, config) ? undefined : unauthorized();
}
