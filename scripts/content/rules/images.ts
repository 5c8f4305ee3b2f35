import type { Tokens } from 'marked';
import type { BodyRule } from '../check-body';
import { resolveRelative } from '../paths';

const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Pictures are described (alt text) and are files in content/, so they work offline. */
export const images: BodyRule = ({ tokens, at, context }) => {
	const { report } = context;
	for (const placed of tokens) {
		if (placed.token.type !== 'image') continue;
		const image = placed.token as Tokens.Image;
		const offset = at(placed);
		if (!image.text.trim()) {
			report.warn(
				offset,
				`image "${image.href}" has no alt text: describe it inside the square brackets`
			);
		}
		const src = image.href.trim();
		if (ANY_SCHEME.test(src) || src.startsWith('//')) {
			report.error(
				offset,
				`image "${src}" must be a file in content/: learners offline cannot load pictures from the web`
			);
			continue;
		}
		const target = resolveRelative(context.file, src);
		if ('problem' in target) report.error(offset, `image ${target.problem}`);
		else if (!context.assetExists(target.path)) {
			report.error(offset, `missing image: "${src}" (there is no content/${target.path})`);
		}
	}
};
