import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import type { Catalog, CatalogPathway } from '../src/lib/content/catalog-types';
import type { ProgressEvent, QuizCompleted } from '../src/lib/progress/event-types';
import { launchChromium, type LaunchedBrowser } from './browser/chromium';
import { ROOT } from './config';
import { DEMO_ACCOUNTS } from './seed/demo-accounts';
import { runMain, UserError } from './user-error';

/**
 * Screenshots of every learner and tutor screen, for docs/screens/ and for looking at a change
 * to the styles before and after. Runs against a server started with `npm start` (demo accounts
 * on), which it first gives a small cohort through the app's own API:
 *
 *   CLYDE_URL=http://127.0.0.1:8090 ADMIN_EMAIL=… ADMIN_PASSWORD=… npx tsx scripts/screens.ts [out] [--only quiz,tutor-cohort]
 *
 * Files are `<screen>-<width>-<theme>.png`; learner screens at 360 px, tutor screens at 360 and
 * 1024 px (the cohort's dashboard also at 768 and 1280), each in light and dark, and a few
 * learner screens in high contrast (`-contrast`) and at 200% text (`-200`). `--only` takes the
 * screens whose names start with one of the words given.
 * The badge screens (`--only badge,verify`) are shot as a learner of the demo cohort who finished
 * its pathway, and the certificate as printed on A4 (`badge-certificate-a4-print`).
 */

const PATHWAY = 'digital-essentials';
const LESSON = '/pathways/digital-essentials/staying-safe/strong-passwords';
const LAST_LESSON = '/pathways/digital-essentials/services-and-rights/your-data-rights';
const THEMES = ['light', 'dark'] as const;
const HEIGHT = 800;
const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'screens-demo-passphrase';

type Theme = (typeof THEMES)[number] | 'contrast';

interface Shot {
	name: string;
	/** Opens the screen in the state to show; the page's theme is already set. */
	open(page: Page): Promise<void>;
}

async function main(): Promise<void> {
	const url = process.env.CLYDE_URL ?? 'http://127.0.0.1:8090';
	const args = process.argv.slice(2);
	const onlyAt = args.indexOf('--only');
	const only = onlyAt === -1 ? undefined : (args.splice(onlyAt, 2)[1] ?? '').split(',');
	const out = resolve(args[0] ?? join(ROOT, 'docs/screens'));
	const pick = (shots: Shot[]) =>
		only ? shots.filter((shot) => only.some((word) => shot.name.startsWith(word))) : shots;
	const email = process.env.ADMIN_EMAIL;
	const password = process.env.ADMIN_PASSWORD;
	if (!email || !password) throw new UserError('set ADMIN_EMAIL and ADMIN_PASSWORD');
	await mkdir(out, { recursive: true });
	const cohort = await seedCohort(url, email, password, 'Tuesday class', CLASS, DAY);
	// Everyone's work on one day: the chart must still draw a line.
	const workshop = await seedCohort(
		url,
		email,
		password,
		'Saturday workshop',
		WORKSHOP,
		20 * 60_000
	);

	const learner = DEMO_ACCOUNTS.find((a) => a.role === 'learner');
	const tutor = DEMO_ACCOUNTS.find((a) => a.role === 'tutor');
	if (!learner || !tutor) throw new Error('the demo accounts have no learner or tutor');

	await shoot(url, out, [360], null, pick(learnerShots(url)));
	await shoot(url, out, [360], learner, pick(signedInLearnerShots(url, cohort.code)));
	await shoot(url, out, [360], learner, pick(extraShots(url)), [
		{ theme: 'contrast', textSize: 100, suffix: 'contrast' },
		{ theme: 'light', textSize: 200, suffix: 'light-200' }
	]);
	const tutorScreens = pick(tutorShots(url, cohort.id, workshop.id));
	// Only at tablet and laptop widths: the one-day chart and the grid scrolled sideways.
	const wideOnly = (shot: Shot) =>
		['tutor-cohort-one-day', 'tutor-cohort-scrolled'].includes(shot.name);
	await shoot(
		url,
		out,
		[360, 1024],
		tutor,
		tutorScreens.filter((shot) => !wideOnly(shot))
	);
	await shoot(
		url,
		out,
		[768, 1280],
		tutor,
		tutorScreens.filter((shot) => shot.name.startsWith('tutor-cohort'))
	);
	// Isla has done every lesson of the demo cohort's pathway, so she can claim its badge.
	const finisher = { email: `screens-tuesday-class-${FINISHER}@example.org`, password: PASSWORD };
	await shoot(url, out, [360], finisher, pick(badgeShots(url)));
	await shoot(url, out, [360], finisher, pick(badgeShots(url).slice(1)), [
		{ theme: 'contrast', textSize: 100, suffix: 'contrast' }
	]);
	if (!only || only.some((word) => 'badge-certificate'.startsWith(word)))
		await shootCertificate(url, out, finisher);
}

