/// <reference path="../pb_data/types.d.ts" />

// Every index on progress_events is written for each event a push stores. The (pathway, user)
// index of pb_migrations/1764230700_cohorts.js served the tutor's dashboard when it read raw
// events by pathway; the dashboard now reads the lesson tallies, and its ?after= read keeps
// SQLite off this index on purpose (lib/dashboard.js), as its scans held the server for
// minutes. Every other read names the learner (the (user, seq) index) or a seq range. So it
// costs each push and serves nothing: dropped.
migrate(
	(db) => {
		const dao = new Dao(db);
		const events = dao.findCollectionByNameOrId('progress_events');
		events.indexes = Array.from(events.indexes).filter((index) => !index.includes('pathway_user'));
		dao.saveCollection(events);
	},
	(db) => {
		const dao = new Dao(db);
		const events = dao.findCollectionByNameOrId('progress_events');
		events.indexes = Array.from(events.indexes).concat([
			'CREATE INDEX idx_progress_events_pathway_user ON progress_events (pathway, user)'
		]);
		dao.saveCollection(events);
	}
);
