import { resolve } from 'node:path';
import { api, type Account } from './dashboard-cohort';

/** The benchmarks' own hook (never deployed): accounts made in bulk, see its comment. */
export const BENCH_HOOK = resolve(import.meta.dirname, 'hooks/bench-accounts.pb.js');

export const BENCH_PASSWORD = 'bench-accounts-passphrase';

/**
 * `count` accounts with the given role, each with an auth token as if signed in, made in one
 * request by the benchmark hook (the server must have it: see BENCH_HOOK).
 */
export async function makeAccounts(
	url: string,
	adminToken: string,
	options: { prefix: string; count: number; role?: 'learner' | 'tutor'; names?: string[] }
): Promise<Account[]> {
	const answer = await api<{ accounts: { id: string; email: string; token: string }[] }>(
		url,
		'/api/bench/accounts',
		{ token: adminToken, body: { ...options, password: BENCH_PASSWORD } }
	);
	return answer.accounts.map((a, i) => ({ ...a, name: options.names?.[i] ?? `Learner ${i}` }));
}
