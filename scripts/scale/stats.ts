// Small helpers for the scale run: percentiles, bounded-concurrency loops, process figures from /proc.
import fs from 'node:fs';

export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `task(i)` for i in [0, count) with at most `concurrency` in flight, stopping early (and
 * reporting how far it got) once `deadline` (epoch ms) has passed.
 */
export async function pool(count: number, concurrency: number, deadline: number, task: (i: number) => Promise<void>): Promise<number> {
	let next = 0;
	const worker = async () => {
		while (next < count && Date.now() < deadline) {
			const i = next++;
			await task(i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	return next;
}

/** Reads a process's resident set size in MiB from /proc (Linux). */
export function rssMiB(pid: number): number {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
		return kb / 1024;
	} catch {
		return NaN;
	}
}

const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux

/**
 * CPU time (user + system, ms) used so far by every live process in a process group: n8n main or a
 * worker together with its task runner. Read from /proc; processes that already exited are not counted.
 */
export function groupCpuMs(pgid: number): number {
	let ticks = 0;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Fields after the parenthesised command name: state ppid pgrp ... utime(14) stime(15).
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
		} catch {
			// The process ended between readdir and read.
		}
	}
	return (ticks * 1000) / CLOCK_TICKS_PER_S;
}
