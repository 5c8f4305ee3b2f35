import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const CONTRACT = resolve(import.meta.dirname, '../../pb_hooks/lib/svg-contract.js');
const ALLOW_LIST = resolve(import.meta.dirname, '../../pb_hooks/lib/allow-list.json');

/**
 * scripts/content/svg-contract.ts in the browser: the same pb_hooks/lib/svg-contract.js, as
 * an ES module. In Node the .ts file loads it as PocketBase does (require-hook.ts, with
 * node:fs), which a browser cannot, and the app's CSP allows no eval of its text: so the
 * build wraps the hook's code in a module whose one require() is the allow-list, and the
 * editor checks a drawing with the very code the checker and the publish route run.
 */
export function svgContractModule(): Plugin {
	return {
		name: 'clyde-svg-contract-module',
		enforce: 'pre',
		load(id, options) {
			if (options?.ssr || !id.endsWith('/scripts/content/svg-contract.ts')) return undefined;
			this.addWatchFile(CONTRACT);
			const code = readFileSync(CONTRACT, 'utf8');
			return {
				code: [
					`import allowList from ${JSON.stringify(ALLOW_LIST)};`,
					// In a function of its own, as CommonJS runs it: its names stay its own.
					'const contract = (function (require, __hooks) {',
					'const module = { exports: {} };',
					code,
					'return module.exports;',
					'})(() => allowList, "");',
					'export const { checkSvg, elementProblem, attributeProblem } = contract;'
				].join('\n'),
				moduleType: 'js'
			};
		}
	};
}
