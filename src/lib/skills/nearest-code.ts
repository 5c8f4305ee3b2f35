import { closestMatch } from 'leven';
import { SKILL_STATEMENTS } from './edsf';

const CODES = SKILL_STATEMENTS.map((s) => s.code);

/**
 * The statement code an editor most likely meant by `code`: the same code written in another
 * case or with a space for the hyphen ("com l1"), else the code fewest edits away.
 */
export function nearestSkillCode(code: string): string {
	const tidy = code
		.trim()
		.toUpperCase()
		.replace(/[\s_–—-]+/g, '-');
	return closestMatch(tidy, CODES) ?? (CODES[0] as string);
}
