/**
 * An error whose message is meant for the person at the terminal: the scripts print it on
 * one line and exit 1, without a stack trace.
 */
export class UserError extends Error {
	override name = 'UserError';
}

/** Runs a script's main function; a UserError becomes one clear line, anything else a trace. */
export function runMain(main: () => Promise<void>): void {
	main().catch((error: unknown) => {
		if (error instanceof UserError) {
			console.error(`clyde: ${error.message}`);
		} else {
			console.error(error);
		}
		process.exit(1);
	});
}
