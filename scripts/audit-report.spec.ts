import { describe, expect, it } from 'vitest';
import { auditVerdict } from './audit-report';

const counts = (high: number, critical: number, moderate = 0) => ({
	info: 0,
	low: 0,
	moderate,
	high,
	critical,
	total: high + critical + moderate
});

describe('auditVerdict', () => {
	it('passes a clean report', () => {
		const verdict = auditVerdict(
			JSON.stringify({
				auditReportVersion: 2,
				vulnerabilities: {},
				metadata: { vulnerabilities: counts(0, 0) }
			})
		);
		expect(verdict).toEqual({
			exitCode: 0,
			lines: ['audit: production dependencies: 0 critical, 0 high, 0 moderate, 0 low']
		});
	});

	it('fails on a high finding and names the package and advisory', () => {
		const verdict = auditVerdict(
			JSON.stringify({
				vulnerabilities: {
					marked: {
						severity: 'high',
						via: [{ title: 'ReDoS in marked', url: 'https://example.org/advisory/1' }]
					},
					other: { severity: 'moderate', via: ['marked'] }
				},
				metadata: { vulnerabilities: counts(1, 0, 1) }
			})
		);
		expect(verdict.exitCode).toBe(1);
		expect(verdict.lines[1]).toBe(
			'  high: marked — ReDoS in marked https://example.org/advisory/1'
		);
		expect(verdict.lines).toHaveLength(2);
	});

	it('passes moderate findings (reported, not blocking)', () => {
		const verdict = auditVerdict(
			JSON.stringify({
				vulnerabilities: { x: { severity: 'moderate', via: [] } },
				metadata: { vulnerabilities: counts(0, 0, 1) }
			})
		);
		expect(verdict.exitCode).toBe(0);
	});

	it('warns in one line and passes when the advisory endpoint cannot be reached', () => {
		// What npm 11 prints on these machines.
		const unreachable = JSON.stringify({
			message:
				'405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
			statusCode: 405,
			error: { summary: '', detail: '' }
		});
		const verdict = auditVerdict(unreachable);
		expect(verdict.exitCode).toBe(0);
		expect(verdict.lines).toHaveLength(1);
		expect(verdict.lines[0]).toMatch(
			/^audit: WARNING: .*could not be reached, so no audit ran \(405 Method Not Allowed/
		);
		expect(auditVerdict('', false).exitCode).toBe(0);
		expect(auditVerdict(unreachable, true).exitCode).toBe(1);
	});
});
