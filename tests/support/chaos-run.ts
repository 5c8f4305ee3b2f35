import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import PocketBase from 'pocketbase';
import { openDatabase, type ClydeDatabase } from '../../src/lib/db/database';
import type { NewProgressEvent } from '../../src/lib/progress/event-types';
import { recordEvent } from '../../src/lib/progress/record-event';
import { saveSession } from '../../src/lib/sync/session-store';
import { learnerApi } from '../../src/lib/api/learner-api';
import { seededRandom } from '../../src/lib/random/seeded-random';
import { SyncEngine } from '../../src/lib/sync/sync-engine';
import { FAULTS, noFaults, type ChaosProxy, type FaultCounts, type FaultOdds } from './chaos-proxy';

const DAY = 24 * 3600_000;
const TYPES = ['lesson_opened', 'lesson_completed', 'quiz_answered', 'quiz_completed'] as const;
/** About half the requests meet a fault; answers lost after a commit are the most common. */
export const CHAOS_ODDS: FaultOdds = {
	'drop-request': 0.08,
	'drop-response': 0.12,
	delay: 0.1,
	reset: 0.08,
	unavailable: 0.08
};
/** Syncs per device, at the end with a healthy network, before an outbox counts as stuck. */
const FINAL_SYNCS = 10;

export interface ChaosOptions {
	/** In front of serverUrl; the run switches it offline and back, so it must be its own. */
	proxy: ChaosProxy;
	/** The real PocketBase, for signing up and for the admin's look at what it stored. */
	serverUrl: string;
	admin: { email: string; password: string };
	/** Lessons that exist on the server (see createLessons), with their module and pathway. */
	content: { lessons: string[]; module: string; pathway: string };
	seed: number;
	steps: number;
}

export interface ChaosResult {
	seed: number;
	devices: number;
	events: number;
	syncs: number;
	kills: number;
	/** Faults the proxy injected during this run (a run's own share of a shared proxy). */
	faults: FaultCounts;
	/** Why the engines waited to retry, by message: which errors the chaos produced. */
	retries: Record<string, number>;
	/** What did not converge, in words; empty when the run is good. */
	problems: string[];
	/** The whole run, and the part after sign-up. */
	ms: number;
	chaosMs: number;
}

interface Device {
	name: string;
	db: ClydeDatabase;
	engine: SyncEngine;
	/** This device's clock minus the real one: the client clock must not matter. */
	skew: number;
	/** Ids of the events recorded here (in memory, so that a lost row is noticed). */
	made: string[];
}

const admins = new Map<string, Promise<PocketBase>>();

/** One admin client per server, signed in once (a sign-in costs a bcrypt hash). */
function adminFor(url: string, admin: ChaosOptions['admin']): Promise<PocketBase> {
	let client = admins.get(url);
	if (!client) {
		const pb = new PocketBase(url);
		// Runs may overlap; the SDK would cancel one of two identical pending requests.
		pb.autoCancellation(false);
		client = pb.admins.authWithPassword(admin.email, admin.password).then(() => pb);
		admins.set(url, client);
	}
	return client;
}

/**
 * One learner with one or two devices, doing random things for `steps` steps through a
 * faulty network: recording events with skewed clocks, going offline, syncing (sometimes
 * without waiting, so that the next step overlaps the sync), and killing the page mid-sync
 * (a new engine on the same IndexedDB). Then the network heals, every device syncs until its
 * outbox is empty, and the run checks that the server holds exactly the recorded events,
 * each once, and that every device has them all.
 */
