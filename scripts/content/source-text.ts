/** A content file's bytes as text, and where it is not UTF-8 if it is not. */
export interface DecodedFile {
	/** LF line ends, no byte-order mark; bytes that are not UTF-8 become U+FFFD. */
	text: string;
	/** The first place the bytes are not UTF-8, and that line read as Windows-1252. */
	notUtf8?: { offset: number; line: string };
}

/**
 * Decodes a Markdown file. Text saved as Latin-1 or Windows-1252 ("café" as one byte E9) is
 * not UTF-8: it is decoded with U+FFFD in place of those bytes, and `notUtf8` says where, with
 * the line as it was probably meant, so the message can show "café" rather than "caf�".
 */
export function decodeContentFile(bytes: Uint8Array): DecodedFile {
	const text = normalise(new TextDecoder('utf-8').decode(bytes));
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return { text };
	} catch {
		const offset = Math.max(0, text.indexOf('\uFFFD'));
		const guess = normalise(new TextDecoder('windows-1252').decode(bytes));
		const lineIndex = text.slice(0, offset).split('\n').length - 1;
		return { text, notUtf8: { offset, line: guess.split('\n')[lineIndex] ?? '' } };
	}
}

function normalise(text: string): string {
	return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