interface Look {
	theme: Theme;
	textSize: number;
	/** The end of the file name: the theme, and the text size when not 100%. */
	suffix: string;
}

/**
 * Opens each shot in each look and width, in one fresh browser signed in as `account`. The
 * window is made as tall as the page before each shot, so the bottom tab bar sits at the bottom
 * of the picture, as it does on a phone, rather than over the middle of a long page.
 */
async function shoot(
	url: string,
	out: string,
	widths: number[],
	account: { email: string; password: string } | null,
	shots: Shot[],
	looks: Look[] = THEMES.map((theme) => ({ theme, textSize: 100, suffix: theme }))
): Promise<void> {
	if (shots.length === 0) return;
	const browser: LaunchedBrowser = await launchChromium({
		viewport: { width: 360, height: HEIGHT }
	});
	try {
		const page = await browser.context.newPage();
		await page.goto(`${url}/account`);
		if (account) await signIn(page, account.email, account.password);
		for (const width of widths) {
			for (const look of looks) {
				for (const shot of shots) {
					await page.setViewportSize({ width, height: HEIGHT });
					await setLook(page, look);
					await shot.open(page);
					await page.waitForLoadState('networkidle');
					const height = await page.evaluate(() => document.documentElement.scrollHeight);
					await page.setViewportSize({ width, height: Math.max(HEIGHT, height) });
					const file = join(out, `${shot.name}-${width}-${look.suffix}.png`);
					await page.screenshot({ path: file, animations: 'disabled' });
					console.log(file);
				}
			}
		}
	} finally {
		await browser.close();
	}
}

async function setLook(page: Page, look: Look): Promise<void> {
	await page.evaluate(
		([theme, textSize]) => {
			const saved = JSON.parse(localStorage.getItem('clyde-settings') ?? '{}') as object;
			localStorage.setItem('clyde-settings', JSON.stringify({ ...saved, theme, textSize }));
		},
		[look.theme, look.textSize] as const
	);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).last().click();
	await page.getByText(/^Signed in as/).waitFor();
}

