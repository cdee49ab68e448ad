// Route table with `:param` segments. `:name(regex)` constrains a segment (anchored), e.g.
// `/:version(v\d+\.\d+)/:node/messages`. When several routes match a path, the one with the most
// literal segments wins, then the one registered first.
import type { ProviderId, RouteHandler, SandboxRouter } from './types';

type Segment = { literal: string } | { param: string; re?: RegExp };

export interface Route {
	method: string;
	pattern: string;
	routeId: string;
	provider: ProviderId;
	handler: RouteHandler;
	segments: Segment[];
	literals: number;
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'method_not_allowed'; allowed: string[] }
	| { kind: 'not_found' };

function parsePattern(pattern: string): Segment[] {
	return splitPath(pattern).map((part) => {
		if (!part.startsWith(':')) return { literal: part };
		const m = /^:([A-Za-z0-9_]+)(?:\((.+)\))?$/.exec(part);
		if (!m) throw new Error(`bad route segment "${part}" in ${pattern}`);
		return m[2] ? { param: m[1], re: new RegExp(`^(?:${m[2]})$`) } : { param: m[1] };
	});
}

/** Splits a path into segments, ignoring empty ones (so a trailing slash does not matter). */
export function splitPath(path: string): string[] {
	return path.split('/').filter((s) => s.length > 0);
}

function decode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

export class Router implements SandboxRouter {
	readonly routes: Route[] = [];

	add(method: string, pattern: string, routeId: string, provider: ProviderId, handler: RouteHandler): void {
		const segments = parsePattern(pattern);
		this.routes.push({
			method: method.toUpperCase(),
			pattern,
			routeId,
			provider,
			handler,
			segments,
			literals: segments.filter((s) => 'literal' in s).length,
		});
	}

	match(method: string, path: string): RouteMatch {
		const parts = splitPath(path).map(decode);
		let best: { route: Route; params: Record<string, string> } | undefined;
		const allowed = new Set<string>();
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method !== method.toUpperCase()) {
				allowed.add(route.method);
				continue;
			}
			if (!best || route.literals > best.route.literals) best = { route, params };
		}
		if (best) return { kind: 'found', ...best };
		if (allowed.size > 0) return { kind: 'method_not_allowed', allowed: [...allowed] };
		return { kind: 'not_found' };
	}
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
	if (segments.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const seg = segments[i];
		const part = parts[i];
		if ('literal' in seg) {
			if (seg.literal !== part) return undefined;
		} else {
			if (seg.re && !seg.re.test(part)) return undefined;
			params[seg.param] = part;
		}
	}
	return params;
}
