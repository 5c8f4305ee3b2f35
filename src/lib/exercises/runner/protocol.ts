import type { Check, CheckResult } from '../types';

/**
 * Messages between the app and the sandboxed runner frame (/runner, built as runner.html). The runner's origin is
 * opaque, so both sides check who sent a message (event.source) rather than where it came from;
 * neither ever sends anything but these.
 */
export type ToRunner =
	| { type: 'show'; id: number; html: string; title: string }
	| { type: 'check'; id: number; html: string; title: string; checks: Check[] };

export type FromRunner =
	| { type: 'ready' }
	| { type: 'heartbeat' }
	| { type: 'shown'; id: number }
	| { type: 'results'; id: number; results: CheckResult[] }
	| { type: 'loop-stopped'; id: number };

/** How often the runner says it is alive, and how long the app waits before giving up on it. */
export const HEARTBEAT_MS = 250;
export const WATCHDOG_MS = 3000;
/** How long the runner waits for a page to check itself (its loops are stopped after 1 s). */
export const CHECK_TIMEOUT_MS = 5000;