async function heading(page: Page, path: string, name: string | RegExp): Promise<void> {
	await page.goto(`${path}`);
	await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Shots of a phone that has never been used: the first visit, and screens for anyone. */
function learnerShots(url: string): Shot[] {
	return [
		{ name: 'home-first-visit', open: (p) => heading(p, `${url}/`, 'Welcome to Clyde') },
		{ name: 'account-signed-out', open: (p) => heading(p, `${url}/account`, 'Your account') },
		{
			name: 'join-signed-out',
			open: (p) => heading(p, `${url}/join?code=ABCD2345`, 'Join a class')
		},
		{
			name: 'lesson-not-on-phone',
			open: async (p) => {
				await heading(p, `${url}/`, 'Welcome to Clyde');
				await p.context().setOffline(true);
				await p.evaluate(() => window.dispatchEvent(new Event('offline')));
				await p.getByRole('link', { name: 'Start Digital Essentials' }).click();
				await p.getByRole('heading', { name: 'This lesson is not on your phone yet' }).waitFor();
			}
		},
		{
			name: 'not-found',
			open: async (p) => {
				await p.context().setOffline(false);
				await heading(p, `${url}/no/such/page`, 'Page not found');
			}
		}
	];
}

/** Home, waiting for the demo learner's progress (pulled from the server) to show. */
async function home(p: Page, url: string): Promise<void> {
	await heading(p, `${url}/`, 'Your learning');
	await p.getByRole('link', { name: /^Continue:/ }).waitFor();
	await p.getByRole('heading', { name: 'This week' }).waitFor();
}

function signedInLearnerShots(url: string, code: string): Shot[] {
	const quiz = `${url}${LESSON}/quiz`;
	return [
		{ name: 'home', open: (p) => home(p, url) },
		{
			name: 'home-offline',
			open: async (p) => {
				await home(p, url);
				await p.context().setOffline(true);
				await p.getByText('Offline', { exact: true }).waitFor();
			}
		},
		{
			name: 'pathway',
			open: async (p) => {
				await p.context().setOffline(false);
				await heading(p, `${url}/pathways/${PATHWAY}`, 'Digital Essentials');
			}
		},
		{
			name: 'module',
			open: (p) => heading(p, `${url}/pathways/${PATHWAY}/staying-safe`, 'Staying safe online')
		},
		{ name: 'lesson', open: (p) => heading(p, `${url}${LESSON}`, 'Strong passwords') },
		{ name: 'quiz-question', open: (p) => heading(p, quiz, 'Quiz: Strong passwords') },
		{
			name: 'lesson-last',
			open: async (p) => {
				await heading(p, `${url}${LAST_LESSON}`, 'Your data rights');
				await p.getByRole('link', { name: 'Finish Digital Essentials' }).waitFor();
			}
		},
		{
			name: 'quiz-missing-answer',
			open: async (p) => {
				await heading(p, quiz, 'Quiz: Strong passwords');
				await p.getByRole('button', { name: 'Check answer' }).click();
				await p.getByRole('alert').waitFor();
			}
		},
		{
			name: 'quiz-wrong',
			open: async (p) => {
				await heading(p, quiz, 'Quiz: Strong passwords');
				const form = p.locator('main form');
				// The strongest password is never the first option in the bundled quiz.
				await form.getByRole('radio').first().check();
				await p.getByRole('button', { name: 'Check answer' }).click();
				await p.getByRole('button', { name: 'Next question' }).waitFor();
			}
		},
		{
			name: 'quiz-right',
			open: async (p) => {
				await heading(p, quiz, 'Quiz: Strong passwords');
				await p.locator('main form').getByRole('radio').nth(1).check();
				await p.getByRole('button', { name: 'Check answer' }).click();
				await p.getByRole('button', { name: 'Next question' }).waitFor();
			}
		},
		{
			// Two of the three right options ticked, and a wrong one: the third is "Right answer".
			name: 'quiz-wrong-multiple',
			open: async (p) => {
				await heading(p, quiz, 'Quiz: Strong passwords');
				const form = p.locator('main form');
				await form.getByRole('radio').nth(1).check();
				await p.getByRole('button', { name: 'Check answer' }).click();
				await p.getByRole('button', { name: 'Next question' }).click();
				await form.getByRole('radio').nth(1).check();
				await p.getByRole('button', { name: 'Check answer' }).click();
				await p.getByRole('button', { name: 'Next question' }).click();
				for (const i of [0, 1, 3]) await form.getByRole('checkbox').nth(i).check();
				await p.getByRole('button', { name: 'Check answer' }).click();
				await p.getByRole('button', { name: 'Next question' }).waitFor();
			}
		},
		{
			name: 'quiz-result-pass',
			open: async (p) => {
				await heading(p, quiz, 'Quiz: Strong passwords');
				await answerStrongPasswords(p, [false, true, true, true]);
				await p.getByText('Well done! You passed.').waitFor();
			}
		},
		{
			name: 'quiz-result-fail',
			open: async (p) => {
				await heading(p, quiz, 'Quiz: Strong passwords');
				await answerStrongPasswords(p, [false, false, false, true]);
			}
		},
		{
			name: 'pathway-complete',
			open: (p) => heading(p, `${url}/pathways/${PATHWAY}/complete`, /Digital Essentials$/)
		},
		{
			name: 'progress',
			open: async (p) => {
				await heading(p, `${url}/progress`, 'Your progress');
				await p.getByRole('heading', { name: 'This week' }).waitFor();
			}
		},
		{
			name: 'skills',
			open: async (p) => {
				await heading(p, `${url}/progress/skills`, 'Your skills');
				await p.getByText(/^You have (learned|started)/).waitFor();
			}
		},
		{ name: 'settings', open: (p) => heading(p, `${url}/settings`, 'Settings') },
		{
			name: 'account',
			open: async (p) => {
				await heading(p, `${url}/account`, 'Your account');
				await p.getByText(/sent to your tutor/).waitFor();
				await p.getByRole('button', { name: /^Leave/ }).click();
				await p.getByRole('button', { name: 'Stay in the class' }).waitFor();
			}
		},
		{
			name: 'join',
			open: async (p) => {
				await heading(p, `${url}/join?code=${code}`, 'Join a class');
				await p.getByRole('heading', { level: 2, name: 'Tuesday class' }).waitFor();
			}
		}
	];
}

/** A few screens again in high contrast and at 200% text. */
function extraShots(url: string): Shot[] {
	return [
		{ name: 'home', open: (p) => home(p, url) },
		{ name: 'lesson', open: (p) => heading(p, `${url}${LESSON}`, 'Strong passwords') },
		{ name: 'settings', open: (p) => heading(p, `${url}/settings`, 'Settings') }
	];
}

/**
 * The bundled "Strong passwords" quiz, answered right or wrong question by question: a single
 * choice (right: the second option), a true-false (False), a multiple choice (the first three)
 * and a single choice (the first).
 */
async function answerStrongPasswords(page: Page, rights: boolean[]): Promise<void> {
	const form = () => page.locator('main form');
	const check = async () => {
		await page.getByRole('button', { name: 'Check answer' }).click();
		await page.getByRole('button', { name: /^(Next question|See your result)$/ }).click();
	};
	const radio = (i: number) => form().getByRole('radio').nth(i).check();
	await radio(rights[0] ? 1 : 0);
	await check();
	await radio(rights[1] ? 1 : 0);
	await check();
	for (const i of rights[2] ? [0, 1, 2] : [0, 3]) await form().getByRole('checkbox').nth(i).check();
	await check();
	await radio(rights[3] ? 0 : 1);
	await check();
	await page.getByRole('heading', { name: 'Your result' }).waitFor();
}

function tutorShots(url: string, cohort: string, workshop: string): Shot[] {
	return [
		{
			name: 'tutor-cohorts',
			open: async (p) => {
				await heading(p, `${url}/tutor`, 'Your cohorts');
				await p.getByRole('link', { name: 'Tuesday class' }).waitFor();
			}
		},
		{
			name: 'tutor-cohort',
			open: async (p) => {
				await heading(p, `${url}/tutor/${cohort}`, 'Tuesday class');
				await p.getByText(/^Live: updates/).waitFor();
			}
		},
		{
			// The grid scrolled to its last lesson: the names stay in view.
			name: 'tutor-cohort-scrolled',
			open: async (p) => {
				await heading(p, `${url}/tutor/${cohort}`, 'Tuesday class');
				await p.getByText(/^Live: updates/).waitFor();
				await p
					.getByRole('region', { name: 'Learners and lessons' })
					.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
			}
		},
		{
			name: 'tutor-cohort-one-day',
			open: async (p) => {
				await heading(p, `${url}/tutor/${workshop}`, 'Saturday workshop');
				await p.getByText(/^Live: updates/).waitFor();
			}
		},
		{
			name: 'tutor-projector',
			open: async (p) => {
				await heading(p, `${url}/tutor/${cohort}`, 'Tuesday class');
				await p.getByRole('button', { name: 'Show on a projector' }).click();
				await p.getByRole('heading', { name: 'Join this cohort' }).waitFor();
			}
		},
		{
			name: 'tutor-learner',
			open: async (p) => {
				await heading(p, `${url}/tutor/${cohort}`, 'Tuesday class');
				await p.getByRole('link', { name: 'Callum Reid' }).click();
				await p.getByRole('heading', { level: 1, name: 'Callum Reid' }).waitFor();
			}
		}
	];
}

/** A quiz failed again and again: on which lesson (index), how often, and how many right. */
interface Stuck {
	lesson: number;
	attempts: number;
	correct: number;
}

/** How far a learner of a demo cohort got, and how. */
interface Member {
	name: string;
	done: number;
	stuck?: Stuck;
	quietDays?: number;
}

/** Empties the phone's kept badges, so the badge screen offers to claim again. */
async function forgetBadges(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((done, failed) => {
				const open = indexedDB.open('clyde');
				open.onerror = () => failed(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('badges', 'readwrite');
					tx.objectStore('badges').clear();
					tx.oncomplete = () => {
						open.result.close();
						done();
					};
				};
			})
	);
}

