/// <reference path="../pb_data/types.d.ts" />

// Rate-limit counters for pb_hooks/lib/rate-limits.js: one row per hashed key and fixed
// window. A plain table, not a collection, so that no API rule can ever expose it. Losing it
// (a restore) only resets the counters.
migrate(
	(db) => {
		db.newQuery(
			`CREATE TABLE _clyde_rate_limits (
				key TEXT PRIMARY KEY NOT NULL,
				hits INTEGER NOT NULL,
				reset_at INTEGER NOT NULL
			) WITHOUT ROWID`
		).execute();
		db.newQuery(
			'CREATE INDEX idx_clyde_rate_limits_reset_at ON _clyde_rate_limits (reset_at)'
		).execute();
	},
	(db) => {
		db.newQuery('DROP TABLE _clyde_rate_limits').execute();
	}
);
