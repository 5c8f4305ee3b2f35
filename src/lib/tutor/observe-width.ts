import type { Attachment } from 'svelte/attachments';

/**
 * An element's width (px) as layout leaves it, from a ResizeObserver's entries. Svelte's
 * `bind:clientWidth` and `bind:offsetWidth` also read the property once as they mount, which
 * forces a layout of the whole page before its first frame: on the dashboard that laid out
 * every row of the grid, rows that `content-visibility: auto` would otherwise skip (the largest
 * item in a profile of opening it). The observer reports after the browser's own layout.
 */
export function observeWidth(
	set: (px: number) => void,
	box: 'content-box' | 'border-box' = 'content-box'
): Attachment<Element> {
	return (element) => {
		const observer = new ResizeObserver(([entry]) => {
			const size = (box === 'border-box' ? entry?.borderBoxSize : entry?.contentBoxSize)?.[0];
			if (size) set(size.inlineSize);
		});
		observer.observe(element, { box });
		return () => observer.disconnect();
	};
}