/** The badge screens: claiming (the server gives back the same badge each time), it, checking it. */
function badgeShots(url: string): Shot[] {
	const badgePage = `${url}/pathways/${PATHWAY}/badge`;
	const credential = (p: Page) =>
		p.evaluate(
			() =>
				new Promise<string>((done) => {
					const open = indexedDB.open('clyde');
					open.onsuccess = () => {
						const get = open.result.transaction('badges').objectStore('badges').getAll();
						get.onsuccess = () => done((get.result[0] as { credential: string }).credential);
					};
				})
		);
	const verify = async (p: Page, change: (jws: string) => string) => {
		const jws = await credential(p);
		await heading(p, `${url}/verify`, 'Check a badge');
		await p.getByLabel('Or paste the badge').fill(change(jws));
		await p.getByRole('button', { name: 'Check badge' }).click();
		await p.getByRole('heading', { level: 2 }).first().waitFor();
	};
	return [
		{
			name: 'badge-claim',
			open: async (p) => {
				await heading(p, badgePage, /Digital Essentials badge/);
				await forgetBadges(p);
				await heading(p, badgePage, 'Get your Digital Essentials badge');
			}
		},
		{
			name: 'badge',
			open: async (p) => {
				await heading(p, badgePage, /Digital Essentials badge/);
				// The claim button comes after the page's heading: wait for it or for the badge.
				const claim = p.getByRole('button', { name: 'Get my badge' });
				const badge = p.getByRole('heading', {
					level: 1,
					name: 'Your Digital Essentials badge',
					exact: true
				});
				await claim.or(badge).first().waitFor();
				if (await claim.isVisible()) await claim.click();
				await badge.waitFor();
			}
		},
		{
			name: 'verify-valid',
			open: (p) => verify(p, (jws) => jws)
		},
		{
			name: 'verify-tampered',
			open: (p) =>
				verify(p, (jws) =>
					jws.replace(/\.(.{20})(.)/, (_, a: string, b: string) => `.${a}${b === 'A' ? 'B' : 'A'}`)
				)
		}
	];
}

