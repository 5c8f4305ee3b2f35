import type { YAMLError } from 'yaml';

/**
 * A YAML syntax error in words an editor can act on. The yaml package's own messages
 * ("Nested mappings are not allowed in compact mappings") name parser states; these name
 * the usual mistake behind each and how to fix it. `line` is the text of the line concerned.
 */
export function plainYamlError(error: YAMLError, line: string): string {
	const message = error.message.split('\n')[0] ?? '';
	switch (error.code) {
		case 'MISSING_CHAR':
			if (/quote/i.test(message)) {
				return 'a quotation mark is opened but not closed: end the text with the same mark (" or \')';
			}
			if (/flow|\]|\}/.test(message)) return 'a list in [ ] or { } is not closed: add the ] or }';
			return 'this line needs a colon after the field name, like "title: Strong passwords"';
		case 'BLOCK_AS_IMPLICIT_KEY':
			if (/compact mappings/.test(message) && /:\s.*:\s/.test(line)) {
				return 'this line has a second colon (": "): put the value in quotes, like title: "Passwords: the basics"';
			}
			return 'this line is not lined up with the lines around it: start the fields at the same column, and each "- " of a list at the same column';
		case 'MULTILINE_IMPLICIT_KEY':
		case 'BAD_INDENT':
			if (/Flow (sequence|map)/.test(message)) {
				return 'a list in [ ] or { } is not closed: add the ] or } on the same line';
			}
			return 'this line is not lined up with the lines around it: start the fields at the same column, and each "- " of a list at the same column';
		case 'TAB_AS_INDENT':
			return 'this line is indented with a tab: use spaces';
		case 'DUPLICATE_KEY':
			return 'this field is given twice: keep one of them';
		case 'BAD_SCALAR_START':
			return 'a value cannot start with this character (@ or `): put the value in quotes';
		case 'MULTIPLE_DOCS':
			return 'a line "---" in the middle splits this into two: remove it';
		case 'UNEXPECTED_TOKEN':
			if (/^\s*[^:#]+:\s*(["']).*\1\s*\S/.test(line)) {
				return 'there is text after the closing quotation mark: if the text itself has a \' or ", put it in the other kind of quotes, like "it\'s"';
			}
			return 'this line could not be read: check that it is "name: value", that its quotation marks are closed, and that it is lined up with the lines around it';
		default:
			return 'this line could not be read: check that it is "name: value", that its quotation marks are closed, and that it is lined up with the lines around it';
	}
}
