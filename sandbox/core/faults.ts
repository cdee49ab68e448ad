// Fault rules: evaluated for every provider request after routing and before the route runs.
//
// Rules are checked in the order they were added. A rule matches a route id exactly, `*` (every
// provider route), or a `prefix.*` glob (`meta.*`). A matching rule with `probability` < 1 draws from
// the seeded PRNG (only such rules draw, so a seed reproduces the same sequence); a rule that does not
// fire keeps its `times`. A firing rule with only `latencyMs` delays the request and lets the next rules
// (and then the route) run; any other firing rule answers instead of the route and ends the evaluation.
// An `afterRoute` rule lets the route run first (its effects stand) and then delays and/or replaces
// its answer; it ends the evaluation too.
import { mulberry32 } from './prng';
import type { FaultRule } from './types';

export interface FaultDecision {
	/** Total delay to apply before answering (terminal) or before running the route. */
	latencyMs: number;
	/** The rule that answers instead of the route, if any. */
	terminal?: FaultRule;
	/** An `afterRoute` rule: the route runs, then this rule delays and/or replaces its answer. */
	afterRoute?: FaultRule;
	/** Human-readable description for `LogEntry.fault`; empty when nothing fired. */
	labels: string[];
}

interface ActiveRule {
	rule: FaultRule;
	remaining: number | undefined;
}

export function validateFaultRule(input: unknown): FaultRule {
	if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Error('a fault rule must be an object');
	const r = input as Record<string, unknown>;
	const known = [
		'routeId',
		'status',
		'retryAfter',
		'graphCode',
		'graphSubcode',
		'latencyMs',
		'reset',
		'malformed',
		'redirectTo',
		'echoAuth',
		'afterRoute',
		'times',
		'probability',
	];
	for (const k of Object.keys(r)) if (!known.includes(k)) throw new Error(`unknown fault rule field "${k}"`);
	if (typeof r.routeId !== 'string' || r.routeId === '') throw new Error('routeId (a route id or "*") is required');
	for (const k of ['status', 'retryAfter', 'graphCode', 'graphSubcode', 'latencyMs', 'times', 'probability']) {
		if (r[k] !== undefined && (typeof r[k] !== 'number' || !Number.isFinite(r[k] as number) || (r[k] as number) < 0)) {
			throw new Error(`${k} must be a non-negative number`);
		}
	}
	for (const k of ['reset', 'malformed', 'afterRoute', 'echoAuth']) {
		if (r[k] !== undefined && typeof r[k] !== 'boolean') throw new Error(`${k} must be a boolean`);
	}
	if (r.redirectTo !== undefined && (typeof r.redirectTo !== 'string' || !URL.canParse(r.redirectTo))) {
		throw new Error('redirectTo must be an absolute URL');
	}
	if (r.status !== undefined && ((r.status as number) < 100 || (r.status as number) > 599)) throw new Error('status must be an HTTP status');
	if (r.probability !== undefined && (r.probability as number) > 1) throw new Error('probability must be within 0..1');
	const rule = r as unknown as FaultRule;
	if (!isTerminal(rule) && rule.latencyMs === undefined) {
		throw new Error('a fault rule needs one of status, graphCode, reset, malformed, redirectTo, echoAuth or latencyMs');
	}
	return { ...rule };
}

export function isTerminal(rule: FaultRule): boolean {
	return (
		rule.status !== undefined ||
		rule.graphCode !== undefined ||
		rule.reset === true ||
		rule.malformed === true ||
		rule.redirectTo !== undefined ||
		rule.echoAuth === true
	);
}

export function ruleMatches(pattern: string, routeId: string): boolean {
	if (pattern === '*') return true;
	if (pattern.endsWith('.*')) return routeId.startsWith(pattern.slice(0, -1));
	return pattern === routeId;
}

export function describeFault(rule: FaultRule): string {
	if (rule.afterRoute) return `after-route:${describeFault({ ...rule, afterRoute: false }) || `latency:${rule.latencyMs ?? 0}ms`}`;
	if (rule.reset) return 'reset';
	if (rule.malformed) return 'malformed';
	const parts: string[] = [];
	if (rule.redirectTo !== undefined) parts.push(`redirect:${new URL(rule.redirectTo).host}`);
	if (rule.echoAuth) parts.push('echo-auth');
	if (rule.status !== undefined) parts.push(`status:${rule.status}`);
	if (rule.graphCode !== undefined) parts.push(`graph:${rule.graphCode}${rule.graphSubcode !== undefined ? `/${rule.graphSubcode}` : ''}`);
	return parts.join(',');
}

export class FaultEngine {
	private rules: ActiveRule[] = [];
	private random: () => number;

	constructor(private readonly seed: number) {
		this.random = mulberry32(seed);
	}

	add(rule: FaultRule): void {
		const valid = validateFaultRule(rule);
		this.rules.push({ rule: valid, remaining: valid.times });
	}

	/** Forgets every rule and restarts the PRNG, so a run after `clear()` repeats a fresh one. */
	clear(): void {
		this.rules = [];
		this.random = mulberry32(this.seed);
	}

	list(): Array<FaultRule & { remaining?: number }> {
		return this.rules.map((r) => ({ ...r.rule, ...(r.remaining !== undefined ? { remaining: r.remaining } : {}) }));
	}

	evaluate(routeId: string): FaultDecision {
		const decision: FaultDecision = { latencyMs: 0, labels: [] };
		for (const active of this.rules) {
			if (!ruleMatches(active.rule.routeId, routeId)) continue;
			if (active.remaining !== undefined && active.remaining <= 0) continue;
			const p = active.rule.probability;
			if (p !== undefined && p < 1 && !(this.random() < p)) continue;
			if (active.remaining !== undefined) active.remaining--;
			if (active.rule.afterRoute) {
				decision.afterRoute = active.rule;
				decision.labels.push(describeFault(active.rule));
				break;
			}
			if (active.rule.latencyMs) {
				decision.latencyMs += active.rule.latencyMs;
				decision.labels.push(`latency:${active.rule.latencyMs}ms`);
			}
			if (isTerminal(active.rule)) {
				decision.terminal = active.rule;
				decision.labels.push(describeFault(active.rule));
				break;
			}
		}
		return decision;
	}
}
