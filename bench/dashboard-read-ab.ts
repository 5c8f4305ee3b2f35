import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { findPocketBaseBinary } from '../scripts/pocketbase/binary';
import { freePort } from '../scripts/pocketbase/ports';
import { startPocketBase, type RunningPocketBase } from '../scripts/pocketbase/server';
import { runMain } from '../scripts/user-error';
import { hooksWith } from '../tests/support/extra-hooks';
import { RELAXED_RATE_LIMITS, startTestServer, TEST_ADMIN } from '../tests/support/pocketbase';
import type { CohortProgress } from '../src/lib/tutor/types';
import { api } from './api';
import { cpuSecondsOf } from './cpu-seconds';
import { addLearners, BENCH_HOOK, setUpTutor, type BenchCohorts } from './dashboard-accounts';
import { gzippedGet } from './dashboard-server';
import { EVENTS_EACH, LEARNERS, SMALL } from './dashboard-sizes';
import { median } from './stats';

/**
 * `npx tsx bench/dashboard-read-ab.ts <git ref> [rounds]`: the tutor's dashboard read of 500
 * learners right after a learner of the cohort pushed (the read a tutor makes on opening the
 * dashboard after class), a read after that with nothing changed, and one after the tutor
 * changed a threshold (the whole answer built, as after a join or a leave), for the hooks at <git
 * ref> (A) and this checkout's (B). The world is made once, as `npm run bench dashboard`
 * makes it; its data dir is copied so that each side has a PocketBase of its own with the same
 * data, and the two take turns, so the load of this shared machine falls on both alike. Each
 * round pushes the same event to both; their answers are compared after every push (the same
 * learners and cells, whatever order SQLite gave the cells in), and so are the built ones.
 */
async function main(): Promise<void> {
	const [ref, roundsArg] = process.argv.slice(2);
	if (!ref) throw new Error('usage: dashboard-read-ab.ts <git ref> [rounds]');
	const rounds = Number(roundsArg ?? 10);
	const load = [loadavg()[0] ?? 0];
	const hooks = await hooksWith([BENCH_HOOK]);
	const before = await hooksAt(ref);
	// The app itself is not needed: an empty public dir.
	const publicDir = await mkdtemp(join(tmpdir(), 'clyde-read-ab-public-'));
	const setup = await startTestServer(publicDir, { hooksDir: hooks.dir });
	const copies: string[] = [];
	const servers: RunningPocketBase[] = [];
	try {
		const admin = await api<{ token: string }>(setup.url, '/api/admins/auth-with-password', {
			body: { identity: TEST_ADMIN.email, password: TEST_ADMIN.password }
		});
		const side = await setUpTutor(setup.url, admin.token, { learners: LEARNERS, small: SMALL });
		const world = await addLearners(setup.url, admin.token, side, {
			learners: LEARNERS,
			small: SMALL,
			eventsEach: EVENTS_EACH,
			seed: 6,
			workers: 3
		});
		await setup.stop();
		for (const dir of [before, hooks.dir]) {
			const dataDir = await mkdtemp(join(tmpdir(), 'clyde-read-ab-'));
			await cp(setup.dataDir, dataDir, { recursive: true });
			copies.push(dataDir);
			servers.push(await serve(dataDir, publicDir, dir));
		}
		load.push(loadavg()[0] ?? 0);
		const figures = servers.map(() => ({
			pushed: [] as Read[],
			again: [] as Read[],
			built: [] as Read[]
		}));
		let days = 0;
		for (const server of servers) days = (await read(server, world)).answer.cohort.quiet_days; // warm-up: the first build
		for (let round = 0; round < rounds; round++) {
			const event = nextEvent(world, round);
			const answers: CohortProgress[] = [];
			const rebuilt: CohortProgress[] = [];
			for (const which of round % 2 ? [1, 0] : [0, 1]) {
				const server = servers[which] as RunningPocketBase;
				const member = world.big.members[round % world.big.members.length];
				await api(server.url, '/api/clyde/sync/push', {
					token: member?.token,
					body: { events: [event] }
				});
				const pushed = await read(server, world);
				figures[which]?.pushed.push(pushed);
				figures[which]?.again.push(await read(server, world));
				answers[which] = pushed.answer;
				// The tutor changes a threshold: the server builds the whole answer again.
				await api(server.url, `/api/collections/cohorts/records/${world.big.id}`, {
					method: 'PATCH',
					token: world.tutor.token,
					body: { quiet_days: round % 2 === 0 ? days + 1 : days }
				});
				const built = await read(server, world);
				if (built.sent !== 'built') throw new Error(`the read was ${built.sent}, not built`);
				figures[which]?.built.push(built);
				rebuilt[which] = built.answer;
			}
			for (const pair of [answers, rebuilt]) {
				const [a, b] = pair.map((answer) => canonical(answer as CohortProgress));
				if (a !== b) throw new Error(`round ${round + 1}: the two answers differ`);
			}
		}
		load.push(loadavg()[0] ?? 0);
		for (const [i, name] of [`A: hooks at ${ref}`, 'B: this checkout'].entries()) {
			console.log(name);
			for (const [what, reads] of Object.entries(figures[i] ?? {})) {
				const ms = reads.map((r) => r.ms);
				const cpu = reads.map((r) => r.cpu);
				const sent = [...new Set(reads.map((r) => r.sent))].join('/');
				console.log(
					`  read ${LABELS[what as keyof typeof LABELS]} (${sent}): ` +
						`wall median ${median(ms).toFixed(0)} ms (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}), ` +
						`PocketBase CPU median ${median(cpu).toFixed(1)} ms, ${(reads[0]?.wire ?? 0) / 1000} KB gzip, ${reads.length} reads`
				);
			}
		}
		console.log(
			`answers equal after every push; load average (1 min): ${load.map((l) => l.toFixed(1)).join(' → ')}`
		);
	} finally {
		for (const server of servers) await server.stop();
		await rm(setup.dataDir, { recursive: true, force: true });
		for (const dir of copies) await rm(dir, { recursive: true, force: true });
		await rm(before, { recursive: true, force: true });
		await rm(publicDir, { recursive: true, force: true });
		await hooks.remove();
	}
}

