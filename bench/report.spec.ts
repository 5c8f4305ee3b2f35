import { describe, expect, it } from 'vitest';
import { renderSection, upsertSection } from './report';

const report = {
	headers: ['measure', 'median'],
	rows: [['JS gzip', '40.0 KB']],
	notes: 'Goal met.'
};

describe('benchmark report sections', () => {
	it('renders a titled table between markers', () => {
		const section = renderSection('x', 'Title', report, 'Run on a test machine.');
		expect(section).toContain('<!-- bench:x -->\n### Title');
		expect(section).toContain('| JS gzip | 40.0 KB |');
		expect(section.endsWith('<!-- /bench:x -->')).toBe(true);
	});

	it('replaces only its own section and keeps the rest of the document', () => {
		const old = renderSection('x', 'Title', { ...report, rows: [['JS gzip', '99 KB']] }, 'old');
		const other = renderSection('y', 'Other', report, 'other');
		const doc = `# Benchmarks\n\nIntro.\n\n${old}\n\n${other}\n`;
		const updated = upsertSection(doc, 'x', renderSection('x', 'Title', report, 'new'));
		expect(updated).toContain('40.0 KB');
		expect(updated).not.toContain('99 KB');
		expect(updated).toContain('Intro.');
		expect(updated).toContain(other);
	});

	it('appends a section the document does not have yet', () => {
		const updated = upsertSection('# Benchmarks\n', 'z', 'SECTION');
		expect(updated).toBe('# Benchmarks\n\nSECTION\n');
	});
});
