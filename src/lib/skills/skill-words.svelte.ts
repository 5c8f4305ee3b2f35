import { i18n } from '$lib/i18n/i18n.svelte';
import { PSEUDO_LOCALE } from '$lib/i18n/locales';
import { fromValues } from '$lib/i18n/from-values';
import { pseudoText } from '$lib/i18n/pseudo';

// The skills framework's words (six areas, fifty-odd statements) are a quarter of the interface's
// text and only the skills screen shows them: a message file of their own per language,
// messages/skills/<locale>.json, fetched by that screen alone (docs/translating.md), as its
// values only (scripts/build/message-values.ts).
const files = import.meta.glob<readonly string[]>('../../../messages/skills/*.json', {
	query: '?values',
	import: 'default'
});
const keys = () => import('../../../messages/skills/en.json?keys').then((module) => module.default);

async function load(locale: string): Promise<Readonly<Record<string, string>>> {
	const file = locale === PSEUDO_LOCALE ? 'en' : locale;
	const load = files[`../../../messages/skills/${file}.json`];
	if (!load) throw new Error(`No skills messages for ${locale}`);
	const words = fromValues(...(await Promise.all([keys(), load()])));
	if (locale !== PSEUDO_LOCALE) return words;
	return Object.fromEntries(Object.entries(words).map(([key, text]) => [key, pseudoText(text)]));
}

/** The skill areas and statements in the learner's language. Create while a component initialises. */
export class SkillWords {
	#words: Readonly<Record<string, string>> = $state.raw({});
	#locale = $state('');

	constructor() {
		$effect(() => {
			const locale = i18n.locale;
			void load(locale).then((words) => {
				if (i18n.locale !== locale) return; // the learner switched again meanwhile
				this.#words = words;
				this.#locale = locale;
			});
		});
	}

	/** Whether the words of the language on screen are here. */
	get loaded(): boolean {
		return this.#locale === i18n.locale;
	}

	statement(code: string): string {
		return this.#words[`skill_${code}`] ?? code;
	}

	area(id: string): string {
		return this.#words[`skill_area_${id}`] ?? id;
	}

	about(id: string): string {
		return this.#words[`skill_area_${id}_about`] ?? '';
	}
}
