import { getContext, setContext } from 'svelte';
import type { EditorClient } from '$lib/editor/editor-client';

const EDITOR = Symbol('editor');

/** The signed-in editor's API client, set by the /editor layout once the role is checked. */
export const setEditor = (client: EditorClient) => setContext(EDITOR, client);
export const getEditor = () => getContext<EditorClient>(EDITOR);
