import { accountApi, type AccountApi } from './account';
import { authApi, type AuthApi } from './auth';
import { badgesApi, type BadgesApi } from './badges';
import { cohortsApi, type CohortsApi } from './cohorts';
import { contentApi, type ContentApi } from './content';
import { caller } from './http';
import { syncApi, type SyncApi } from './sync';

/** Everything the learner's app asks the server, by resource, over one `call()`. */
export interface LearnerApi {
	auth: AuthApi;
	sync: SyncApi;
	cohorts: CohortsApi;
	account: AccountApi;
	content: ContentApi;
	badges: BadgesApi;
}

/** The app's client for the server at `base` ('' is its own origin). */
export function learnerApi(base = '', fetcher?: typeof fetch): LearnerApi {
	const call = caller(base, fetcher);
	return {
		auth: authApi(call),
		sync: syncApi(call),
		cohorts: cohortsApi(call),
		account: accountApi(call),
		content: contentApi(call),
		badges: badgesApi(call)
	};
}