/** The certificate as printed on A4 (210 mm at 96 dpi is 794 px). */
async function shootCertificate(
	url: string,
	out: string,
	account: { email: string; password: string }
): Promise<void> {
	const browser = await launchChromium({ viewport: { width: 794, height: 1123 } });
	try {
		const page = await browser.context.newPage();
		await page.goto(`${url}/account`);
		await signIn(page, account.email, account.password);
		await setLook(page, { theme: 'light', textSize: 100, suffix: 'light' });
		const badgePage = `${url}/pathways/${PATHWAY}/badge`;
		await heading(page, badgePage, /Digital Essentials badge/);
		const claim = page.getByRole('button', { name: 'Get my badge' });
		if (await claim.count()) await claim.click();
		await page
			.getByRole('heading', { level: 1, name: 'Your Digital Essentials badge', exact: true })
			.waitFor();
		await page.emulateMedia({ media: 'print' });
		const file = join(out, 'badge-certificate-a4-print.png');
		await page.screenshot({ path: file, fullPage: true });
		console.log(file);
	} finally {
		await browser.close();
	}
}

/** How far each learner of the demo cohort got, and how. */
const CLASS: Member[] = [
	{ name: 'Ailsa Campbell', done: 12 },
	{ name: 'Callum Reid', done: 5, stuck: { lesson: 5, attempts: 3, correct: 1 } },
	{ name: 'Eilidh Stewart', done: 9 },
	{ name: 'Fraser Khan', done: 2, quietDays: 12 },
	{ name: 'Isla Nowak', done: 15 },
	{ name: 'Jamie Docherty', done: 0 },
	// Twice at 0%: flagged after two attempts, not three.
	{ name: 'Morag Fraser', done: 3, stuck: { lesson: 3, attempts: 2, correct: 0 } }
];

/** A one-day workshop: everything happened today. */
const WORKSHOP: Member[] = [
	{ name: 'Ruaridh Bell', done: 4 },
	{ name: 'Shona Ali', done: 2 },
	{ name: 'Tam McLeod', done: 1, stuck: { lesson: 1, attempts: 2, correct: 0 } }
];

/** The learner of CLASS who has done every lesson (Isla Nowak). */
const FINISHER = 4;

/**
 * A cohort of the demo tutor on Digital Essentials, with its learners (and the demo learner in
 * the first one), each with their events pushed through the sync route, `gap` apart. Made once
 * per data dir.
 */
