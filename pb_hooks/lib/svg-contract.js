/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() by lib/media.js, and in node by scripts/content/svg-contract.ts.
// Plain ES2015 for goja: no DOM, no npm packages.
//
// Checks a picture's SVG text against the contract of allow-list.js and says, for each
// problem, where it is (a character offset) and what is wrong in words an editor can act on.
// The checker reports these at their line in the .svg file; the publish route refuses a
// picture with any. It reads a strict subset of XML on purpose: what it cannot read, it
// refuses, so nothing reaches a phone that the rules did not see.

const { SVG, VALUES } = require(`${__hooks}/lib/allow-list.js`);

const MAX_PROBLEMS = 50;
const NAME_START = /[A-Za-z_:]/;
const NAME_CHAR = /[-A-Za-z0-9_:.]/;
const SPACE = /\s/;
const ENTITY = /^&(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);/;
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const FORBIDDEN_ELEMENTS = {
	script: 'scripts are not allowed in a picture',
	style:
		'a <style> element is not allowed: colour shapes with a class (ink, paper, soft, accent, good, bad or muted)',
	foreignObject: '<foreignObject> is not allowed: it puts web page content inside the picture',
	image: '<image> is not allowed: a picture may not load another picture or file',
	use: '<use> is not allowed: it copies shapes from elsewhere, even from another file; draw the shape again',
	a: 'links (<a>) are not allowed in a picture',
	filter: 'filters are not allowed: they are slow on cheap phones and ignore the themes',
	linearGradient: 'gradients are not allowed: they carry their own colours; use the classes',
	radialGradient: 'gradients are not allowed: they carry their own colours; use the classes',
	pattern: 'patterns are not allowed: they carry their own colours; use the classes',
	animate: 'animations are not allowed in a picture',
	animateMotion: 'animations are not allowed in a picture',
	animateTransform: 'animations are not allowed in a picture',
	set: 'animations are not allowed in a picture'
};

const KIND_NAMES = {
	length: 'a number',
	numbers: 'a list of numbers',
	viewBox: 'four numbers, like "0 0 320 200"',
	path: 'path data (letters like M, L, C and numbers)',
	transform: 'a transform like translate(10 20) or rotate(45)'
};

/**
 * The problems of one SVG file, in order: [{offset, message}]. An empty list means the
 * picture keeps the contract. With `published`, the text must also be as the publish step
 * writes it: starting with "<svg ", without comments or an <?xml?> line.
 */
function checkSvg(text, options) {
	const published = !!(options && options.published);
	const problems = [];
	const add = (offset, message) => {
		if (problems.length < MAX_PROBLEMS) problems.push({ offset, message });
	};
	const stack = [];
	let rootSeen = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const start = i;
	if (published && text.slice(0, 5) !== '<svg ') {
		add(0, 'a published picture must start with "<svg "');
	}

	/** Stops reading: the rest of the file cannot be placed reliably. */
	const fatal = (offset, message) => {
		add(offset, message);
		return problems;
	};

	while (i < text.length) {
		const lt = text.indexOf('<', i);
		const end = lt < 0 ? text.length : lt;
		if (end > i) checkText(text, i, end, stack[stack.length - 1], add);
		if (lt < 0) break;
		i = lt;
		if (text.startsWith('<!--', i)) {
			const close = text.indexOf('-->', i + 4);
			if (close < 0) return fatal(i, 'a comment ("<!--") is never closed with "-->"');
			if (published) add(i, 'a published picture has no comments');
			i = close + 3;
		} else if (text.startsWith('<?', i)) {
			const close = text.indexOf('?>', i);
			if (close < 0) return fatal(i, '"<?" is never closed with "?>"');
			const declaration = /^<\?xml\s/.test(text.slice(i, i + 6));
			if (!declaration || i !== start || published) {
				add(
					i,
					declaration
						? 'the <?xml …?> line may only come first in the file'
						: 'instructions like "<?…?>" are not allowed in a picture'
				);
			}
			i = close + 2;
		} else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
			add(i, 'a DOCTYPE is not allowed: it can define entities that change the picture; delete it');
			const bracket = text.indexOf('[', i);
			const gt = text.indexOf('>', i);
			// An internal subset ("[ <!ENTITY …> ]") holds ">" of its own: it ends at "]>".
			const subset = bracket >= 0 && (gt < 0 || bracket < gt);
			const close = subset ? text.indexOf(']>', bracket) : gt;
			if (close < 0) return fatal(i, 'the DOCTYPE is never closed');
			i = close + (subset ? 2 : 1);
		} else if (text.startsWith('<![CDATA[', i)) {
			add(i, 'CDATA sections are not allowed: write words in <text>, with &lt; for "<"');
			const close = text.indexOf(']]>', i);
			if (close < 0) return fatal(i, 'the CDATA section is never closed with "]]>"');
			i = close + 3;
		} else if (text.startsWith('</', i)) {
			const nameEnd = readName(text, i + 2);
			const name = text.slice(i + 2, nameEnd);
			let after = nameEnd;
			while (SPACE.test(text[after] || '')) after++;
			if (!name || text[after] !== '>') {
				return fatal(i, 'a closing tag must look like </g>');
			}
			const open = stack.pop();
			if (!open) return fatal(i, `</${name}> closes nothing: there is no open <${name}>`);
			if (open.name !== name) {
				return fatal(
					i,
					`</${name}> comes before <${open.name}> is closed: end <${open.name}> with "/>" or </${open.name}> first`
				);
			}
			i = after + 1;
		} else {
			const tag = readStartTag(text, i, add);
			if (tag.fatal) return fatal(tag.fatal.offset, tag.fatal.message);
			const parent = stack[stack.length - 1];
			if (!parent) {
				if (rootSeen) {
					add(i, 'everything in a picture goes inside its one <svg> element');
				} else if (tag.name !== 'svg') {
					add(i, `a picture starts with <svg>, not <${tag.name}>`);
				}
				rootSeen = true;
			}
			// Inside an element that is not allowed at all, that element is the problem to report.
			const inside = !!parent && (parent.refused || SVG.elements.indexOf(parent.name) < 0);
			if (!inside) checkElement(tag, parent, !parent, add);
			if (!tag.selfClosing) stack.push({ name: tag.name, offset: i, refused: inside });
			i = tag.end;
		}
	}
	const open = stack.pop();
	if (open) return fatal(open.offset, `<${open.name}> is never closed`);
	if (!rootSeen) add(start, 'this file has no <svg> element');
	return problems;
}

