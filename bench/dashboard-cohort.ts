import { resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { ProgressEvent } from '../src/lib/progress/event-types';
import { seededRandom } from '../src/lib/random/seeded-random';
import { compileContent, type ContentInput } from '../scripts/content/compile';
import { loadContent } from '../scripts/content/load';
import { publishContent } from '../scripts/content/publish-client';
import { ROOT } from '../scripts/config';

/**
 * The dashboard benchmark's world: a 60-lesson pathway published beside the bundled content,
 * a tutor, learners who joined with the cohort's code, and each learner's events pushed
 * through the sync route, all through the same API the app uses.
 */

export const PATHWAY = 'bench-cohort-skills';
export const MODULES = 6;
export const LESSONS_PER_MODULE = 10;
const QUESTIONS = 4;
const DAY = 24 * 60 * 60 * 1000;

export interface LessonPlace {
	lesson: string;
	module: string;
	pathway: string;
}

/** The pathway's lessons in order, with the module each sits in. */
export function pathwayLessons(): LessonPlace[] {
	const places: LessonPlace[] = [];
	for (let m = 1; m <= MODULES; m++) {
		for (let l = 1; l <= LESSONS_PER_MODULE; l++) {
			places.push({ lesson: lessonId(m, l), module: moduleId(m), pathway: PATHWAY });
		}
	}
	return places;
}

const pad = (n: number) => String(n).padStart(2, '0');
const moduleId = (m: number) => `bench-m${pad(m)}`;
const lessonId = (m: number, l: number) => `bench-m${pad(m)}-lesson-${pad(l)}`;

/**
 * The bundled content plus the benchmark's pathway, as Markdown the real compiler checks:
 * lessons about the size of the bundled ones, each with a four-question quiz.
 */
export async function contentWithBenchPathway(): Promise<ContentInput> {
	const input = await loadContent(resolve(ROOT, 'content'));
	const dir = `90-${PATHWAY}`;
	input.markdown.set(
		`${dir}/pathway.md`,
		frontmatter({
			id: PATHWAY,
			title: 'Everyday computer skills (benchmark)',
			summary: 'A 60-lesson pathway made by the dashboard benchmark.',
			level: 'beginner',
			outcomes: ['Use a computer for everyday tasks']
		}) + '\nSix modules of ten short lessons.\n'
	);
	for (let m = 1; m <= MODULES; m++) {
		const moduleDir = `${dir}/${pad(m)}-module-${m}`;
		input.markdown.set(
			`${moduleDir}/module.md`,
			frontmatter({ id: moduleId(m), title: `Module ${m}`, summary: `Part ${m} of six.` })
		);
		for (let l = 1; l <= LESSONS_PER_MODULE; l++) {
			input.markdown.set(
				`${moduleDir}/${pad(l)}-lesson-${l}.md`,
				frontmatter({
					id: lessonId(m, l),
					title: `Practice ${m}.${l}: files, folders and shortcuts`,
					summary: 'A short lesson with a quiz at the end.',
					minutes: 6,
					outcomes: ['Find a file again later']
				}) + LESSON_BODY
			);
		}
	}
	return input;
}

/** YAML frontmatter; values are JSON, which YAML reads as they are. */
function frontmatter(fields: Record<string, unknown>): string {
	const lines = Object.entries(fields).map(([key, value]) =>
		Array.isArray(value)
			? `${key}:\n${value.map((v) => `  - ${JSON.stringify(v)}`).join('\n')}`
			: `${key}: ${JSON.stringify(value)}`
	);
	return `---\n${lines.join('\n')}\n---\n`;
}

const LESSON_BODY = `
A computer keeps your work in files. Files sit in folders, like letters in a drawer. If you
give each file a clear name and put it in the right folder, you can find it again next week.

## Names that help

Use a name that says what is inside, and the date if it matters. A file called
"Gas bill March" is easier to find than one called "Scan 0042".

## Folders

Make a folder for each part of your life: money, health, work, family. Keep the number of
folders small, so that you always know where to look.

\`\`\`quiz
pass: 70%
questions:
  - type: true-false
    question: A clear file name makes a file easier to find later.
    answer: true
  - type: single
    question: Which name is best for a scan of your gas bill?
    options:
      - text: Gas bill March
        correct: true
      - text: Scan 0042
  - type: true-false
    question: You should make a new folder for every file.
    answer: false
  - type: single
    question: Where should a payslip go?
    options:
      - text: In the money folder
        correct: true
      - text: On the desktop
\`\`\`
`;

/**
 * Publishes the bundled content with (or, to leave the server as the other benchmarks expect
 * it, without) the benchmark's pathway, through the real publish route.
 */
export async function publishWithBenchPathway(
	url: string,
	adminToken: string,
	withBench: boolean
): Promise<void> {
	const input = withBench ? await contentWithBenchPathway() : await loadContent(`${ROOT}/content`);
	const { pathways, diagnostics } = compileContent(input);
	const errors = diagnostics.filter((d) => d.severity === 'error');
	if (errors.length)
		throw new Error(`the benchmark content does not compile: ${errors[0]?.message}`);
	await publishContent({ url, token: adminToken, pathways, dryRun: false });
}

/** How one learner studies: drawn once from the seed, so each learner differs. */
interface Habits {
	/** Chance of taking a lesson's quiz. */
	quizzes: number;
	/** Chance of answering a question right. */
	accuracy: number;
	/** Chance of reopening the previous lesson before the next one. */
	reviews: number;
	/** The lesson (index) whose quiz they fail again and again and never pass, if any. */
	stuckOn: number | undefined;
	/** First and last activity (ms): some learners went quiet weeks ago. */
	from: number;
	to: number;
}

function habits(random: () => number, now: number): Habits {
	const quiet = random() < 0.15;
	const to = quiet ? now - (8 + random() * 20) * DAY : now - random() * 3 * DAY;
	// The cohort started six weeks ago; learners began in its first week.
	const from = now - 42 * DAY + random() * 7 * DAY;
	return {
		quizzes: 0.25 + random() * 0.75,
		accuracy: 0.6 + random() * 0.38,
		reviews: random() * 0.3,
		stuckOn: random() < 0.12 ? Math.floor(random() * 12) : undefined,
		from,
		to: Math.max(to, from + DAY)
	};
}

/** An event before it has a time and an id: its kind, its details and where it happened. */
type Step = ProgressEvent extends infer E
	? E extends ProgressEvent
		? Omit<E, 'id' | 'at' | 'lesson' | 'module' | 'pathway'> & { place: LessonPlace }
		: never
	: never;

/**
 * One learner's `count` events, as their phone would have recorded them: lessons in order,
 * opened, often a quiz (an answer per question, then the attempt, retried after a fail),
 * then completed. How far `count` events take them depends on their habits: a learner who
 * skips quizzes gets much further than one who retakes them. Visits are spread over the
 * learner's weeks of activity, the events of one visit a minute apart.
 */
export function learnerEvents(
	seed: number,
	places: readonly LessonPlace[],
	count: number,
	now: number
): ProgressEvent[] {
	const random = seededRandom(seed);
	const my = habits(random, now);
	const visits: Step[][] = [];
	let total = 0;
	const add = (visit: Step[]) => {
		visits.push(visit);
		total += visit.length;
	};
	for (let index = 0; total < count; index++) {
		// Past the last lesson, a learner only goes back over earlier ones.
		const reviewing = index >= places.length;
		const place = places[reviewing ? Math.floor(random() * places.length) : index] as LessonPlace;
		if (!reviewing && index > 0 && random() < my.reviews) {
			add([{ type: 'lesson_opened', place: places[index - 1] as LessonPlace }]);
		}
		const visit: Step[] = [{ type: 'lesson_opened', place }];
		const stuck = my.stuckOn === index;
		if (stuck || random() < my.quizzes) {
			// A stuck learner tries three to five times; others give up after three fails at most.
			const attempts = stuck ? 3 + Math.floor(random() * 3) : 3;
			for (let attempt = 0; attempt < attempts; attempt++) {
				let correct = 0;
				for (let question = 0; question < QUESTIONS; question++) {
					// Stuck: right on at most two questions, so the attempt fails (pass is 70%).
					const right = random() < my.accuracy && (!stuck || correct < 2);
					if (right) correct += 1;
					visit.push({ type: 'quiz_answered', place, question, correct: right });
				}
				const passed = correct / QUESTIONS >= 0.7;
				visit.push({ type: 'quiz_completed', place, correct, total: QUESTIONS, passed });
				if (passed || (!stuck && random() < 0.4)) break;
			}
		}
		if (!stuck || random() < 0.5) visit.push({ type: 'lesson_completed', place });
		add(visit);
	}
	const events: ProgressEvent[] = [];
	const times = visits.map(() => my.from + random() * (my.to - my.from)).sort((a, b) => a - b);
	visits.forEach((visit, v) => {
		visit.forEach(({ place, ...step }, i) => {
			if (events.length >= count) return;
			const at = Math.min((times[v] as number) + i * 60_000, now);
			events.push({
				...step,
				...place,
				id: uuidv7({ msecs: at }),
				at: new Date(at).toISOString()
			} as ProgressEvent);
		});
	});
	return events;
}

const FIRST = [
	'Ailsa',
	'Callum',
	'Eilidh',
	'Fraser',
	'Isla',
	'Jamie',
	'Kirsty',
	'Lewis',
	'Morag',
	'Niamh',
	'Ross',
	'Shona',
	'Struan',
	'Catriona',
	'Euan',
	'Fiona',
	'Hamish',
	'Iona',
	'Kenneth',
	'Mhairi',
	'Rhona',
	'Ruaridh',
	'Skye',
	'Tam',
	'Aileen',
	'Duncan',
	'Elspeth',
	'Gregor',
	'Innes',
	'Lachlan',
	'Marsaili',
	'Murdo',
	'Oona',
	'Rory',
	'Seonaid',
	'Wallace',
	'Amira',
	'Bilal',
	'Zofia',
	'Tomasz'
];
const LAST = [
	'Campbell',
	'MacDonald',
	'Stewart',
	'Robertson',
	'Thomson',
	'Anderson',
	'Scott',
	'Murray',
	'MacLeod',
	'Reid',
	'Fraser',
	'Ross',
	'Paterson',
	'Morrison',
	'Henderson',
	'Duncan',
	'Ferguson',
	'Mackenzie',
	'Hamilton',
	'Graham',
	'Kerr',
	'Hunter',
	'Grant',
	'Sinclair',
	'McIntyre',
	'Kowalski',
	'Nowak',
	'Khan',
	'Ahmed',
	'Docherty'
];

/** `count` different full names, as a real class list has. */
export function learnerNames(seed: number, count: number): string[] {
	const random = seededRandom(seed);
	const names = new Set<string>();
	while (names.size < count) {
		const first = FIRST[Math.floor(random() * FIRST.length)];
		const last = LAST[Math.floor(random() * LAST.length)];
		names.add(`${first} ${last}`);
	}
	return [...names];
}

/** A PocketBase API call with fetch; throws with the server's message on anything but 2xx. */
export async function api<T>(
	url: string,
	path: string,
	options: { method?: string; token?: string; body?: unknown } = {}
): Promise<T> {
	const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
	const response = await fetch(`${url}${path}`, {
		method,
		headers: {
			...(options.token ? { Authorization: options.token } : {}),
			...(options.body === undefined ? {} : { 'Content-Type': 'application/json' })
		},
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	const answer = (await response.json().catch(() => ({}))) as T & {
		message?: string;
		data?: unknown;
	};
	if (!response.ok) {
		throw new Error(
			`${method} ${path}: ${response.status} ${answer.message ?? ''} ${JSON.stringify(answer.data ?? {})}`
		);
	}
	return answer;
}

/** Runs `work` on every item, `workers` at a time. */
export async function inParallel<T>(
	items: readonly T[],
	workers: number,
	work: (item: T, index: number) => Promise<void>
): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: workers }, async () => {
			while (next < items.length) {
				const index = next++;
				await work(items[index] as T, index);
			}
		})
	);
}

