import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInThisContext } from 'node:vm';

/** pb_hooks/, as the `__hooks` its modules require their siblings from. */
export const HOOKS = resolve(import.meta.dirname, '../../pb_hooks');

/**
 * Loads a pb_hooks module as PocketBase does: CommonJS, with `__hooks` and a require() for its
 * siblings (node would take a .js file in this package for an ES module), and JSON as data, as
 * PocketBase's require() reads it. For the pure parts
 * of those modules, tested in node; their PocketBase parts need a real server.
 */
export function requireHook(path: string): unknown {
	if (path.endsWith('.json')) return JSON.parse(readFileSync(path, 'utf8'));
	const module = { exports: {} as unknown };
	const run = runInThisContext(
		`(function (module, exports, require, __hooks) {${readFileSync(path, 'utf8')}\n})`,
		{ filename: path }
	) as (...args: unknown[]) => void;
	run(module, module.exports, requireHook, HOOKS);
	return module.exports;
}
