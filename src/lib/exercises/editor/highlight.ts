import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

// CodeMirror's default colours are for light pages only; these are the app's light-dark()
// pairs, each at least 4.5:1 on the editor's background in both themes (WCAG 1.4.3).
export const clydeHighlight = HighlightStyle.define([
	{ tag: [tags.keyword, tags.operatorKeyword], color: 'light-dark(#7a1fa2, #e0a6ff)' },
	{ tag: [tags.string, tags.special(tags.string)], color: 'light-dark(#1d6b34, #8fe3a0)' },
	{ tag: tags.comment, color: 'light-dark(#555555, #c0c0c0)', fontStyle: 'italic' },
	{ tag: [tags.tagName, tags.angleBracket], color: 'light-dark(#a4000f, #ff9d9d)' },
	{ tag: tags.attributeName, color: 'light-dark(#7a4300, #f0c070)' },
	{ tag: [tags.propertyName, tags.className], color: 'light-dark(#0b5563, #8fd3e0)' },
	{ tag: [tags.number, tags.bool, tags.null, tags.unit], color: 'light-dark(#7a4300, #f0c070)' },
	{ tag: tags.invalid, color: 'light-dark(#a4000f, #ff9d9d)', textDecoration: 'underline wavy' }
]);
