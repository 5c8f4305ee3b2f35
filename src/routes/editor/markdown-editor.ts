import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { yaml, yamlFrontmatter } from '@codemirror/lang-yaml';
import { HighlightStyle, LanguageDescription, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import {
	drawSelection,
	EditorView,
	highlightActiveLine,
	keymap,
	lineNumbers
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { Diagnostic } from '../../../scripts/content/diagnostics';
import { insertParagraph } from '$lib/editor/picture-markdown';

// Colours from the app's tokens (app.css), so that the editor follows light and dark.
const theme = EditorView.theme({
	'&': { color: 'var(--text)', backgroundColor: 'var(--surface)', fontSize: '1rem' },
	'.cm-content': { fontFamily: 'ui-monospace, monospace', caretColor: 'var(--text)' },
	'.cm-gutters': {
		backgroundColor: 'var(--background)',
		color: 'var(--muted)',
		borderRight: '1px solid var(--border)'
	},
	'.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)' },
	'&.cm-focused': { outline: '3px solid var(--focus)' },
	'.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)' }
});

const highlight = HighlightStyle.define([
	// Only tokens made for text in both themes (--brand and --success are light-only).
	{ tag: tags.heading, fontWeight: '700', color: 'var(--accent)' },
	{ tag: tags.strong, fontWeight: '700' },
	{ tag: tags.emphasis, fontStyle: 'italic' },
	{ tag: [tags.link, tags.url], color: 'var(--link)', textDecoration: 'underline' },
	{ tag: [tags.meta, tags.processingInstruction, tags.comment], color: 'var(--muted)' },
	{ tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--accent)' },
	{ tag: [tags.string, tags.monospace], color: 'var(--text)' },
	{ tag: tags.invalid, color: 'var(--problem)' }
]);

/** ```quiz blocks are YAML (scripts/content/quiz.ts): highlighted as such. */
const quiz = LanguageDescription.of({ name: 'quiz', alias: ['quiz'], support: yaml() });

/**
 * A lesson file's editor: YAML frontmatter, Markdown, quiz blocks as YAML, the checker's
 * messages at their lines. Tab indents; Escape then Tab leaves the editor (CodeMirror's own
 * rule, said on the page).
 */
export function markdownEditor(
	parent: HTMLElement,
	text: string,
	label: string,
	onChange: (text: string) => void
): EditorView {
	const extensions: Extension[] = [
		lineNumbers(),
		history(),
		drawSelection(),
		highlightActiveLine(),
		lintGutter(),
		EditorView.lineWrapping,
		yamlFrontmatter({ content: markdown({ codeLanguages: [quiz] }) }),
		syntaxHighlighting(highlight),
		theme,
		keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
		// tabindex: axe counts a contenteditable as reachable by keyboard only with one.
		EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
		EditorView.updateListener.of((update) => {
			if (update.docChanged) onChange(update.state.doc.toString());
		})
	];
	return new EditorView({ parent, state: EditorState.create({ doc: text, extensions }) });
}

type Place = Pick<Diagnostic, 'line' | 'column'>;

/** Where a message's 1-based line and column fall in the text (clamped: it may have changed). */
function placeOf(view: EditorView, { line, column }: Place): { at: number; lineEnd: number } {
	const doc = view.state.doc;
	const found = doc.line(Math.min(Math.max(line, 1), doc.lines));
	return { at: Math.min(found.from + Math.max(column - 1, 0), found.to), lineEnd: found.to };
}

/** Shows the checker's messages in the editor, each from its column to its line's end. */
export function showProblems(view: EditorView, problems: Diagnostic[]): void {
	const diagnostics: CmDiagnostic[] = problems.map((p) => {
		const { at, lineEnd } = placeOf(view, p);
		return { from: at, to: lineEnd, severity: p.severity, message: p.message };
	});
	view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** Puts the cursor at a message's line and column, scrolled into view, and focuses the editor. */
export function jumpTo(view: EditorView, problem: Place): void {
	view.dispatch({ selection: { anchor: placeOf(view, problem).at }, scrollIntoView: true });
	view.focus();
}

/** Puts `block` in as a paragraph of its own after the cursor's line, and focuses the editor. */
export function insertBlock(view: EditorView, block: string): void {
	const text = view.state.doc.toString();
	const { at, insert, cursor } = insertParagraph(text, view.state.selection.main.head, block);
	view.dispatch({
		changes: { from: at, insert },
		selection: { anchor: cursor },
		scrollIntoView: true
	});
	view.focus();
}
