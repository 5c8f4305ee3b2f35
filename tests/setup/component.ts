import '@testing-library/jest-dom/vitest';
import { i18n } from '$lib/i18n/i18n.svelte';

// Components read their words from the message files: English, as the app starts for an
// English-speaking browser.
await i18n.use('en');
