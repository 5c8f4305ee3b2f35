import { gzipSize } from './browser-sanitiser';
import { FileReport } from '../../../scripts/content/diagnostics';
import { kb, SVG_WARN_GZIP } from '../../../scripts/content/pictures';
import { svgSanitiser } from '../../../scripts/content/sanitize-svg';
import { publishedSvg } from '../../../scripts/content/svg-picture';

/**
 * A drawing as the editor inserts it: checked against the SVG contract and written as the
 * publish step writes it (svg-picture.ts, the checker's own code), so that its draft is what
 * phones get. Undefined with the checker's messages, each at its line of the file, when it
 * breaks a rule or is over the checker's size for a drawing.
 */
export async function prepareSvg(
	name: string,
	bytes: Uint8Array
): Promise<{ svg: string; gzipBytes: number } | { problems: string[] }> {
	const text = new TextDecoder().decode(bytes);
	const report = new FileReport(name, text);
	const svg = publishedSvg(bytes, report, svgSanitiser(window));
	if (svg === undefined) {
		return { problems: report.diagnostics.map((d) => `Line ${d.line}: ${d.message}`) };
	}
	const gzipBytes = await gzipSize(svg);
	if (gzipBytes > SVG_WARN_GZIP) {
		return {
			problems: [
				`This drawing is ${kb(gzipBytes)} compressed: keep an SVG under ${kb(SVG_WARN_GZIP)} (fewer points, rounder numbers), learners download it over mobile data.`
			]
		};
	}
	return { svg, gzipBytes };
}
