/** A run of lesson HTML, or the place of one of its pictures (a figure placeholder). */
export type LessonPart =
	| { kind: 'html'; html: string }
	| { kind: 'picture'; hash: string | undefined; alt: string; caption: string };

/**
 * Lesson HTML cut at its pictures: each `<figure data-media>` the publish step wrote at the
 * top level (scripts/content/figure.ts) becomes a part of its own, for the Picture component
 * to fill; the HTML around it stays as it is. `doc` parses (the page's document, or jsdom's).
 */
export function lessonParts(html: string, doc: Document = document): LessonPart[] {
	if (!html.includes('<figure')) return [{ kind: 'html', html }];
	const template = doc.createElement('template');
	template.innerHTML = html;
	const parts: LessonPart[] = [];
	let run = doc.createElement('div');
	const endRun = () => {
		if (run.childNodes.length === 0) return;
		parts.push({ kind: 'html', html: run.innerHTML });
		run = doc.createElement('div');
	};
	for (const node of [...template.content.childNodes]) {
		if (node.nodeName !== 'FIGURE') {
			run.append(node);
			continue;
		}
		endRun();
		const figure = node as Element;
		parts.push({
			kind: 'picture',
			hash: figure.getAttribute('data-media') ?? undefined,
			alt: figure.querySelector(':scope > p')?.textContent ?? '',
			caption: figure.querySelector(':scope > figcaption')?.textContent ?? ''
		});
	}
	endRun();
	return parts;
}
