import type { Snippet } from 'svelte';

/**
 * The way on from a quiz's result, drawn by the route: on a lesson, the link that marks it
 * complete and opens the next lesson (or the pathway's end). It is told whether it is the
 * screen's primary action: after a pass it is; after a fail "Try again" is, and it comes second.
 */
export type QuizNext = Snippet<[primary: boolean]>;
