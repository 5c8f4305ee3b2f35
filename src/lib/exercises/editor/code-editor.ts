import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, LRLanguage, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, keymap, lineNumbers } from '@codemirror/view';
import { parser as cssParser } from '@lezer/css';
import { configureNesting, parser as htmlParser } from '@lezer/html';
import { parser as jsParser } from '@lezer/javascript';
import type { FileName } from '../types';
import { clydeHighlight } from './highlight';

// The lezer grammars alone, not @codemirror/lang-*: those bring completion, linting and
// TypeScript, JSX and Vue dialects, which took the editor from ~100 to 167 KB gzip. The grammars
// carry their own highlighting; HTML highlights the CSS and JavaScript inside it too.
const LANGUAGES: Record<FileName, () => Extension> = {
	'index.html': () =>
		LRLanguage.define({
			name: 'html',
			parser: htmlParser.configure({
				wrap: configureNesting([
					{ tag: 'script', parser: jsParser },
					{ tag: 'style', parser: cssParser }
				])
			})
		}),
	'style.css': () => LRLanguage.define({ name: 'css', parser: cssParser }),
	'script.js': () => LRLanguage.define({ name: 'javascript', parser: jsParser })
};

export interface CodeEditorOptions {
	parent: HTMLElement;
	file: FileName;
	doc: string;
	label: string;
	onChange(doc: string): void;
}

/**
 * A CodeMirror 6 editor for one file, with only what a learner on a phone needs: highlighting,
 * undo, bracket matching and Tab to indent (no completion: a phone's keyboard suggests enough). CodeMirror's own rule for Tab applies: after
 * Escape, Tab moves focus out of the editor, so a keyboard user is never trapped.
 */
export function createCodeEditor(options: CodeEditorOptions): EditorView {
	return new EditorView({
		parent: options.parent,
		state: EditorState.create({
			doc: options.doc,
			extensions: [
				lineNumbers(),
				history(),
				drawSelection(),
				bracketMatching(),
				syntaxHighlighting(clydeHighlight),
				keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
				EditorView.lineWrapping,
				LANGUAGES[options.file](),
				EditorView.contentAttributes.of({
					'aria-label': options.label,
					autocapitalize: 'off',
					autocorrect: 'off',
					spellcheck: 'false'
				}),
				EditorView.updateListener.of((update) => {
					if (update.docChanged) options.onChange(update.state.doc.toString());
				})
			]
		})
	});
}

/** Types `text` where the cursor is, as a key would (the row of keys phones hide). */
export function typeText(view: EditorView, text: string): void {
	view.dispatch(view.state.replaceSelection(text), {
		scrollIntoView: true,
		userEvent: 'input.type'
	});
	view.focus();
}

/** Replaces the whole text (reset, or the solution), as one step that undo can take back. */
export function replaceAll(view: EditorView, doc: string): void {
	view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc } });
}
