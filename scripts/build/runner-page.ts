import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

const RUNNER = resolve(import.meta.dirname, '../../src/lib/exercises/runner');

/**
 * The runner's policy (docs/exercises.md). The learner's page may run its own inline code and
 * styles and show data: pictures, and nothing else: no request of any kind, no form, no frame
 * of another page, no base URL. pb_hooks/lib/security-headers.js sends the same policy as a
 * header with `sandbox` and `frame-ancestors` added, which a <meta> policy cannot carry; the
 * <meta> copy keeps it in force when the service worker answers without headers it knows.
 */
export const RUNNER_POLICY = [
	"default-src 'none'",
	"script-src 'unsafe-inline'",
	"style-src 'unsafe-inline'",
	'img-src data:',
	"form-action 'none'",
	"base-uri 'none'"
].join('; ');

/** One script of the runner, bundled into a single function call. */
async function bundle(file: string, define: Record<string, string> = {}): Promise<string> {
	const output = await build({
		configFile: false,
		logLevel: 'warn',
		define,
		build: {
			write: false,
			minify: true,
			lib: { entry: resolve(RUNNER, file), formats: ['iife'], name: 'clyde' },
			rolldownOptions: { checks: { bundlerTimings: false } }
		}
	});
	const [result] = Array.isArray(output) ? output : [output];
	const chunk = result && 'output' in result ? result.output[0] : undefined;
	if (!chunk || chunk.type !== 'chunk') throw new Error(`${file} did not build`);
	return chunk.code.replace(/<\/script/gi, '<\\/script');
}

/**
 * /runner.html: the runner's script inlined, its policy first in the head. The checker that
 * runs inside each learner's page goes into the runner as text.
 */
export async function runnerPage(): Promise<string> {
	const checker = await bundle('page-checker.ts');
	const script = await bundle('runner-main.ts', {
		__CLYDE_PAGE_CHECKER__: JSON.stringify(checker)
	});
	return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${RUNNER_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your page</title>
<style>html,body{margin:0;height:100%;background:#fff}iframe{display:block;border:0;width:100%;height:100%}iframe.offstage{position:absolute;top:0;left:0;visibility:hidden}</style>
</head>
<body>
<script>${script}</script>
</body>
</html>
`;
}

/** Writes runner.html into the client build, where the service worker's precache finds it. */
export function exerciseRunner(): Plugin {
	let ssr = false;
	return {
		name: 'clyde-exercise-runner',
		apply: 'build',
		configResolved(config) {
			ssr = Boolean(config.build.ssr);
		},
		async generateBundle() {
			if (ssr) return;
			this.emitFile({ type: 'asset', fileName: 'runner.html', source: await runnerPage() });
		}
	};
}
