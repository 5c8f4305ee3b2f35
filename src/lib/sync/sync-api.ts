import type { ProgressEvent } from '$lib/progress/event-types';

/** A session as PocketBase issues it. */
export interface Session {
	token: string;
	userId: string;
	email: string;
	name: string;
	/** learner, tutor or editor; absent in sessions saved before roles were kept. */
	role?: string;
}

export type PushResult = { id: string; status: 'stored' | 'duplicate'; seq: number };
export type Invalid = { index: number; id: string; reason: string };

/** Transient trouble (no network, 5xx, 429): try again later, with backoff. */
export class RetryLater extends Error {
	override name = 'RetryLater';
}

/**
 * The server limits how often this may be tried (429). `retryAfterMs` is the wait it asked for
 * (its Retry-After header); trying sooner would only be refused again.
 */
export class TooManyRequests extends RetryLater {
	override name = 'TooManyRequests';
	constructor(
		message: string,
		readonly retryAfterMs: number
	) {
		super(message);
	}
}

/** The shortest password the server accepts (pb_migrations/1764231000_password_rules.js). */
export const MIN_PASSWORD_LENGTH = 10;

/** A Retry-After value (seconds, or an HTTP date) in milliseconds from `now`; 60 s if absent. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
	const value = (header ?? '').trim();
	if (/^\d+$/.test(value)) return Number(value) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? 60_000 : Math.max(0, date - now);
}

/** "Try again in 15 minutes." for a learner who was told to wait `ms`. */
export function tryAgainIn(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

type FieldErrors = Record<string, { code?: string; message?: string } | undefined>;

const FIELD_LABELS: Record<string, string> = {
	email: 'Email address',
	password: 'Password',
	passwordConfirm: 'Password',
	name: 'Your name'
};

/** PocketBase's per-field validation errors in words for the form, or undefined if none. */
function fieldProblems(data: FieldErrors | undefined): string | undefined {
	const problems = Object.entries(data ?? {}).flatMap(([field, error]) => {
		if (!error?.message) return [];
		if (field === 'password' && error.code === 'validation_length_out_of_range')
			return [`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`];
		// Our own password check already speaks to the learner (pb_hooks/lib/passwords.js).
		if (error.code === 'validation_password_blocked') return [error.message];
		return [`${FIELD_LABELS[field] ?? field}: ${error.message}`];
	});
	return problems.length ? problems.join(' ') : undefined;
}

/** The token is not accepted: the learner must sign in again. Nothing is lost meanwhile. */
export class SignInNeeded extends Error {
	override name = 'SignInNeeded';
}

/** The server refused specific events; they move to the "could not sync" list. */
export class Rejected extends Error {
	override name = 'Rejected';
	constructor(
		message: string,
		readonly invalid: Invalid[]
	) {
		super(message);
	}
}

export interface SyncApi {
	signIn(email: string, password: string): Promise<Session>;
	signUp(email: string, password: string, name: string): Promise<void>;
	refresh(session: Session): Promise<Session>;
	push(session: Session, events: ProgressEvent[]): Promise<PushResult[]>;
	pull(
		session: Session,
		after: number,
		limit: number
	): Promise<{ events: ProgressEvent[]; cursor: number; more: boolean }>;
	deleteAccount(session: Session): Promise<void>;
	/** Joins the cohort with this code (spaces, dashes and case do not matter). */
	joinCohort(session: Session, code: string): Promise<CohortMembership>;
	/** The cohorts this learner is in. */
	myCohorts(session: Session): Promise<CohortMembership[]>;
	leaveCohort(session: Session, membership: string): Promise<void>;
}

/** A cohort a learner is in, as the learner sees it (no join code, no other members). */
export interface CohortMembership {
	membership: string;
	cohort: { id: string; name: string; pathway: string };
}

interface AuthAnswer {
	token: string;
	record: { id: string; email: string; name: string; role?: string };
}

/**
 * PocketBase's REST API over plain fetch: the SDK would add 10 KB to every learner's phone
 * for the five calls used here.
 */
export function syncApi(base = '', fetcher: typeof fetch = (...args) => fetch(...args)): SyncApi {
	async function call<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
		let response: Response;
		try {
			response = await fetcher(`${base}${path}`, {
				...init,
				headers: {
					Accept: 'application/json',
					...(init.body ? { 'Content-Type': 'application/json' } : {}),
					...(init.token ? { Authorization: init.token } : {})
				}
			});
		} catch (error) {
			throw new RetryLater(`no connection (${(error as Error).message})`);
		}
		if (response.status === 204) return {} as T;
		const body = (await response.json().catch(() => undefined)) as
			({ message?: string; data?: { invalid?: Invalid[] } } & T) | undefined;
		// A body cut off on the way is a network fault, whatever the status said.
		if (body === undefined) throw new RetryLater(`the answer (${response.status}) was cut off`);
		if (response.ok) return body;
		if (response.status === 401 || response.status === 403)
			throw new SignInNeeded(body.message ?? 'sign in again');
		if (response.status === 429) {
			throw new TooManyRequests(
				body.message ?? 'too many requests',
				retryAfterMs(response.headers.get('Retry-After'))
			);
		}
		// 507 is our own "server disk full" answer (pb_hooks/disk-full.pb.js), worth showing
		// as it is; other 5xx messages from PocketBase are generic.
		if (response.status === 507 && body.message) throw new RetryLater(body.message);
		if (response.status >= 500 || response.status === 408) {
			throw new RetryLater(`the server answered ${response.status}`);
		}
		if (body.data?.invalid?.length)
			throw new Rejected(body.message ?? 'invalid events', body.data.invalid);
		throw new Error(
			fieldProblems(body.data as FieldErrors | undefined) ??
				body.message ??
				`the server answered ${response.status}`
		);
	}
	const toSession = (answer: AuthAnswer): Session => ({
		token: answer.token,
		userId: answer.record.id,
		email: answer.record.email,
		name: answer.record.name,
		role: answer.record.role
	});
	return {
		async signIn(email, password) {
			const answer = await call<AuthAnswer>('/api/collections/users/auth-with-password', {
				method: 'POST',
				body: JSON.stringify({ identity: email, password })
			}).catch((error: unknown) => {
				// PocketBase answers 400 for a wrong email or password.
				throw error instanceof RetryLater
					? error
					: new SignInNeeded('The email or password is not right.');
			});
			return toSession(answer);
		},
		async signUp(email, password, name) {
			await call('/api/collections/users/records', {
				method: 'POST',
				body: JSON.stringify({ email, password, passwordConfirm: password, name, role: 'learner' })
			});
		},
		async refresh(session) {
			return toSession(
				await call<AuthAnswer>('/api/collections/users/auth-refresh', {
					method: 'POST',
					token: session.token
				})
			);
		},
		async push(session, events) {
			const answer = await call<{ results: PushResult[] }>('/api/clyde/sync/push', {
				method: 'POST',
				token: session.token,
				body: JSON.stringify({ events })
			});
			return answer.results;
		},
		pull(session, after, limit) {
			return call(`/api/clyde/sync/pull?after=${after}&limit=${limit}`, { token: session.token });
		},
		async deleteAccount(session) {
			await call(`/api/collections/users/records/${session.userId}`, {
				method: 'DELETE',
				token: session.token
			});
		},
		joinCohort(session, code) {
			return call<CohortMembership>('/api/clyde/cohorts/join', {
				method: 'POST',
				token: session.token,
				body: JSON.stringify({ code })
			});
		},
		async myCohorts(session) {
			const filter = encodeURIComponent(`learner = "${session.userId}"`);
			const answer = await call<{
				items: {
					id: string;
					expand?: { cohort?: { id: string; name: string; pathway: string } };
				}[];
			}>(
				`/api/collections/memberships/records?perPage=200&filter=${filter}&expand=cohort&fields=id,expand.cohort.id,expand.cohort.name,expand.cohort.pathway`,
				{ token: session.token }
			);
			return answer.items.flatMap((item) =>
				item.expand?.cohort ? [{ membership: item.id, cohort: item.expand.cohort }] : []
			);
		},
		async leaveCohort(session, membership) {
			await call(`/api/collections/memberships/records/${encodeURIComponent(membership)}`, {
				method: 'DELETE',
				token: session.token
			});
		}
	};
}

/** When a PocketBase token expires, from its own claim (no signature check: that is the server's job). */
export function tokenExpiry(token: string): Date | undefined {
	try {
		const payload = JSON.parse(
			atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))
		) as { exp?: number };
		return payload.exp ? new Date(payload.exp * 1000) : undefined;
	} catch {
		return undefined;
	}
}
