/// <reference path="../../pb_data/types.d.ts" />
// What published content may hold, written once for every side that checks it: the content
// checker and the publish CLI (scripts/content/, through scripts/pocketbase/require-hook.ts)
// and the publish route (lib/publish.js, lib/media.js). Plain data and ES2015 for goja.
// docs/security.md says why each list is what it is; docs/authoring.md says it for editors.

/** Lesson HTML as the publish step writes it: Markdown's own elements and picture placeholders. */
const LESSON_HTML = {
	tags: [
		'p',
		'h1',
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'a',
		'strong',
		'em',
		'del',
		's',
		'code',
		'pre',
		'blockquote',
		'ul',
		'ol',
		'li',
		'input',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'hr',
		'br',
		'kbd',
		'abbr',
		'details',
		'summary',
		'sup',
		'sub',
		// A picture's place: <figure data-media="sha256"><p>alt</p><figcaption>…</figcaption>.
		// The picture itself is a separate resource, so a phone can skip it (low-data mode).
		'figure',
		'figcaption'
	],
	attributes: [
		'href',
		'alt',
		'title',
		'type',
		'checked',
		'disabled',
		'align',
		'class',
		'start',
		'data-media'
	],
	/** The only value `data-media` may have: a picture's sha256, in hex. */
	mediaHash: /^[0-9a-f]{64}$/
};

/**
 * Pictures are separate resources of a pathway (the `media` collection). `type` is what the
 * publish payload says; a raster is sent as base64 and must start with its format's own
 * signature (the base64 of its first bytes, whole characters only), so a file cannot pass
 * for another type.
 */
const MEDIA = {
	types: {
		svg: { mime: 'image/svg+xml', extensions: ['.svg'] },
		png: { mime: 'image/png', extensions: ['.png'], base64Start: 'iVBORw0KGg' },
		jpeg: { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], base64Start: '/9j/' },
		webp: { mime: 'image/webp', extensions: ['.webp'], base64Start: 'UklGR' },
		gif: { mime: 'image/gif', extensions: ['.gif'], base64Start: 'R0lGO' }
	},
	/** The largest picture the server stores, as sent (an SVG's text, a raster's base64). */
	maxChars: 1400000
};

/**
 * The SVG contract the pictures follow (docs/authoring.md#pictures): plain shapes and text,
 * coloured only by class so the app's themes reach them, nothing that runs, loads or links.
 */
const SVG = {
	namespace: 'http://www.w3.org/2000/svg',
	elements: [
		'svg',
		'g',
		'path',
		'rect',
		'circle',
		'ellipse',
		'line',
		'polyline',
		'polygon',
		'text',
		'tspan',
		'title'
	],
	/** Elements whose content is words, not other shapes. */
	textElements: ['text', 'tspan', 'title'],
	classes: ['ink', 'paper', 'soft', 'accent', 'good', 'bad', 'muted'],
	/** Attribute → the kind of value it may have (VALUES). Any other attribute is refused. */
	attributes: {
		xmlns: 'namespace',
		viewBox: 'viewBox',
		class: 'classes',
		fill: 'none',
		stroke: 'none',
		'stroke-width': 'length',
		'stroke-linecap': ['butt', 'round', 'square'],
		'stroke-linejoin': ['miter', 'round', 'bevel'],
		'stroke-dasharray': 'numbers',
		'stroke-dashoffset': 'length',
		'stroke-miterlimit': 'length',
		'fill-rule': ['nonzero', 'evenodd'],
		opacity: 'length',
		'fill-opacity': 'length',
		'stroke-opacity': 'length',
		transform: 'transform',
		x: 'length',
		y: 'length',
		x1: 'length',
		y1: 'length',
		x2: 'length',
		y2: 'length',
		cx: 'length',
		cy: 'length',
		r: 'length',
		rx: 'length',
		ry: 'length',
		width: 'length',
		height: 'length',
		dx: 'numbers',
		dy: 'numbers',
		d: 'path',
		points: 'numbers',
		'font-size': 'length',
		'font-weight': [
			'normal',
			'bold',
			'100',
			'200',
			'300',
			'400',
			'500',
			'600',
			'700',
			'800',
			'900'
		],
		'font-style': ['normal', 'italic'],
		'text-anchor': ['start', 'middle', 'end'],
		'dominant-baseline': ['auto', 'middle', 'central', 'hanging', 'alphabetic'],
		'text-decoration': ['none', 'underline', 'line-through'],
		'letter-spacing': 'length'
	},
	/** Attributes that only the root <svg> may carry. */
	rootOnly: ['xmlns', 'viewBox'],
	/** Attributes the root <svg> may not carry: the picture takes the width it is given. */
	notOnRoot: ['width', 'height']
};

/** A number as SVG attributes write it, with an optional unit. */
const NUMBER = '[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:e[-+]?\\d+)?(?:px|%|em)?';

/**
 * What each kind of attribute value looks like. Each pattern reads a value one way only (a
 * separator between numbers is required), so no value can make the server's regex engine
 * backtrack for long.
 */
const VALUES = {
	length: new RegExp(`^${NUMBER}$`, 'i'),
	numbers: new RegExp(`^(?:none|\\s*${NUMBER}(?:(?:\\s*,\\s*|\\s+)${NUMBER})*\\s*)$`, 'i'),
	viewBox: /^\s*[-+]?[\d.]+(?:[\s,]+[-+]?[\d.]+){3}\s*$/,
	path: /^[MmZzLlHhVvCcSsQqTtAa\d\s,.eE+-]*$/,
	transform: /^[\s,]*(?:(?:matrix|translate|scale|rotate|skewX|skewY)\s*\([-+\d.e\s,]*\)[\s,]*)+$/,
	none: /^none$/
};

module.exports = { LESSON_HTML, MEDIA, SVG, VALUES };
