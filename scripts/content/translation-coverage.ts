import type { CompiledPathway } from './catalog';
import { TRANSLATION_LANGUAGES } from './translation-file';

/**
 * What `content:check` says of translations, as information (a missing translation is never an
 * error: the lesson is shown in English with a note): per pathway, how many lessons each
 * language has and how many of those are drafts, then the lessons not yet translated into a
 * language the pathway has begun.
 */
export function translationCoverage(pathways: CompiledPathway[]): string[] {
	const lines: string[] = [];
	for (const pathway of pathways) {
		const lessons = pathway.modules.flatMap((m) => m.lessons);
		// pathway.md and each module.md: their titles and introductions.
		const intros = [pathway, ...pathway.modules];
		if (!lessons.some((l) => l.translations) && !intros.some((i) => i.translations)) continue;
		const counts: string[] = [];
		const missing: string[] = [];
		const local = (file: string) => file.slice(file.indexOf('/') + 1);
		for (const language of TRANSLATION_LANGUAGES) {
			const have = lessons.filter((l) => l.translations?.[language]);
			const introsHave = intros.filter((i) => i.translations?.[language]);
			if (have.length === 0 && introsHave.length === 0) {
				counts.push(`${language} none`);
				continue;
			}
			const drafts = have.filter((l) => l.translations?.[language]?.status.startsWith('draft'));
			counts.push(
				`${language} ${have.length} of ${lessons.length}${drafts.length ? ` (${drafts.length} draft${drafts.length === 1 ? '' : 's'})` : ''}, titles ${introsHave.length} of ${intros.length}`
			);
			const rest = lessons.filter((l) => !l.translations?.[language]);
			if (rest.length) {
				const names = rest.map((l) => local(l.file));
				missing.push(`  info: not yet in ${language}: ${names.join(', ')}`);
			}
			const introsRest = intros.filter((i) => !i.translations?.[language]);
			if (introsRest.length) {
				const names = introsRest.map((i) => local(i.file));
				missing.push(`  info: titles not yet in ${language}: ${names.join(', ')}`);
			}
		}
		lines.push(`translations: ${pathway.file.split('/')[0]}: ${counts.join(', ')}`, ...missing);
	}
	return lines;
}