const LABELS = {
	pushed: 'right after a push',
	again: 'again, nothing changed',
	built: 'after a threshold change'
};

interface Read {
	ms: number;
	cpu: number;
	wire: number;
	sent: string;
	answer: CohortProgress;
}

async function read(server: RunningPocketBase, world: BenchCohorts): Promise<Read> {
	const cpuBefore = await cpuSecondsOf(server.pid);
	const got = await gzippedGet(
		`${server.url}/api/clyde/cohorts/${world.big.id}/progress`,
		world.tutor.token
	);
	const cpu = 1000 * ((await cpuSecondsOf(server.pid)) - cpuBefore);
	const answer = JSON.parse(got.body.toString('utf8')) as CohortProgress;
	return { ms: got.ms, cpu, wire: got.wire, sent: got.sent, answer };
}

/** A lesson opened again by the round's learner, now: one cell of the cohort changes. */
function nextEvent(world: BenchCohorts, round: number) {
	const member = world.big.members[round % world.big.members.length];
	const opened = member?.events.find((e) => e.type === 'lesson_opened');
	if (!opened) throw new Error('a bench learner opened no lesson');
	return { ...opened, id: randomUUID(), at: new Date().toISOString() };
}

/** The answer with its cells as sorted (learner id, lesson, values) lines. */
function canonical(answer: CohortProgress): string {
	const { cells, learners, ...rest } = answer;
	const lines = cells.learner.map((i, k) =>
		JSON.stringify([
			learners[i]?.id,
			cells.lesson[k],
			cells.flags[k],
			cells.fails[k],
			cells.best[k],
			cells.done[k],
			cells.exercises?.[k]
		])
	);
	return JSON.stringify({ rest, learners, cells: lines.sort() });
}

/** The project's hooks as they are at `ref`, with the benchmark hook beside them. */
async function hooksAt(ref: string): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'clyde-hooks-at-'));
	const root = resolve(import.meta.dirname, '..');
	const tar = execFileSync('git', ['-C', root, 'archive', ref, 'pb_hooks']);
	execFileSync('tar', ['-x', '-C', dir, '--strip-components=1'], { input: tar });
	await symlink(BENCH_HOOK, join(dir, `zz-${basename(BENCH_HOOK)}`));
	return dir;
}

async function serve(dataDir: string, publicDir: string, hooksDir: string) {
	return startPocketBase({
		binary: await findPocketBaseBinary(),
		dataDir,
		publicDir,
		hooksDir,
		host: '127.0.0.1',
		port: await freePort(),
		env: RELAXED_RATE_LIMITS
	});
}

runMain(main);
