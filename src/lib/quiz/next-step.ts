/**
 * Where a learner goes after a quiz's result, as a link the route builds: "Next lesson:
 * <title>", or whatever the journey says comes next.
 */
export interface QuizNext {
	href: string;
	label: string;
}
