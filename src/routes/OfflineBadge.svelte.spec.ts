import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import OfflineBadge from './OfflineBadge.svelte';

describe('OfflineBadge', () => {
	it('says nothing while online', () => {
		render(OfflineBadge, { online: true });
		expect(screen.getByRole('status')).toHaveTextContent('');
	});

	it('announces being offline and that progress is kept', () => {
		render(OfflineBadge, { online: false });
		const status = screen.getByRole('status');
		expect(status).toHaveTextContent('Offline');
		expect(status).toHaveTextContent('Your progress is saved on this phone.');
	});
});
