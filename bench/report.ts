import type { BenchReport } from './benchmark';

/** Renders one benchmark's section of docs/benchmarks.md, between markers named by its id. */
export function renderSection(
	id: string,
	title: string,
	report: BenchReport,
	conditions: string
): string {
	const table = [
		`| ${report.headers.join(' | ')} |`,
		`| ${report.headers.map(() => '---').join(' | ')} |`,
		...report.rows.map((row) => `| ${row.join(' | ')} |`)
	].join('\n');
	return [
		`<!-- bench:${id} -->`,
		`### ${title}`,
		'',
		conditions,
		'',
		table,
		...(report.notes ? ['', report.notes] : []),
		`<!-- /bench:${id} -->`
	].join('\n');
}

/**
 * Replaces the section with this id in the document, or appends it: each run of a benchmark
 * keeps the others' figures and the prose around them.
 */
export function upsertSection(document: string, id: string, section: string): string {
	const pattern = new RegExp(`<!-- bench:${id} -->[\\s\\S]*?<!-- /bench:${id} -->`);
	if (pattern.test(document)) return document.replace(pattern, () => section);
	return `${document.trimEnd()}\n\n${section}\n`;
}
