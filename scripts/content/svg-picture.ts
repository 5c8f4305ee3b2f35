import type { FileReport } from './diagnostics';
import type { SanitisedSvg } from './sanitize-svg';
import { checkSvg } from './svg-contract';

// Node only: the contract is pb_hooks/lib/svg-contract.js, loaded as PocketBase loads it.

/** The SVG as published, or undefined when it breaks the contract (each problem reported). */
export function publishedSvg(
	bytes: Uint8Array,
	report: FileReport,
	sanitiseSvg: (text: string) => SanitisedSvg
): string | undefined {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		report.error(0, 'this drawing is not saved as UTF-8: save it again as UTF-8');
		return undefined;
	}
	const problems = checkSvg(text);
	for (const problem of problems) report.error(problem.offset, problem.message);
	if (problems.length > 0) return undefined;
	const { svg, removed } = sanitiseSvg(text);
	// The contract and DOMPurify should agree on a picture that keeps the contract; if they
	// ever do not, the picture would change on its way to phones, so it is not published.
	const changes = [...removed, ...checkSvg(svg, { published: true }).map((p) => p.message)];
	if (changes.length > 0) {
		report.error(
			0,
			`publishing would change this drawing (${changes.join('; ')}): tell the Clyde developers`
		);
		return undefined;
	}
	return svg;
}
