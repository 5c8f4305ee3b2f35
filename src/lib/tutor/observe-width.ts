import type { Attachment } from 'svelte/attachments';

/**
 * An element's width (px) as layout leaves it, from a ResizeObserver's entries. Svelte's
 * `bind:clientWidth` and `bind:offsetWidth` also read the property once as they mount, which
 * forces a synchronous layout of the whole page from script before its first frame (on the
 * dashboard the largest item in a sampled profile of opening it; by traced CPU time the frame's
 * own layout then did that work, so it was moved rather than saved: docs/benchmarks.md). The
 * observer reports after the browser's own layout and forces none.
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
