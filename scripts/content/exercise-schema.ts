import { z } from 'zod';
import { CHECK_TYPES } from '../../src/lib/exercises/types';

// The YAML of a ```exercise block (docs/authoring.md). Messages are for editors; zod's path
// becomes a line and column in yaml-block.ts.

const text = (max: number) =>
	z
		.string({ error: 'must be text' })
		.trim()
		.min(1, { error: 'must not be empty' })
		.max(max, { error: `must be at most ${max} characters` });

const code = z
	.string({
		error: 'must be the file\'s text: write "|" after the name, then the code indented below'
	})
	.max(20_000, { error: 'must be at most 20,000 characters' });

const files = z
	.strictObject(
		{ 'index.html': code.optional(), 'style.css': code.optional(), 'script.js': code.optional() },
		{ error: 'must list files by name: index.html, style.css, script.js' }
	)
	.refine((f) => Object.keys(f).length > 0, { error: 'needs at least one file' });

const selector = text(200);
const message = text(300);

const stateChecks = [
	z.strictObject({
		type: z.literal('selector-exists'),
		selector,
		count: z.number().int().min(1, { error: 'must be 1 or more' }).optional(),
		message
	}),
	z.strictObject({ type: z.literal('text-equals'), selector, text: text(300), message }),
	z.strictObject({ type: z.literal('text-contains'), selector, text: text(300), message }),
	z.strictObject({
		type: z.literal('attribute-present'),
		selector,
		attribute: text(60),
		message
	}),
	z.strictObject({
		type: z.literal('attribute-equals'),
		selector,
		attribute: text(60),
		value: z.string({ error: 'must be text' }).max(300),
		message
	}),
	z.strictObject({
		type: z.literal('style-equals'),
		selector,
		property: text(60).regex(/^-?[a-z][a-z-]*$/, {
			error: 'must be a CSS property in lower case, like "color" or "font-size"'
		}),
		value: text(200),
		message
	}),
	z.strictObject({ type: z.literal('label-for-input'), selector, message })
] as const;

const stateCheck = z.discriminatedUnion('type', [...stateChecks], {
	error: `after a click, "then" must be a check of one of the types ${CHECK_TYPES.slice(0, 7).join(', ')}`
});

const check = z.discriminatedUnion(
	'type',
	[
		...stateChecks,
		z.strictObject({ type: z.literal('click-adds'), click: selector, selector, message }),
		z.strictObject({ type: z.literal('after-click'), click: selector, then: stateCheck, message })
	],
	{ error: `must have a "type": one of ${CHECK_TYPES.join(', ')}` }
);

export const exerciseBlock = z.strictObject({
	id: z
		.string({ error: 'must be text' })
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
			error: 'must be lower-case letters, numbers and single hyphens, like "first-heading"'
		})
		.max(60, { error: 'must be at most 60 characters' }),
	title: text(80),
	instructions: text(3000),
	files,
	checks: z
		.array(check, { error: 'must be a list of checks' })
		.min(2, { error: 'needs at least two checks, so a learner is told more than pass or fail' }),
	hints: z.array(text(500), { error: 'must be a list of hints' }).optional(),
	solution: files
});

export type ExerciseBlock = z.infer<typeof exerciseBlock>;
