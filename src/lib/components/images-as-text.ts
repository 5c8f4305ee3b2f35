import type { Action } from 'svelte/action';

/**
 * Low-data mode: shows each picture's description instead of the picture. Lesson images are
 * embedded in the HTML, so this saves screen space and scrolling rather than data.
 */
export const imagesAsText: Action<HTMLElement, boolean> = (node, enabled) => {
	const hidden: { image: HTMLImageElement; note: HTMLElement }[] = [];
	const apply = (on: boolean) => {
		if (on) {
			for (const image of node.querySelectorAll('img')) {
				const note = document.createElement('p');
				note.className = 'image-as-text';
				note.textContent = `Picture: ${image.alt || 'no description'}`;
				image.replaceWith(note);
				hidden.push({ image, note });
			}
		} else {
			for (const { image, note } of hidden.splice(0)) note.replaceWith(image);
		}
	};
	apply(enabled ?? false);
	return { update: apply };
};
