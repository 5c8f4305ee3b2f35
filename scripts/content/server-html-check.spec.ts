import { Marked } from 'marked';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../../tests/fixtures/xss-payloads';
import { executableParts } from '../../tests/support/executable-html';
import { HOOKS, requireHook } from '../pocketbase/require-hook';
import { compileContent } from './compile';
import { loadContent } from './load';
import { nodeSanitiser } from './node-sanitiser';
import { renderMarkdown } from './render';

// The server's check of published HTML (pb_hooks/lib/lesson-html.js) against what the
// publisher's sanitiser writes; tests/integration/publish-untrusted.test.ts posts to the route.
const { checkLessonHtml } = requireHook(`${HOOKS}/lib/lesson-html.js`) as {
	checkLessonHtml(html: string): string;
};
const noLinks = { link: () => undefined, picture: () => undefined };

describe('the server’s check of lesson HTML', () => {
	it(
		'passes everything the publisher writes for the real curriculum',
		{ timeout: 60_000 },
		async () => {
			const { pathways } = compileContent(
				await loadContent(resolve(import.meta.dirname, '../../content')),
				nodeSanitiser()
			);
			const pages = pathways.flatMap((p) => [
				p.introHtml,
				...p.modules.flatMap((m) => [m.introHtml, ...m.lessons.map((l) => l.html)])
			]);
			expect(pages.length).toBe(41);
			expect(pages.map(checkLessonHtml).filter(Boolean)).toEqual([]);
		}
	);

	it.each(XSS_PAYLOADS.map((p, i) => [i + 1, p] as const))(
		'payload %i: the sanitised form passes; sent raw or rendered unsanitised, it is refused or inert',
		(_n, payload) => {
			expect(checkLessonHtml(renderMarkdown(payload, noLinks, nodeSanitiser()).html)).toBe('');
			for (const html of [payload, new Marked({ gfm: true }).parse(payload) as string]) {
				if (checkLessonHtml(html) === '') expect(executableParts(html)).toEqual([]);
			}
		}
	);

	it.each([
		['<p>a</p><!-- x -->', 'a comment'],
		['<P>a</P>', 'is not allowed'],
		['<a href=https://x.org>x</a>', 'is not allowed'],
		["<a href='https://x.org'>x</a>", 'is not allowed'],
		['<a href="&#106;avascript:alert(1)">x</a>', 'not an allowed address'],
		['<a href="java&#9;script:alert(1)">x</a>', 'not an allowed address'],
		['<a href="javascript&colon;alert(1)">x</a>', 'unknown entity'],
		['<a href="//evil.example">x</a>', 'not an allowed address'],
		['<a href="https://x.org" onclick="x()">x</a>', 'onclick="…" is not allowed on <a>'],
		// Pictures are separate media, placed by hash: no <img> reaches lesson HTML.
		['<img src="https://tracker.example/p.png" alt="">', '<img> is not an allowed tag'],
		['<figure data-media="x.svg"><p>a</p></figure>', 'data-media="x.svg" is not allowed'],
		['<figure data-src="a"><p>a</p></figure>', 'data-src="…" is not allowed on <figure>'],
		['<div class="update-banner">x</div>', 'class="update-banner" is not allowed'],
		['<h2 id="main">x</h2>', 'id="main" is not allowed'],
		['<input type="text">', 'type="text" is not allowed'],
		['<p>1 < 2</p>', 'a "<" that is not &lt;'],
		['<p>&copy</p>', 'an "&" that is not &amp;'],
		['<script>x</script>', '<script> is not an allowed tag'],
		['<p>a</p></br>', '</br>']
	])('refuses %s', (html, reason) => {
		expect(checkLessonHtml(html)).toContain(reason);
	});

	it.each([
		'<p>Fish &amp; chips &lt;3 &gt; &nbsp;</p>',
		'<h2 id="user-content-strong-passwords">Strong passwords</h2>',
		'<a href="/pathways/a/b/c#user-content-x" title="t">x</a> <a href="mailto:a@b.org">m</a>',
		`<figure data-media="${'a1'.repeat(32)}"><p>A router</p><figcaption>Yours</figcaption></figure>`,
		'<div class="callout callout-tip" role="note">\n<p class="callout-title">Tip</p>\n</div>',
		'<ul>\n<li><input checked="" disabled="" type="checkbox"> done</li>\n</ul>'
	])('accepts %s', (html) => {
		expect(checkLessonHtml(html)).toBe('');
	});
});
