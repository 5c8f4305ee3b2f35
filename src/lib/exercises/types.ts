/**
 * An exercise as it is written in a ```exercise block and published: instructions, starter files,
 * checks (data, never code from the lesson), hints and a model solution. docs/authoring.md.
 */

/** The files of a learner's page; any may be absent (then it is empty). */
export interface ExerciseFiles {
	'index.html'?: string;
	'style.css'?: string;
	'script.js'?: string;
}

export type FileName = keyof ExerciseFiles;

export const FILE_NAMES: readonly FileName[] = ['index.html', 'style.css', 'script.js'];

/** A check that looks at the page as it is. */
export type StateCheck =
	| { type: 'selector-exists'; selector: string; count?: number; message: string }
	| { type: 'text-equals'; selector: string; text: string; message: string }
	| { type: 'text-contains'; selector: string; text: string; message: string }
	| { type: 'attribute-present'; selector: string; attribute: string; message: string }
	| {
			type: 'attribute-equals';
			selector: string;
			attribute: string;
			value: string;
			message: string;
	  }
	| { type: 'style-equals'; selector: string; property: string; value: string; message: string }
	| { type: 'label-for-input'; selector: string; message: string };

/** A check that clicks first: `click-adds` counts what appears, `after-click` asks a state check. */
export type ActionCheck =
	| { type: 'click-adds'; click: string; selector: string; message: string }
	| { type: 'after-click'; click: string; then: StateCheck; message: string };

export type Check = StateCheck | ActionCheck;

export type CheckType = Check['type'];

export const CHECK_TYPES: readonly CheckType[] = [
	'selector-exists',
	'text-equals',
	'text-contains',
	'attribute-present',
	'attribute-equals',
	'style-equals',
	'label-for-input',
	'click-adds',
	'after-click'
];

export interface Exercise {
	/** Unique in its lesson: drafts and progress are kept under it. */
	id: string;
	title: string;
	/** Sanitised HTML, rendered from the block's Markdown at publish time. */
	instructionsHtml: string;
	starter: ExerciseFiles;
	checks: Check[];
	hints: string[];
	solution: ExerciseFiles;
}

/** One check's outcome: its index in `checks`, whether it passed, and why not. */
export interface CheckResult {
	index: number;
	passed: boolean;
	message?: string;
}