export interface Account {
	id: string;
	email: string;
	name: string;
	token: string;
}

export interface Member extends Account {
	events: ProgressEvent[];
}

export interface TutorSide {
	tutor: Account;
	password: string;
	big: { id: string; code: string };
	small: { id: string; code: string };
	/** Wall-clock ms of the publish. */
	publishMs: number;
}

export interface BenchCohorts extends TutorSide {
	big: TutorSide['big'] & { members: Member[] };
	small: TutorSide['small'] & { members: Member[] };
	/** Wall-clock ms of making the learners and their events. */
	learnersMs: number;
	workers: number;
}

// Long and unlike any common password, so the sign-up deny-list lets it through.
const PASSWORD = 'dashboard-bench-passphrase';

/**
 * The tutor's side, through the app's own API: the pathway published, a tutor (made by the
 * admin, as tutors are) who creates both cohorts through the record API.
 */
export async function setUpTutor(
	url: string,
	adminToken: string,
	sizes: { learners: number; small: number }
): Promise<TutorSide> {
	const started = performance.now();
	await publishWithBenchPathway(url, adminToken, true);
	const publishMs = performance.now() - started;
	const tutor = await account(
		url,
		adminToken,
		'tutor',
		'dashboard-tutor@example.org',
		'Morag Tutor'
	);
	const cohort = async (name: string) => {
		const record = await api<{ id: string; join_code: string }>(
			url,
			'/api/collections/cohorts/records',
			{ token: tutor.token, body: { name, pathway: PATHWAY, tutor: tutor.id } }
		);
		return { id: record.id, code: record.join_code };
	};
	return {
		tutor,
		password: PASSWORD,
		big: await cohort(`Evening class, all centres (${sizes.learners})`),
		small: await cohort(`Tuesday evening class (${sizes.small})`),
		publishMs
	};
}