/** Reads `<name attr="value" …>` or `…/>` at `at`: its name, attributes and where it ends. */
function readStartTag(text, at, add) {
	const nameEnd = readName(text, at + 1);
	const name = text.slice(at + 1, nameEnd);
	if (!name) {
		return {
			fatal: { offset: at, message: '"<" must start a tag: write &lt; for a less-than sign' }
		};
	}
	const attributes = [];
	let i = nameEnd;
	for (;;) {
		const before = i;
		while (SPACE.test(text[i] || '')) i++;
		if (i >= text.length)
			return { fatal: { offset: at, message: `the <${name}> tag is never closed with ">"` } };
		if (text[i] === '>') return { name, attributes, selfClosing: false, end: i + 1, offset: at };
		if (text.startsWith('/>', i))
			return { name, attributes, selfClosing: true, end: i + 2, offset: at };
		const attributeAt = i;
		const attributeEnd = readName(text, i);
		const attribute = text.slice(i, attributeEnd);
		if (!attribute) {
			return { fatal: { offset: i, message: `unexpected "${text[i]}" in the <${name}> tag` } };
		}
		if (before === attributeAt) {
			return { fatal: { offset: i, message: `put a space before "${attribute}"` } };
		}
		i = attributeEnd;
		while (SPACE.test(text[i] || '')) i++;
		if (text[i] !== '=') {
			return {
				fatal: {
					offset: attributeAt,
					message: `"${attribute}" needs a value in quotes, like ${attribute}="…"`
				}
			};
		}
		i++;
		while (SPACE.test(text[i] || '')) i++;
		const quote = text[i];
		if (quote !== '"' && quote !== "'") {
			return {
				fatal: { offset: attributeAt, message: `the value of "${attribute}" must be in quotes` }
			};
		}
		const close = text.indexOf(quote, i + 1);
		if (close < 0) {
			return {
				fatal: {
					offset: attributeAt,
					message: `the value of "${attribute}" is never closed with ${quote}`
				}
			};
		}
		const raw = text.slice(i + 1, close);
		if (raw.indexOf('<') >= 0)
			add(attributeAt, `"<" is not allowed inside the value of "${attribute}"`);
		if (attributes.some((a) => a.name === attribute)) {
			add(attributeAt, `"${attribute}" is given twice on <${name}>`);
		}
		attributes.push({ name: attribute, value: decode(raw, i + 1, add), offset: attributeAt });
		i = close + 1;
	}
}

function checkElement(tag, parent, isRoot, add) {
	const problem = elementProblem(tag.name, parent ? parent.name : '', isRoot);
	if (problem) add(tag.offset, problem);
	for (const attribute of tag.attributes) {
		const wrong = attributeProblem(attribute.name, attribute.value, isRoot);
		if (wrong) add(attribute.offset, wrong);
	}
	if (isRoot && tag.name === 'svg' && !tag.attributes.some((a) => a.name === 'viewBox')) {
		add(
			tag.offset,
			'the <svg> needs a viewBox, like viewBox="0 0 320 200": it lets the picture fit any screen'
		);
	}
}

