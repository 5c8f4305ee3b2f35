import { z } from 'zod';
import { QUESTION_TYPES } from '../../src/lib/content/types';
import { skillStatement } from '../../src/lib/skills/edsf';
import { nearestSkillCode } from '../../src/lib/skills/nearest-code';

// zod gives each problem a path into the YAML, which yaml-block.ts turns into a line and
// column; the messages below are written for editors, not developers.

const id = z
	.string({ error: 'must be text' })
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
		error: 'must be lower-case letters, numbers and single hyphens, like "de-strong-passwords"'
	})
	.min(3, { error: 'must be at least 3 characters' })
	.max(60, { error: 'must be at most 60 characters' });

const text = (max: number) =>
	z
		.string({ error: 'must be text' })
		.trim()
		.min(1, { error: 'must not be empty' })
		.max(max, { error: `must be at most ${max} characters` });

const outcomes = z.array(text(200), {
	error: 'must be a list, one outcome per line starting "- "'
});
const level = z.enum(['beginner', 'intermediate', 'advanced'], {
	error: 'must be beginner, intermediate or advanced'
});

// A lesson's Essential Digital Skills statements (src/lib/skills/edsf.ts). An unknown code is
// reported on its own line, with the code the editor most likely meant.
const skills = z
	.array(
		z.string({ error: 'must be a code, like COM-L1' }).superRefine((code, ctx) => {
			if (skillStatement(code)) return;
			const near = nearestSkillCode(code);
			ctx.addIssue({
				code: 'custom',
				message: `"${code}" is not an Essential Digital Skills code: did you mean "${near}" (${skillStatement(near)?.text})? The codes are listed in docs/skills-coverage.md`
			});
		}),
		{ error: 'must be a list of codes, like [COM-L1, SAFE-L2]' }
	)
	.min(1, { error: 'needs at least one code, or leave the field out' });

export const pathwayFrontmatter = z.strictObject({
	id,
	title: text(80),
	summary: text(200),
	level,
	outcomes: outcomes.min(1, { error: 'needs at least one outcome' })
});

export const moduleFrontmatter = z.strictObject({
	id,
	title: text(80),
	summary: text(200),
	outcomes: outcomes.optional()
});

export const lessonFrontmatter = z.strictObject({
	id,
	title: text(80),
	summary: text(200),
	minutes: z
		.number({ error: 'must be a whole number of minutes' })
		.int({ error: 'must be a whole number of minutes' })
		.min(1, { error: 'must be at least 1' })
		.max(120, { error: 'must be at most 120' }),
	level: level.optional(),
	outcomes: outcomes.min(1, { error: 'needs at least one outcome' }),
	skills: skills.optional()
});

/**
 * A lesson's translation ("01-passwords.pl.md"): the original's frontmatter with its words
 * translated, and `status`, the record of review (docs/translating.md). The fields that are
 * not words (id, minutes, level, skills) must be the original's: check-translation.ts says so.
 */
const status = z.string({ error: 'must be text' }).regex(/^(draft\b.*|reviewed by .+)$/, {
	error:
		'must be "draft" until a speaker of the language has reviewed the translation, then "reviewed by <name>, <date>"'
});
export const translationFrontmatter = lessonFrontmatter.extend({ status });

/** A pathway.md's or module.md's translation ("pathway.pl.md"): its words, and `status`. */
export const pathwayTranslationFrontmatter = pathwayFrontmatter.extend({ status });
export const moduleTranslationFrontmatter = moduleFrontmatter.extend({ status });

export type PathwayFrontmatter = z.infer<typeof pathwayFrontmatter>;
export type ModuleFrontmatter = z.infer<typeof moduleFrontmatter>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
export type TranslationFrontmatter = z.infer<typeof translationFrontmatter>;

const option = z.strictObject({
	text: text(300),
	correct: z.boolean({ error: 'must be true or false' }).optional(),
	feedback: text(500).optional()
});

const explanation = text(1000).optional();
const question = text(500);

const questionSchema = z.discriminatedUnion(
	'type',
	[
		z
			.strictObject({
				type: z.literal('single'),
				question,
				options: z.array(option).min(2, { error: 'needs at least two options' }),
				explanation
			})
			.superRefine((q, ctx) => {
				const correct = q.options.filter((o) => o.correct).length;
				if (correct !== 1) {
					ctx.addIssue({
						code: 'custom',
						path: ['options'],
						message:
							correct === 0
								? 'has no correct answer: add "correct: true" to the right option'
								: `has ${correct} correct answers, but a "single" question needs exactly one (use "type: multiple")`
					});
				}
			}),
		z
			.strictObject({
				type: z.literal('multiple'),
				question,
				options: z.array(option).min(2, { error: 'needs at least two options' }),
				explanation
			})
			.superRefine((q, ctx) => {
				if (!q.options.some((o) => o.correct)) {
					ctx.addIssue({
						code: 'custom',
						path: ['options'],
						message: 'has no correct answer: add "correct: true" to each right option'
					});
				}
			}),
		z.strictObject({
			type: z.literal('true-false'),
			question,
			answer: z.boolean({ error: 'must be true or false' }),
			feedback: z
				.strictObject({ true: text(500).optional(), false: text(500).optional() })
				.optional(),
			explanation
		}),
		z.strictObject({
			type: z.literal('text'),
			question,
			accept: z.array(text(200)).min(1, { error: 'needs at least one accepted answer' }),
			explanation
		}),
		z.strictObject({
			type: z.literal('order'),
			question,
			items: z
				.array(text(300))
				.min(2, { error: 'needs at least two items' })
				.refine((items) => new Set(items).size === items.length, {
					error: 'must not repeat an item: learners could not tell the copies apart'
				}),
			explanation
		})
	],
	{ error: `must be one of ${QUESTION_TYPES.join(', ')}` }
);

export const quizBlock = z.strictObject({
	pass: z
		.union([z.string(), z.number()])
		.optional()
		.transform((value, ctx) => {
			if (value === undefined) return 70;
			const match = /^\s*(\d{1,3})\s*%?\s*$/.exec(String(value));
			const percent = match ? Number(match[1]) : NaN;
			if (!(percent >= 1 && percent <= 100)) {
				ctx.addIssue({ code: 'custom', message: 'must be a percentage from 1% to 100%, like 70%' });
				return z.NEVER;
			}
			return percent;
		}),
	questions: z
		.array(questionSchema, { error: 'must be a list of questions' })
		.min(1, { error: 'needs at least one question' })
});

export type QuizBlock = z.infer<typeof quizBlock>;
