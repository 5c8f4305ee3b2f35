import { HOOKS, requireHook } from '../pocketbase/require-hook';

/** One way an SVG breaks the picture contract: where (a character offset) and what, in words. */
export interface SvgProblem {
	offset: number;
	message: string;
}

/**
 * pb_hooks/lib/svg-contract.js, typed. The publish route runs the same code (with
 * `published`, on what the publish step wrote), so the checker and the server cannot disagree.
 */
const contract = requireHook(`${HOOKS}/lib/svg-contract.js`) as {
	/** Every problem of an SVG against the contract; none means it keeps it. */
	checkSvg(text: string, options?: { published?: boolean }): SvgProblem[];
	/** Why an element may not stand inside `parent` ('' at the root), or ''. */
	elementProblem(name: string, parent: string, isRoot: boolean): string;
	/** Why an attribute may not have this value, or ''. */
	attributeProblem(name: string, value: string, isRoot: boolean): string;
};

export const { checkSvg, elementProblem, attributeProblem } = contract;
