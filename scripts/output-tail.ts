/**
 * The last part of a child process's output, for error messages. A server prints for as long
 * as it runs; keeping all of it once took `npm start` past Node's string length limit under
 * load, and the crash took PocketBase down with it. This keeps at most `limit` characters
 * (plus one chunk while it is being added), however much goes through.
 */
export class OutputTail {
	#chunks: string[] = [];
	#length = 0;
	#dropped = 0;
	/** Whether what was dropped ended with a whole line (true while nothing was). */
	#droppedEndsLine = true;

	constructor(readonly limit = 64 * 1024) {}

	push(chunk: string): void {
		this.#chunks.push(chunk);
		this.#length += chunk.length;
		while (this.#chunks.length > 1 && this.#length - (this.#chunks[0]?.length ?? 0) >= this.limit) {
			const first = this.#chunks.shift() ?? '';
			this.#length -= first.length;
			this.#dropped += first.length;
			this.#droppedEndsLine = first.endsWith('\n');
		}
	}

	/** Characters that went through in all. */
	get total(): number {
		return this.#dropped + this.#length;
	}

	/** The kept output from its first whole line, at most `limit` characters. */
	text(): string {
		const joined = this.#chunks.join('');
		const start = Math.max(0, joined.length - this.limit);
		const kept = joined.slice(start);
		const cutAtLineEnd = start > 0 ? joined[start - 1] === '\n' : this.#droppedEndsLine;
		if (cutAtLineEnd) return kept;
		const lineStart = kept.indexOf('\n');
		return lineStart === -1 ? kept : kept.slice(lineStart + 1);
	}

	/** The last `count` non-empty lines. */
	lastLines(count: number): string[] {
		return this.text()
			.split('\n')
			.filter((line) => line.trim() !== '')
			.slice(-count);
	}
}
