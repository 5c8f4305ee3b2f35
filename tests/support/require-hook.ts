import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInThisContext } from 'node:vm';

/** The pb_hooks folder, as PocketBase's `__hooks`. */
export const HOOKS = resolve(import.meta.dirname, '../../pb_hooks');

/**
 * Loads a pb_hooks module as PocketBase does: CommonJS, with `__hooks` and a require() for its
 * siblings (node would take a .js file in this package for an ES module). For the pure parts
 * of the hooks; their PocketBase parts are covered by the integration tests.
 */
export function requireHook(path: string): unknown {
	const module = { exports: {} as unknown };
	const run = runInThisContext(
		`(function (module, exports, require, __hooks) {${readFileSync(path, 'utf8')}\n})`,
		{ filename: path }
	) as (...args: unknown[]) => void;
	run(module, module.exports, requireHook, HOOKS);
	return module.exports;
}
