import type english from '../../../messages/tutor/en.json';
import { formatMessage, type Message, type Params } from '$lib/i18n/format-message';
import { fromValues } from '$lib/i18n/from-values';
import { i18n } from '$lib/i18n/i18n.svelte';
import { PSEUDO_LOCALE } from '$lib/i18n/locales';
import { pseudoMessages, pseudoParams } from '$lib/i18n/pseudo';

export type TutorKey = keyof typeof english;
/** A tutor message in some language: `tt` for the pages, `sayInEnglish` for the CSV. */
export type Say = (key: TutorKey, params?: Params) => string;
type Messages = Readonly<Record<string, Message>>;

// The tutor pages' words: a message set of their own (messages/tutor/<locale>.json), imported
// only from /tutor, so a learner's phone never fetches or precaches them (docs/translating.md).
// Shipped as values only, like the learner's messages (scripts/build/message-values.ts).
const files = import.meta.glob<readonly Message[]>('../../../messages/tutor/*.json', {
	query: '?values',
	import: 'default'
});
const keys = () => import('../../../messages/tutor/en.json?keys').then((module) => module.default);

async function load(locale: string): Promise<Messages> {
	const file = locale === PSEUDO_LOCALE ? 'en' : locale;
	const values = files[`../../../messages/tutor/${file}.json`];
	if (!values) throw new Error(`No tutor messages for ${locale}`);
	const messages = fromValues(...(await Promise.all([keys(), values()])));
	return locale === PSEUDO_LOCALE ? pseudoMessages(messages) : messages;
}

class TutorWords {
	#messages: Messages = $state.raw({});
	#locale = $state('');

	/** Fetches the words of the interface's language; the /tutor layout waits for it. */
	async use(locale: string = i18n.locale): Promise<void> {
		if (this.#locale === locale) return;
		const messages = await load(locale);
		if (i18n.locale !== locale) return; // switched again meanwhile
		this.#messages = messages;
		this.#locale = locale;
	}

	t(key: TutorKey, params: Params = {}): string {
		const message = this.#messages[key];
		if (message === undefined) return key;
		const values =
			this.#locale === PSEUDO_LOCALE
				? pseudoParams(params)
				: i18n.dir === 'rtl'
					? isolated(params)
					: params;
		return formatMessage(message, values, i18n.tag);
	}
}

/**
 * Right to left, each word filled in (a pathway's English title, a learner's name) is a
 * directional isolate (FSI … PDI): a sentence that starts with one still reads right to left,
 * since a paragraph takes its direction from its first letter outside isolates (app.css), and
 * the name's own punctuation stays with it.
 */
function isolated(params: Params): Params {
	return Object.fromEntries(
		Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? `\u2068${v}\u2069` : v])
	);
}

export const tutorWords = new TutorWords();

/** The tutor message `key` in the interface's language, its placeholders filled from `params`. */
export function tt(key: TutorKey, params?: Params): string {
	return tutorWords.t(key, params);
}

/**
 * A message cut at one placeholder left unfilled, for markup inside a sentence (a link, a
 * <strong>, a <time>): "Sign in on the {link}." → ["Sign in on the ", "."].
 */
export function around(text: string, placeholder: string): [before: string, after: string] {
	const at = text.indexOf(`{${placeholder}}`);
	return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + placeholder.length + 2)];
}
