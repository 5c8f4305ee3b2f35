/**
 * A one-line progress bar on a terminal (and silence when output goes to a file or CI log).
 * Ten lines of our own rather than a dependency: it only ever draws one bar.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
	const width = 30;
	let last = '';
	return {
		update(done: number, total: number, detail = '') {
			if (!stream.isTTY || total <= 0) return;
			const filled = Math.round((Math.min(done, total) / total) * width);
			const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round((done / total) * 100)}% ${detail}`;
			if (line !== last) stream.write(`\r${line.padEnd(last.length)}`);
			last = line;
		},
		done() {
			if (stream.isTTY && last) stream.write('\n');
		}
	};
}
