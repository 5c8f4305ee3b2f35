/** What `npm audit --json` reports per severity (npm 7+ format). */
interface AuditJson {
	metadata?: { vulnerabilities?: Record<string, number> };
	vulnerabilities?: Record<
		string,
		{ severity: string; via: (string | { title?: string; url?: string })[] }
	>;
	message?: string;
	error?: { summary?: string; detail?: string };
}

export interface AuditVerdict {
	/** 1 when production dependencies have high or critical advisories, else 0. */
	exitCode: 0 | 1;
	lines: string[];
}

const BLOCKING = new Set(['high', 'critical']);

/**
 * Reads the output of `npm audit --omit=dev --json`. A report with high or critical
 * findings fails; a missing report (the advisory endpoint could not be reached, as from these
 * machines) is a one-line warning that passes, unless `strict` says it must not.
 */
export function auditVerdict(stdout: string, strict = false): AuditVerdict {
	let report: AuditJson | undefined;
	try {
		report = JSON.parse(stdout) as AuditJson;
	} catch {
		report = undefined;
	}
	const counts = report?.metadata?.vulnerabilities;
	if (!report || !counts) {
		const reason =
			report?.message ?? report?.error?.summary ?? (stdout.trim().split('\n')[0] || 'no output');
		return {
			exitCode: strict ? 1 : 0,
			lines: [
				`audit: WARNING: the npm advisory endpoint could not be reached, so no audit ran (${reason})${strict ? '' : '; not failing on that'}`
			]
		};
	}
	const blocking = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) =>
		BLOCKING.has(v.severity)
	);
	const summary = ['critical', 'high', 'moderate', 'low']
		.map((severity) => `${counts[severity] ?? 0} ${severity}`)
		.join(', ');
	const lines = [`audit: production dependencies: ${summary}`];
	for (const [name, v] of blocking) {
		const advisories = v.via
			.filter((via) => typeof via !== 'string')
			.map((via) => `${via.title ?? 'advisory'} ${via.url ?? ''}`.trim());
		lines.push(`  ${v.severity}: ${name}${advisories.length ? ` — ${advisories.join('; ')}` : ''}`);
	}
	return { exitCode: blocking.length ? 1 : 0, lines };
}
