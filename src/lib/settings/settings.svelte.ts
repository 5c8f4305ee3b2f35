import { getContext, setContext } from 'svelte';

export type Theme = 'system' | 'light' | 'dark' | 'contrast';
export const TEXT_SIZES = [100, 125, 150, 200] as const;

interface Saved {
	textSize: number;
	theme: Theme;
	lowData: boolean;
}

const KEY = 'clyde-settings';

/**
 * The learner's display settings. Kept in localStorage rather than IndexedDB: they must be
 * read synchronously before the first paint, or the page would flash at the wrong size.
 */
export class Settings {
	textSize = $state(100);
	theme: Theme = $state('system');
	lowData = $state(false);

	constructor(private readonly storage?: Pick<Storage, 'getItem' | 'setItem'>) {
		try {
			const saved = JSON.parse(storage?.getItem(KEY) ?? '{}') as Partial<Saved>;
			if (TEXT_SIZES.includes(saved.textSize as (typeof TEXT_SIZES)[number]))
				this.textSize = saved.textSize as number;
			if (['system', 'light', 'dark', 'contrast'].includes(saved.theme as string))
				this.theme = saved.theme as Theme;
			this.lowData = saved.lowData === true;
		} catch {
			// A damaged or blocked store falls back to the defaults.
		}
	}

	save(): void {
		const value: Saved = { textSize: this.textSize, theme: this.theme, lowData: this.lowData };
		try {
			this.storage?.setItem(KEY, JSON.stringify(value));
		} catch {
			// Private mode or a full disk: the settings still apply until the page closes.
		}
	}
}

const SETTINGS = Symbol('settings');

export function setSettings(settings: Settings): Settings {
	return setContext(SETTINGS, settings);
}

export function getSettings(): Settings {
	return getContext<Settings>(SETTINGS);
}