async function seedCohort(
	url: string,
	adminEmail: string,
	adminPassword: string,
	name: string,
	members: Member[],
	gap: number
) {
	const admin = await api<{ token: string }>(url, '/api/admins/auth-with-password', {
		body: { identity: adminEmail, password: adminPassword }
	});
	const demoTutor = DEMO_ACCOUNTS.find((a) => a.role === 'tutor');
	const demoLearner = DEMO_ACCOUNTS.find((a) => a.role === 'learner');
	if (!demoTutor || !demoLearner) throw new Error('the demo accounts have no learner or tutor');
	const tutor = await signInApi(url, demoTutor.email, demoTutor.password);
	const existing = await api<{ items: { id: string; join_code: string }[] }>(
		url,
		`/api/collections/cohorts/records?filter=${encodeURIComponent(`name='${name}'`)}`,
		{ token: tutor.token }
	);
	const made = existing.items[0];
	if (made) return { id: made.id, code: made.join_code };

	const catalog = await api<Catalog>(url, '/api/clyde/catalog');
	const pathway = catalog.pathways.find((p) => p.id === PATHWAY);
	if (!pathway) throw new UserError(`the server has no "${PATHWAY}" pathway: publish content/`);
	const cohort = await api<{ id: string; join_code: string }>(
		url,
		'/api/collections/cohorts/records',
		{ token: tutor.token, body: { name, pathway: PATHWAY, tutor: tutor.id } }
	);
	const now = Date.now();
	const slug = name.toLowerCase().replace(/\W+/g, '-');
	const learners = [
		...members.map((c, i) => ({
			...c,
			email: `screens-${slug}-${i}@example.org`,
			password: PASSWORD
		})),
		...(members === CLASS
			? [
					{
						name: demoLearner.name,
						done: 6,
						email: demoLearner.email,
						password: demoLearner.password
					}
				]
			: [])
	];
	for (const learner of learners) {
		if (learner.email !== demoLearner.email) {
			await api(url, '/api/collections/users/records', {
				token: admin.token,
				body: {
					email: learner.email,
					name: learner.name,
					role: 'learner',
					password: learner.password,
					passwordConfirm: learner.password
				}
			});
		}
		const session = await signInApi(url, learner.email, learner.password);
		await api(url, '/api/clyde/cohorts/join', {
			token: session.token,
			body: { code: cohort.join_code }
		});
		const end = now - (learner.quietDays ?? 0) * DAY;
		const events = studied(pathway, learner.done, learner.stuck, end, gap);
		if (events.length) {
			await api(url, '/api/clyde/sync/push', { token: session.token, body: { events } });
		}
	}
	return { id: cohort.id, code: cohort.join_code };
}

/** An event without its place, id and time. */
type Step =
	| { type: 'lesson_opened' | 'lesson_completed' }
	| Omit<QuizCompleted, 'id' | 'at' | 'lesson' | 'module' | 'pathway'>;

/**
 * Events for the first `done` lessons, `gap` apart up to `end`, then the next lesson opened;
 * every other quiz passed, or the quiz of lesson `stuck.lesson` failed `stuck.attempts` times.
 */
function studied(
	pathway: CatalogPathway,
	done: number,
	stuck: Stuck | undefined,
	end: number,
	gap: number
): ProgressEvent[] {
	const places = pathway.modules.flatMap((m) =>
		m.lessons.map((l) => ({ lesson: l.id, module: m.id, pathway: pathway.id }))
	);
	const events: ProgressEvent[] = [];
	const last = stuck === undefined ? done + 1 : stuck.lesson + 1;
	places.slice(0, last).forEach((place, i) => {
		let at = end - (last - i) * gap;
		const event = (e: Step) => {
			at += 60_000;
			const stamped = { ...place, ...e, id: uuidv7({ msecs: at }), at: new Date(at).toISOString() };
			events.push(stamped as ProgressEvent);
		};
		event({ type: 'lesson_opened' });
		if (i === done && stuck === undefined) return;
		if (i === stuck?.lesson) {
			for (let attempt = 0; attempt < stuck.attempts; attempt++) {
				event({ type: 'quiz_completed', correct: stuck.correct, total: 4, passed: false });
			}
			return;
		}
		if (i % 2 === 0) event({ type: 'quiz_completed', correct: 4, total: 4, passed: true });
		event({ type: 'lesson_completed' });
	});
	return events;
}

async function signInApi(url: string, identity: string, password: string) {
	const auth = await api<{ token: string; record: { id: string } }>(
		url,
		'/api/collections/users/auth-with-password',
		{ body: { identity, password } }
	);
	return { token: auth.token, id: auth.record.id };
}

async function api<T>(
	url: string,
	path: string,
	options: { token?: string; body?: unknown } = {}
): Promise<T> {
	const response = await fetch(`${url}${path}`, {
		method: options.body === undefined ? 'GET' : 'POST',
		headers: {
			...(options.token ? { Authorization: options.token } : {}),
			...(options.body === undefined ? {} : { 'Content-Type': 'application/json' })
		},
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	const answer = (await response.json().catch(() => ({}))) as T & { message?: string };
	if (!response.ok) throw new Error(`${path}: ${response.status} ${answer.message ?? ''}`);
	return answer;
}

runMain(main);