/**
 * `learners` learners who each join the big cohort with its code (the first `small` also the
 * small one) and push `eventsEach` events in one batch, through the app's routes, `workers` at
 * a time. Their accounts are made in one request by the benchmark hook (makeAccounts):
 * through sign-up and sign-in, PocketBase's bcrypt made this take minutes.
 */
export async function addLearners(
	url: string,
	adminToken: string,
	side: TutorSide,
	sizes: { learners: number; small: number; eventsEach: number; seed: number; workers: number }
): Promise<BenchCohorts> {
	const started = performance.now();
	const now = Date.now();
	const places = pathwayLessons();
	const names = learnerNames(sizes.seed, sizes.learners);
	const accounts = await makeAccounts(url, adminToken, {
		prefix: `dashboard-learner-${Date.now()}`,
		count: sizes.learners,
		names
	});
	const members: Member[] = [];
	await inParallel(accounts, sizes.workers, async (learner, index) => {
		const codes = index < sizes.small ? [side.big.code, side.small.code] : [side.big.code];
		for (const code of codes) {
			await api(url, '/api/clyde/cohorts/join', { token: learner.token, body: { code } });
		}
		const events = learnerEvents(sizes.seed * 100_000 + index, places, sizes.eventsEach, now);
		await api(url, '/api/clyde/sync/push', { token: learner.token, body: { events } });
		members[index] = { ...learner, events };
		if ((index + 1) % 100 === 0)
			console.log(`dashboard: ${index + 1} of ${names.length} learners set up`);
	});
	return {
		...side,
		big: { ...side.big, members },
		small: { ...side.small, members: members.slice(0, sizes.small) },
		learnersMs: performance.now() - started,
		workers: sizes.workers
	};
}

