import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import UpdateBanner from './UpdateBanner.svelte';

describe('UpdateBanner', () => {
	it('tells the learner nothing is lost and reloads only when they choose', async () => {
		const onReload = vi.fn();
		render(UpdateBanner, { onReload });

		expect(screen.getByRole('heading', { name: 'A new version of Clyde is ready' })).toBeVisible();
		expect(screen.getByText(/Nothing you have done will be lost/)).toBeVisible();
		expect(onReload).not.toHaveBeenCalled();

		await userEvent.click(screen.getByRole('button', { name: 'Use the new version' }));
		expect(onReload).toHaveBeenCalledOnce();
	});
});
