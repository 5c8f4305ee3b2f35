import { describe, expect, it } from 'vitest';
import { Settings } from './settings.svelte';

/** A Storage of the test's own, as localStorage would hold the settings. */
function memory(initial: Record<string, string> = {}) {
	const items = new Map(Object.entries(initial));
	return {
		items,
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => void items.set(key, value)
	};
}

describe('the weekly goal in the settings', () => {
	it('is 2 lessons a week until the learner picks another', () => {
		expect(new Settings(memory()).goalIn('2026-03-02')).toBe(2);
	});

	it('keeps a new goal from the week it was picked, and reads it back after a reload', () => {
		const storage = memory();
		const settings = new Settings(storage);
		settings.setGoal('2026-03-09', 4);
		settings.setGoal('2026-03-16', 0);
		const again = new Settings(storage);
		expect([
			again.goalIn('2026-03-02'),
			again.goalIn('2026-03-09'),
			again.goalIn('2026-03-16')
		]).toEqual([2, 4, 0]);
	});

	it('drops goals it cannot trust from a damaged store, and keeps the rest of the settings', () => {
		const saved = {
			textSize: 150,
			theme: 'dark',
			goals: [
				{ since: '2026-03-02', goal: 3 },
				{ since: 'soon', goal: 1 },
				{ since: '2026-03-09', goal: 9 },
				null
			]
		};
		const settings = new Settings(memory({ 'clyde-settings': JSON.stringify(saved) }));
		expect(settings.goals).toEqual([{ since: '2026-03-02', goal: 3 }]);
		expect([settings.textSize, settings.theme]).toEqual([150, 'dark']);
	});
});