/** The benchmarks' own hook (never deployed), which makes accounts in bulk: see its comment. */
export const BENCH_HOOK = resolve(import.meta.dirname, 'hooks/bench-accounts.pb.js');

/**
 * `count` accounts with the given role, each with an auth token as if signed in, made in one
 * request by the benchmark hook (the server must have it: see BENCH_HOOK). Their password is
 * PASSWORD.
 */
export async function makeAccounts(
	url: string,
	adminToken: string,
	options: { prefix: string; count: number; role?: 'learner' | 'tutor'; names?: string[] }
): Promise<Account[]> {
	const answer = await api<{ accounts: { id: string; email: string; token: string }[] }>(
		url,
		'/api/bench/accounts',
		{ token: adminToken, body: { ...options, password: PASSWORD } }
	);
	return answer.accounts.map((a, i) => ({ ...a, name: options.names?.[i] ?? `Learner ${i}` }));
}

/** An account made by the admin, signed in as the app signs in. */
async function account(
	url: string,
	adminToken: string,
	role: 'learner' | 'tutor',
	email: string,
	name: string
): Promise<Account> {
	await api(url, '/api/collections/users/records', {
		token: adminToken,
		body: { email, name, role, password: PASSWORD, passwordConfirm: PASSWORD }
	});
	const auth = await api<{ token: string; record: { id: string } }>(
		url,
		'/api/collections/users/auth-with-password',
		{ body: { identity: email, password: PASSWORD } }
	);
	return { id: auth.record.id, email, name, token: auth.token };
}
