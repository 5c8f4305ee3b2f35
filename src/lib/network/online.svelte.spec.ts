import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { OnlineStatus } from './online.svelte';

describe('OnlineStatus', () => {
	it('follows the online and offline events of the window it is given', () => {
		const target = new EventTarget() as EventTarget & { navigator: { onLine: boolean } };
		target.navigator = { onLine: false };
		const cleanup = $effect.root(() => {
			const status = new OnlineStatus(target as unknown as Window);
			flushSync();
			expect(status.online).toBe(false);
			target.dispatchEvent(new Event('online'));
			expect(status.online).toBe(true);
			target.dispatchEvent(new Event('offline'));
			expect(status.online).toBe(false);
		});
		cleanup();
	});
});
