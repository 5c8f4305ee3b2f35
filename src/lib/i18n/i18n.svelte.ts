import type english from '../../../messages/en.json';
import { formatMessage, type Message, type Params } from './format-message';
import { fromValues } from './from-values';
import { direction, pickLocale, PSEUDO_LOCALE, type Locale } from './locales';
import { pseudoMessages, pseudoParams } from './pseudo';

export type MessageKey = Exclude<keyof typeof english, `$${string}`>;
type Messages = Readonly<Record<string, Message>>;

// One file per language, each its own chunk: only the learner's language is fetched, and the
// service worker precaches them all, so switching works offline (docs/translating.md). Each
// goes as its values only, the keys in a file of their own that every language shares.
const files = import.meta.glob<readonly Message[]>('../../../messages/*.json', {
	query: '?values',
	import: 'default'
});
const keys = () => import('../../../messages/en.json?keys').then((module) => module.default);

const STORAGE_KEY = 'clyde-locale';

/**
 * British English for dates and numbers; Arabic with the digits UK forms, prices and phone
 * numbers use (0-9), which learners here must read anyway (docs/translating.md).
 */
const INTL_TAGS: Record<Locale, string> = {
	en: 'en-GB',
	'en-XA': 'en-GB',
	pl: 'pl',
	ur: 'ur',
	ar: 'ar-u-nu-latn'
};

/**
 * The interface's language and its messages. One for the app: every screen and module that
 * shows text reads it through `t`, which is reactive, so a change of language redraws at once.
 */
class I18n {
	#locale: Locale = $state('en');
	#messages: Messages = $state.raw({});
	#chosen = $state(false);

	get locale(): Locale {
		return this.#locale;
	}

	/** The BCP 47 tag for `<html lang>` and `Intl` (the pseudo-locale formats as English). */
	get tag(): string {
		return INTL_TAGS[this.#locale];
	}

	get dir(): 'ltr' | 'rtl' {
		return direction(this.#locale);
	}

	/** Whether the learner has chosen a language (else it came from the browser's). */
	get chosen(): boolean {
		return this.#chosen;
	}

	/** Loads the saved or the browser's language; the app waits for this before its first paint. */
	async start(storage: Pick<Storage, 'getItem'> | undefined, preferred: readonly string[]) {
		const { locale, chosen } = startingLocale(storage, preferred);
		this.#chosen = chosen;
		await this.use(locale);
	}

	/** The learner's choice: shown at once and remembered on this phone. */
	async choose(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined): Promise<void> {
		await this.use(locale);
		this.#chosen = true;
		try {
			storage?.setItem(STORAGE_KEY, locale);
		} catch {
			// Private mode or a full disk: the language applies until the page closes.
		}
	}

	async use(locale: Locale): Promise<void> {
		const file = locale === PSEUDO_LOCALE ? 'en' : locale;
		const load = files[`../../../messages/${file}.json`];
		if (!load) throw new Error(`No messages for ${locale}`);
		const messages = fromValues(...(await Promise.all([keys(), load()])));
		this.#messages = locale === PSEUDO_LOCALE ? pseudoMessages(messages) : messages;
		this.#locale = locale;
	}

	t(key: MessageKey, params: Params = {}): string {
		const message = this.#messages[key];
		if (message === undefined) return key;
		const values = this.#locale === PSEUDO_LOCALE ? pseudoParams(params) : params;
		return formatMessage(message, values, this.tag);
	}
}

export const i18n = new I18n();

/** The language a visit starts in: the one saved on this phone, else the browser's (`start`). */
export function startingLocale(
	storage: Pick<Storage, 'getItem'> | undefined,
	preferred: readonly string[]
): { locale: Locale; chosen: boolean } {
	let saved: string | null = null;
	try {
		saved = storage?.getItem(STORAGE_KEY) ?? null;
	} catch {
		// Storage blocked: the browser's language for this visit.
	}
	const locale = pickLocale(saved, preferred);
	return { locale, chosen: saved === locale };
}

/** The message `key` in the learner's language, its placeholders filled from `params`. */
export function t(key: MessageKey, params?: Params): string {
	return i18n.t(key, params);
}
