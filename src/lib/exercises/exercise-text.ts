/**
 * Every word the exercise screens show, in one place, so that they can move into the app's
 * message files as they are (another change is moving all interface text there).
 */
export const exerciseText = {
	pageTitle: (title: string) => `Exercise: ${title} — Clyde`,
	backToLesson: (lesson: string) => `Back to the lesson: ${lesson}`,
	notFound: 'Exercise not found',
	seeAllPathways: 'See all pathways',
	notDownloaded:
		'This exercise is not downloaded. Connect to the internet, or download the pathway.',
	loading: 'Loading…',
	loadingEditor: 'Loading the code editor…',
	editorFailed:
		'The code editor could not load. Connect to the internet once, or download the pathway again.',
	heading: (title: string) => `Exercise: ${title}`,
	filesLabel: 'Files',
	editorLabel: (file: string) => `Code of ${file}`,
	keysLabel: 'Keys that phone keyboards hide',
	tabKey: 'Tab',
	tabKeyLabel: 'Tab (indent)',
	keyLabel: (key: string) => `Type ${key}`,
	editorHelp:
		'In the code, the Tab key indents. To leave the code with the keyboard, press Escape, then Tab.',
	run: 'Run',
	check: 'Check',
	checking: 'Checking…',
	hint: 'Show a hint',
	nextHint: 'Show another hint',
	hintHeading: (n: number, of: number) => `Hint ${n} of ${of}`,
	noMoreHints: 'That is every hint.',
	showSolution: 'Show the solution',
	solutionHeading: 'One solution',
	solutionAfterCheck: 'You can see a solution after you have checked your code once.',
	useSolution: 'Put the solution in the editor',
	reset: 'Start again',
	resetQuestion: 'Start again from the starter code?',
	resetWarning: 'Your code in every file of this exercise will be replaced. This cannot be undone.',
	resetConfirm: 'Yes, start again',
	cancel: 'Keep my code',
	yourPage: 'Your page',
	passed: 'Well done: your code passes every check.',
	checksPassed: (passed: number, total: number) =>
		`${passed} of ${total} ${total === 1 ? 'check' : 'checks'} passed.`,
	failedHeading: 'Still to do',
	loopStopped:
		'Your code ran a loop that did not stop, so Clyde stopped it after one second. Look at your while and for loops: does each one end?',
	runnerDied:
		'Your page stopped answering, so Clyde closed it. Check your code for a loop that never ends, then run it again.',
	savedOnPhone: 'Your code is saved on this phone as you type.',
	practiseHeading: 'Practise on your phone',
	practiseIntro: 'Write real code here, then check it. It works offline too.',
	practiseLink: (title: string) => `Exercise: ${title}`,
	exercisePassed: 'Passed'
} as const;