export async function chaosRun(options: ChaosOptions): Promise<ChaosResult> {
	const { proxy, seed, content } = options;
	const started = performance.now();
	const random = seededRandom(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
	const faultsBefore = { ...proxy.counts };
	const retries: Record<string, number> = {};
	const problems: string[] = [];
	const pending: { db: ClydeDatabase; run: Promise<void> }[] = [];
	let syncs = 0;
	let kills = 0;

	// The learner is made by the admin API, straight to the server: the learners' own sign-up
	// costs PocketBase twice the password hashing, and hashing is most of a short run.
	const admin = await adminFor(options.serverUrl, options.admin);
	const email = `chaos-${seed}-${crypto.randomUUID().slice(0, 8)}@example.org`;
	const password = 'chaos-password-1';
	await admin
		.collection('users')
		.create({ email, password, passwordConfirm: password, name: 'Chaos', role: 'learner' });
	const session = await learnerApi(options.serverUrl).auth.signIn(email, password);
	const api = learnerApi(proxy.url);
	const chaosStarted = performance.now();

	// The test drives every sync: the engine's own timers never fire.
	const engineFor = (db: ClydeDatabase, skew: () => number): SyncEngine => {
		const engine = new SyncEngine(db, api, {
			now: () => new Date(Date.now() + skew()),
			random,
			setTimeout: () => undefined,
			clearTimeout: () => {}
		});
		engine.onStatus((status) => {
			if (status.state !== 'waiting' || !status.message) return;
			// "no connection (fetch failed)" and the like: the kind, without the details.
			const kind = status.message.replace(/\(.*\)/, '(…)');
			retries[kind] = (retries[kind] ?? 0) + 1;
		});
		return engine;
	};
	const devices: Device[] = [];
	for (let i = 0, count = random() < 0.5 ? 1 : 2; i < count; i++) {
		const name = `chaos-${seed}-${i}-${crypto.randomUUID()}`;
		const db = openDatabase(name);
		const device: Device = {
			name,
			db,
			engine: engineFor(db, () => device.skew),
			skew: Math.round((random() * 2 - 1) * DAY),
			made: []
		};
		await saveSession(db, session);
		devices.push(device);
	}

	const newEvent = (): NewProgressEvent => {
		const base = {
			lesson: pick(content.lessons),
			module: content.module,
			pathway: content.pathway
		};
		const type = pick(TYPES);
		if (type === 'quiz_answered')
			return { ...base, type, question: Math.floor(random() * 10), correct: random() < 0.5 };
		if (type === 'quiz_completed') {
			const total = 1 + Math.floor(random() * 10);
			const correct = Math.floor(random() * (total + 1));
			return { ...base, type, total, correct, passed: correct * 2 >= total };
		}
		return { ...base, type };
	};

	const startSync = (device: Device): Promise<void> => {
		const db = device.db;
		syncs += 1;
		// syncNow handles its own errors; it rejects only when the page's database was closed
		// under it (a kill), which is expected then and a problem otherwise.
		const run = device.engine.syncNow().catch((error: unknown) => {
			if (db.isOpen()) problems.push(`syncNow rejected: ${(error as Error).message}`);
		});
		pending.push({ db, run });
		return run;
	};

	for (let step = 0; step < options.steps; step++) {
		const device = pick(devices);
		const roll = random();
		if (roll < 0.35) {
			for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
				const event = await recordEvent(device.db, newEvent(), new Date(Date.now() + device.skew));
				device.made.push(event.id);
			}
		} else if (roll < 0.7) {
			const run = startSync(device);
			if (random() < 0.5) await run;
		} else if (roll < 0.8) {
			proxy.offline = !proxy.offline;
		} else if (roll < 0.9) {
			// The page dies mid-sync: its engine is left running, unawaited. Half the time its
			// IndexedDB connection closes too, so its remaining writes fail as a killed tab's
			// would; either way what was committed stays, and a new page starts on it.
			kills += 1;
			device.engine.stop();
			if (random() < 0.5) {
				device.db.close();
				device.db = openDatabase(device.name);
			}
			device.engine = engineFor(device.db, () => device.skew);
		} else {
			// A wrong clock, or one that jumps 8 days ahead (a phone whose date was reset).
			device.skew = random() < 0.3 ? device.skew + 8 * DAY : Math.round((random() * 2 - 1) * DAY);
		}
	}

	// The network heals. Whatever the killed pages were doing finishes first.
	const odds = proxy.odds;
	proxy.odds = {};
	proxy.offline = false;
	await Promise.all(pending.map((p) => p.run));
	for (const [index, device] of devices.entries()) {
		for (let i = 0; i < FINAL_SYNCS && (await device.db.outbox.count()) > 0; i++)
			await startSync(device);
		const left = await device.db.outbox.count();
		if (left > 0) {
			const { state, message } = device.engine.status;
			problems.push(
				`device ${index}: ${left} event(s) still in the outbox after ${FINAL_SYNCS} syncs (${state}: ${message})`
			);
		}
	}
	// Once more each, so that every device pulls what the others pushed last.
	for (const device of devices) await startSync(device);
	proxy.odds = odds;

	const stored = await admin.collection('progress_events').getFullList({
		filter: admin.filter('user = {:user}', { user: session.userId }),
		fields: 'op_id'
	});
	const onServer = stored.map((r) => r.op_id as string);
	const serverSet = new Set(onServer);
	if (serverSet.size !== onServer.length)
		problems.push(`${onServer.length - serverSet.size} op id(s) stored twice on the server`);
	const made = new Set(devices.flatMap((d) => d.made));
	const lost = [...made].filter((id) => !serverSet.has(id));
	if (lost.length) problems.push(`${lost.length} recorded event(s) not on the server: ${lost[0]}…`);
	const union = new Set<string>();
	for (const [index, device] of devices.entries()) {
		const ids = new Set((await device.db.events.toCollection().primaryKeys()) as string[]);
		for (const id of ids) union.add(id);
		const missing = [...serverSet].filter((id) => !ids.has(id));
		if (missing.length)
			problems.push(`device ${index} lacks ${missing.length} event(s) after a pull`);
		const rejected = await device.db.rejected.toArray();
		if (rejected.length)
			problems.push(`device ${index}: ${rejected.length} rejected, e.g. "${rejected[0]?.reason}"`);
	}
	const unknown = [...serverSet].filter((id) => !union.has(id));
	if (unknown.length) problems.push(`${unknown.length} event(s) on the server that no device has`);
	if (union.size !== serverSet.size)
		problems.push(`the devices hold ${union.size} event(s), the server ${serverSet.size}`);

	for (const device of devices) {
		device.engine.stop();
		device.db.close();
		await Dexie.delete(device.name);
	}
	const faults = noFaults();
	for (const kind of ['pass', 'offline', ...FAULTS] as const)
		faults[kind] = proxy.counts[kind] - faultsBefore[kind];
	return {
		seed,
		devices: devices.length,
		events: made.size,
		syncs,
		kills,
		faults,
		retries,
		problems,
		ms: performance.now() - started,
		chaosMs: performance.now() - chaosStarted
	};
}
