import english from '../../../messages/tutor/en.json';
import { formatMessage, type Message, type Params } from '$lib/i18n/format-message';
import type { Say, TutorKey } from './tutor-words.svelte';

/**
 * The tutor's words in English whatever the page's language: the CSV export is English (its
 * column names and what its cells say), so a spreadsheet reads the same for every tutor and
 * council report (issue 17).
 */
export const sayInEnglish: Say = (key: TutorKey, params: Params = {}) =>
	formatMessage((english as Record<TutorKey, Message>)[key], params, 'en-GB');
