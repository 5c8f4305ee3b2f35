export type Severity = 'error' | 'warning';

/** One problem in one content file, positioned for editors' tools (1-based line and column). */
export interface Diagnostic {
	file: string;
	line: number;
	column: number;
	severity: Severity;
	message: string;
}

/** `path:line:column  severity: message`, the form editors' tools turn into links. */
export function formatDiagnostic(d: Diagnostic): string {
	return `${d.file}:${d.line}:${d.column}  ${d.severity}: ${d.message}`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
	return [...list].sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
	);
}

/** Turns character offsets of one text into 1-based lines and columns. */
export class LineIndex {
	readonly #starts: number[] = [0];

	constructor(text: string) {
		for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.#starts.push(i + 1);
	}

	position(offset: number): { line: number; column: number } {
		let low = 0;
		let high = this.#starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if ((this.#starts[mid] as number) <= offset) low = mid;
			else high = mid - 1;
		}
		return { line: low + 1, column: offset - (this.#starts[low] as number) + 1 };
	}
}

/** Collects diagnostics for one file, placing offsets of that file's text. */
export class FileReport {
	readonly diagnostics: Diagnostic[] = [];
	readonly #lines: LineIndex;

	constructor(
		readonly file: string,
		text: string
	) {
		this.#lines = new LineIndex(text);
	}

	at(offset: number, severity: Severity, message: string): void {
		this.diagnostics.push({ file: this.file, ...this.#lines.position(offset), severity, message });
	}

	error(offset: number, message: string): void {
		this.at(offset, 'error', message);
	}

	warn(offset: number, message: string): void {
		this.at(offset, 'warning', message);
	}
}
