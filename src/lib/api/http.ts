/**
 * Every way a call to the server can fail, as one family: sync, sign-in and downloads all
 * decide what to do by these classes, never by status codes.
 */
export class ApiError extends Error {
	override name = 'ApiError';
}

/** Transient trouble (5xx, 408, and the kinds below): try again later, with backoff. */
export class RetryLater extends ApiError {
	override name = 'RetryLater';
}

/** No connection, or the answer was cut off on the way: a network fault, whatever the status. */
export class Offline extends RetryLater {
	override name = 'Offline';
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

/** 507: the server's disk is full and nothing was stored (pb_hooks/disk-full.pb.js says so). */
export class ServerFull extends RetryLater {
	override name = 'ServerFull';
}

/** The token is not accepted (401, 403): sign in again. Nothing is lost meanwhile. */
export class SignInNeeded extends ApiError {
	override name = 'SignInNeeded';
}

/** One event of a push the server refused, and why. */
export type Invalid = { index: number; id: string; reason: string };
/** PocketBase's per-field validation errors. */
export type FieldErrors = Record<string, { code?: string; message?: string } | undefined>;

/**
 * Any other 4xx: sent again as it is, it would be refused again. `invalid` names refused
 * events (a push), `fields` PocketBase's per-field validation errors (a form).
 */
export class Rejected extends ApiError {
	override name = 'Rejected';
	constructor(
		message: string,
		readonly status: number,
		readonly invalid: Invalid[] = [],
		readonly fields: FieldErrors = {}
	) {
		super(message);
	}
}

/** A 2xx answer that is not in the form the app expects. */
export class BadAnswer extends ApiError {
	override name = 'BadAnswer';
}

/** A Retry-After value (seconds, or an HTTP date) in milliseconds from `now`; 60 s if absent. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
	const value = (header ?? '').trim();
	if (/^\d+$/.test(value)) return Number(value) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? 60_000 : Math.max(0, date - now);
}

export interface CallOptions {
	method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
	/** Query parameters, encoded here: callers never build a query string. */
	query?: Record<string, string | number>;
	/** Sent as JSON. */
	body?: unknown;
	/** A PocketBase auth token. */
	token?: string;
}

/** One JSON call to the server: the answer's body, or one of the errors above. */
export type Call = <T>(path: string, options?: CallOptions) => Promise<T>;

/** `path` with `query` encoded: the one way a call's address is written (first-requests.ts). */
export function pathWithQuery(path: string, query: CallOptions['query'] = {}): string {
	const encoded = new URLSearchParams(
		Object.entries(query).map(([key, value]) => [key, String(value)])
	).toString();
	return encoded ? `${path}?${encoded}` : path;
}

/**
 * The learner app's one way to call PocketBase: plain fetch, because the SDK would add 10 KB to
 * every learner's phone for the few calls used. `base` is the server ('' is the app's own
 * origin); tests pass their own server's address, or a fetch that misbehaves.
 */
export function caller(base = '', fetcher: typeof fetch = (...args) => fetch(...args)): Call {
	return async function call<T>(path: string, options: CallOptions = {}): Promise<T> {
		let response: Response;
		try {
			response = await fetcher(`${base}${pathWithQuery(path, options.query)}`, {
				method: options.method ?? 'GET',
				headers: {
					Accept: 'application/json',
					...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
					...(options.token ? { Authorization: options.token } : {})
				},
				body: options.body === undefined ? undefined : JSON.stringify(options.body)
			});
		} catch (error) {
			throw new Offline(`no connection (${(error as Error).message})`);
		}
		if (response.status === 204) return {} as T;
		const body = (await response.json().catch(() => undefined)) as
			({ message?: string; data?: Record<string, unknown> } & T) | undefined;
		if (body === undefined) throw new Offline(`the answer (${response.status}) was cut off`);
		if (response.ok) return body;
		const status = response.status;
		if (status === 401 || status === 403) throw new SignInNeeded(body.message ?? 'sign in again');
		if (status === 429) {
			throw new TooManyRequests(
				body.message ?? 'too many requests',
				retryAfterMs(response.headers.get('Retry-After'))
			);
		}
		// Our own 507 is worth showing as it is; other 5xx messages from PocketBase are generic.
		if (status === 507) throw new ServerFull(body.message ?? `the server answered ${status}`);
		if (status >= 500 || status === 408) throw new RetryLater(`the server answered ${status}`);
		const { invalid, ...fields } = body.data ?? {};
		throw new Rejected(
			body.message ?? `the server answered ${status}`,
			status,
			Array.isArray(invalid) ? (invalid as Invalid[]) : [],
			fields as FieldErrors
		);
	};
}
