import { createRawSnippet } from 'svelte';
import type { QuizNext } from './next-step';

/** For specs: a quiz's way on drawn as a plain link, as the lesson route's link would be. */
export function nextLink(href: string, label: string): QuizNext {
	return createRawSnippet((primary: () => boolean) => ({
		render: () => `<a class="button${primary() ? '' : ' secondary'}" href="${href}">${label}</a>`
	}));
}