/** Why element `name` may not stand inside `parent` ('' at the root), or '' if it may. */
function elementProblem(name, parent, isRoot) {
	if (name.indexOf(':') >= 0) {
		return `write <${name.split(':').pop()}> without the "${name.split(':')[0]}:" prefix`;
	}
	if (!isRoot && name === 'svg') {
		return 'an <svg> inside the picture is not allowed: group shapes with <g>';
	}
	if (SVG.elements.indexOf(name) < 0) {
		return Object.prototype.hasOwnProperty.call(FORBIDDEN_ELEMENTS, name)
			? FORBIDDEN_ELEMENTS[name]
			: `<${name}> is not allowed in a picture; use ${SVG.elements.join(', ')}`;
	}
	if (parent === 'title') return `<${name}> cannot go inside <title>: a title is only words`;
	if (SVG.textElements.indexOf(parent) >= 0 && name !== 'tspan') {
		return `<${name}> cannot go inside <${parent}>: only words and <tspan> can`;
	}
	return '';
}

/** Why attribute `name` may not have `value` (on the root <svg> if `isRoot`), or ''. */
function attributeProblem(name, value, isRoot) {
	if (/^on/i.test(name)) return `"${name}" runs code and is not allowed in a picture`;
	if (name === 'style') {
		return 'the style attribute is not allowed: colour with a class, size with attributes like stroke-width';
	}
	if (name === 'id') {
		return 'ids are not allowed: two pictures on one page could clash, and nothing in a picture refers to another part';
	}
	if (/href$/i.test(name)) return 'links to other files or pages are not allowed in a picture';
	if (name.indexOf(':') >= 0) {
		return `"${name}" is not needed: a picture refers to nothing outside itself`;
	}
	if (!Object.prototype.hasOwnProperty.call(SVG.attributes, name)) {
		return `"${name}" is not allowed in a picture`;
	}
	if (SVG.rootOnly.indexOf(name) >= 0 && !isRoot)
		return `"${name}" belongs on the <svg> element only`;
	if (isRoot && SVG.notOnRoot.indexOf(name) >= 0) {
		return `remove ${name} from <svg>: the picture takes the width of the screen and keeps its shape from the viewBox`;
	}
	if (/url\s*\(/i.test(value)) {
		return `"${name}" refers to something with url(…): a picture may not refer to other parts or files`;
	}
	const kind = SVG.attributes[name];
	if (kind === 'classes') {
		const unknown = value.split(/\s+/).filter((c) => c && SVG.classes.indexOf(c) < 0);
		return unknown.length
			? `class "${unknown[0]}" is not a picture colour: use ${SVG.classes.join(', ')}`
			: '';
	}
	if (kind === 'none') {
		return value.trim() === 'none'
			? ''
			: `${name}="${value}" sets a colour: colours come only from the classes (${SVG.classes.join(', ')}), so the picture follows the app's light, dark and high-contrast themes; use ${name}="none" or a class`;
	}
	if (kind === 'namespace')
		return value === SVG.namespace ? '' : `xmlns must be "${SVG.namespace}"`;
	if (Array.isArray(kind)) {
		return kind.indexOf(value.trim()) >= 0
			? ''
			: `${name}="${value}" is not allowed: use ${kind.join(', ')}`;
	}
	return VALUES[kind].test(value) ? '' : `${name}="${value}" is not ${KIND_NAMES[kind]}`;
}

/** Text between tags: words belong in <text>, <tspan> or <title>; entities must be XML's own. */
function checkText(text, from, to, parent, add) {
	const content = text.slice(from, to);
	const words = content.search(/\S/);
	if (words < 0) return;
	if (!parent) {
		add(from + words, 'there is text outside the <svg> element');
	} else if (
		SVG.textElements.indexOf(parent.name) < 0 &&
		!parent.refused &&
		SVG.elements.indexOf(parent.name) >= 0
	) {
		add(from + words, `words cannot go directly in <${parent.name}>: put them in a <text> element`);
	}
	decode(content, from, add);
}

/** The text with its entities replaced; an entity XML does not define is a problem. */
function decode(raw, offset, add) {
	let out = '';
	let i = 0;
	while (i < raw.length) {
		const amp = raw.indexOf('&', i);
		if (amp < 0) return out + raw.slice(i);
		out += raw.slice(i, amp);
		const match = ENTITY.exec(raw.slice(amp, amp + 12));
		if (!match) {
			const written = /^&[#A-Za-z0-9]*;?/.exec(raw.slice(amp, amp + 12))[0];
			add(
				offset + amp,
				`"${written}" is not a character XML knows: write the character itself, or &amp; for "&"`
			);
			out += '&';
			i = amp + 1;
			continue;
		}
		const body = match[0].slice(1, -1);
		if (body[0] === '#') {
			const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			if (code > 0 && code <= 0x10ffff) out += String.fromCodePoint(code);
			else add(offset + amp, `${match[0]} is not a character`);
		} else {
			out += NAMED[body];
		}
		i = amp + match[0].length;
	}
	return out;
}

function readName(text, at) {
	if (!NAME_START.test(text[at] || '')) return at;
	let i = at + 1;
	while (NAME_CHAR.test(text[i] || '')) i++;
	return i;
}

module.exports = { checkSvg, elementProblem, attributeProblem };
