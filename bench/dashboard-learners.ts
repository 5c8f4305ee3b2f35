import { v7 as uuidv7 } from 'uuid';
import type { ProgressEvent } from '../src/lib/progress/event-types';
import { seededRandom } from '../src/lib/random/seeded-random';
import { QUESTIONS, type LessonPlace } from './dashboard-pathway';

// The dashboard benchmark's learners, drawn from a seed: their names and the events their
// phones would have recorded over six weeks. Pure: no server, no clock of its own.

const DAY = 24 * 60 * 60 * 1000;

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
