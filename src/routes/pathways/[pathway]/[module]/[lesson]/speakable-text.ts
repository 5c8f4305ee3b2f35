/**
 * What read-aloud says for a lesson body: its text as it shows (innerText keeps the breaks
 * between paragraphs, which speech pauses on), with each picture's alt text where the picture
 * is, and not the words drawn inside the picture or a "Show picture" button.
 */
export function speakableText(body: HTMLElement): string {
	return [...body.children]
		.map((child) => {
			if (child instanceof HTMLElement && child.matches('figure.picture')) {
				const caption = child.querySelector('figcaption')?.textContent ?? '';
				return [`Picture: ${child.dataset.alt ?? ''}`, caption].filter(Boolean).join('\n');
			}
			return child instanceof HTMLElement ? child.innerText : (child.textContent ?? '');
		})
		.join('\n');
}
