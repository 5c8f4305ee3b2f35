/// <reference path="../../pb_data/types.d.ts" />
/* global $filepath */
// Loaded with require() by the modules that read the built app: the CSP (its script hashes)
// and the static file server.

/**
 * The public dir this server was started with (`--publicDir`), else PocketBase's default:
 * pb_public beside the binary.
 */
function publicDir() {
	const args = $os.args;
	for (let i = 1; i < args.length; i++) {
		const arg = args[i];
		if (arg.startsWith('--publicDir=')) return arg.slice('--publicDir='.length);
		if (arg === '--publicDir' && i + 1 < args.length) return args[i + 1];
	}
	return $filepath.join($filepath.dir(args[0]), 'pb_public');
}

module.exports = { publicDir };
