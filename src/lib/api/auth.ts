import { Rejected, RetryLater, SignInNeeded, type Call, type FieldErrors } from './http';

/** A session as PocketBase issues it. */
export interface Session {
	token: string;
	userId: string;
	email: string;
	name: string;
	/** learner, tutor or editor; absent in sessions saved before roles were kept. */
	role?: string;
}

/** The shortest password the server accepts (pb_migrations/1764231000_password_rules.js). */
export const MIN_PASSWORD_LENGTH = 10;

export interface AuthApi {
	signIn(email: string, password: string): Promise<Session>;
	/** Makes a learner account; sign in afterwards. */
	signUp(email: string, password: string, name: string): Promise<void>;
	/** A new token for a session whose token is close to expiry. */
	refresh(session: Session): Promise<Session>;
}

interface AuthAnswer {
	token: string;
	record: { id: string; email: string; name: string; role?: string };
}

const toSession = (answer: AuthAnswer): Session => ({
	token: answer.token,
	userId: answer.record.id,
	email: answer.record.email,
	name: answer.record.name,
	role: answer.record.role
});

/** PocketBase's own auth routes for the `users` collection. */
export function authApi(call: Call): AuthApi {
	return {
		async signIn(email, password) {
			const answer = await call<AuthAnswer>('/api/collections/users/auth-with-password', {
				method: 'POST',
				body: { identity: email, password }
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
				body: { email, password, passwordConfirm: password, name, role: 'learner' }
			}).catch((error: unknown) => {
				if (!(error instanceof Rejected)) throw error;
				throw new Rejected(
					fieldProblems(error.fields) ?? error.message,
					error.status,
					[],
					error.fields
				);
			});
		},
		async refresh(session) {
			return toSession(
				await call<AuthAnswer>('/api/collections/users/auth-refresh', {
					method: 'POST',
					token: session.token
				})
			);
		}
	};
}

const FIELD_LABELS: Record<string, string> = {
	email: 'Email address',
	password: 'Password',
	passwordConfirm: 'Password',
	name: 'Your name'
};

/** PocketBase's per-field validation errors in words for the form, or undefined if none. */
function fieldProblems(fields: FieldErrors): string | undefined {
	const problems = Object.entries(fields).flatMap(([field, error]) => {
		if (!error?.message) return [];
		if (field === 'password' && error.code === 'validation_length_out_of_range')
			return [`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`];
		// Our own password check already speaks to the learner (pb_hooks/lib/passwords.js).
		if (error.code === 'validation_password_blocked') return [error.message];
		return [`${FIELD_LABELS[field] ?? field}: ${error.message}`];
	});
	return problems.length ? problems.join(' ') : undefined;
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
