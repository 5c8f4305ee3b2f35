import type { Tokens } from 'marked';
import { closestMatch } from 'leven';
import { ANCHOR_PREFIX, anchorsOf } from '../anchors';
import type { BodyCheck, BodyRule } from '../check-body';
import { plainText } from '../markdown-tokens';
import { resolveRelative } from '../paths';

const VAGUE_LINK_TEXT = new Set([
	'click here',
	'here',
	'click',
	'read more',
	'more',
	'this link',
	'link',
	'this',
	'this page',
	'go',
	'find out more'
]);

const EXTERNAL = /^(?:https?:|mailto:|tel:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Links say where they go, use an allowed scheme, and reach a content file that exists and,
 * with an #anchor, a heading in it.
 */
export const links: BodyRule = (check) => {
	const { tokens, at } = check;
	const own = anchorsOf(
		tokens.filter((t) => t.token.type === 'heading').map((t) => t.token as Tokens.Heading)
	);
	for (const placed of tokens) {
		if (placed.token.type !== 'link') continue;
		const link = placed.token as Tokens.Link;
		// "[^1]" with a matching "[^1]: …" line is a footnote of another dialect (rules/dialects.ts).
		if (link.raw.startsWith('[^')) continue;
		checkLink(link, at(placed), own, check);
	}
};

function checkLink(link: Tokens.Link, offset: number, own: Set<string>, check: BodyCheck): void {
	const { report, file } = check.context;
	const label = plainText(link.tokens)
		.trim()
		.toLowerCase()
		.replace(/[.!:]+$/, '');
	if (VAGUE_LINK_TEXT.has(label)) {
		report.warn(
			offset,
			`link text "${plainText(link.tokens).trim()}" does not say where it goes: name the page instead`
		);
	}
	const href = link.href.trim();
	if (href.startsWith('#')) {
		checkAnchor(href.slice(1), own, offset, check, 'this page');
		return;
	}
	if (EXTERNAL.test(href)) return;
	if (ANY_SCHEME.test(href) || href.startsWith('//')) {
		report.error(
			offset,
			`link to "${href}" is not allowed: use https://… or a relative path to a .md file`
		);
		return;
	}
	const target = resolveRelative(file, href);
	if ('problem' in target) {
		report.error(offset, `link ${target.problem}`);
	} else if (!target.path.endsWith('.md')) {
		report.error(
			offset,
			`link to "${href}": links inside Clyde point to a lesson, module.md or pathway.md file`
		);
	} else if (!check.context.markdownExists(target.path)) {
		report.error(offset, `broken link: "${href}" (there is no content/${target.path})`);
	} else if (target.anchor) {
		const anchors = target.path === file ? own : check.context.anchorsOf(target.path);
		if (anchors) checkAnchor(target.anchor, anchors, offset, check, `content/${target.path}`);
	}
}

function checkAnchor(
	written: string,
	anchors: ReadonlySet<string>,
	offset: number,
	check: BodyCheck,
	where: string
): void {
	let anchor = written;
	try {
		anchor = decodeURIComponent(written);
	} catch {
		// An anchor with a stray "%" is compared as written, and so reported below.
	}
	if (anchor.startsWith(ANCHOR_PREFIX)) anchor = anchor.slice(ANCHOR_PREFIX.length);
	if (anchors.has(anchor)) return;
	const near = closestMatch(anchor, [...anchors], { maxDistance: 4 });
	check.context.report.error(
		offset,
		`no heading in ${where} has the anchor "#${written}"${
			near
				? `: did you mean "#${near}"?`
				: anchors.size
					? `; its headings' anchors are ${[...anchors]
							.slice(0, 8)
							.map((a) => `#${a}`)
							.join(', ')}${anchors.size > 8 ? ', …' : ''}`
					: ', which has no headings'
		} (a heading's anchor is its words in lower case, with hyphens: "## Strong passwords" is #strong-passwords)`
	);
}
