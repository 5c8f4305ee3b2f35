import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SKILL_STATEMENTS } from '../src/lib/skills/edsf';
import { ROOT } from './config';
import { runMain } from './user-error';

/**
 * Writes the EDSF statements' words, by code, where the server's hooks can read them
 * (pb_hooks/lib/edsf-statements.json): a badge names each statement it aligns to in words, not
 * only by code. PocketBase's engine cannot import the TypeScript list, so this copy is generated
 * and a spec (src/lib/skills/edsf-json.spec.ts) fails when it is out of date.
 *
 *   npx tsx scripts/edsf-json.ts
 */
const EDSF_JSON = resolve(ROOT, 'pb_hooks/lib/edsf-statements.json');

function edsfJson(): string {
	const words = Object.fromEntries(SKILL_STATEMENTS.map((s) => [s.code, s.text]));
	return `${JSON.stringify(words, null, '\t')}\n`;
}

async function main(): Promise<void> {
	await writeFile(EDSF_JSON, edsfJson());
	console.log(`wrote ${EDSF_JSON}`);
}

runMain(main);
