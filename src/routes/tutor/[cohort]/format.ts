const DAY = 24 * 60 * 60 * 1000;

/** "today", "yesterday", "5 days ago", or "never": what a tutor scans for. */
export function formatWhen(at: number | undefined, now: number): string {
	if (at === undefined) return 'never';
	const days = Math.floor(now / DAY) - Math.floor(at / DAY);
	if (days <= 0) return 'today';
	if (days === 1) return 'yesterday';
	return `${days} days ago`;
}

export const formatPercent = (share: number | undefined) =>
	share === undefined ? '—' : `${Math.round(share * 100)}%`;

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	timeZone: 'UTC'
});

/** A YYYY-MM-DD day (UTC) as "9 Mar", for the chart's axis. */
export const formatDay = (day: string) => DAY_FORMAT.format(Date.parse(day));
