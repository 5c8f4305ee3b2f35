/// <reference path="../pb_data/types.d.ts" />

// Badges (issue #18): Open Badges 3.0 credentials the server signs when a learner has done a
// pathway (pb_hooks/badges.pb.js), and the Ed25519 keys it signs them with.
//
// `badge_keys` is admins-only for every operation (null rules): the secret keys never leave
// the server through the record API. Public halves are served by GET /api/clyde/badges/issuer.
// A key is never deleted, so every badge ever signed stays verifiable; rotation adds a newer one.
//
// `badges`: one per learner and pathway (the unique index makes claiming twice give the same
// one). Learners read their own; only the routes write (claim, revoke). A revoked badge keeps
// its record, with when, why and by whom, because the public status route reads it.
migrate(
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		const text = (name, max, required = true) => ({
			name,
			type: 'text',
			required,
			options: { min: null, max, pattern: '' }
		});
		const date = (name, required = false) => ({
			name,
			type: 'date',
			required,
			options: { min: '', max: '' }
		});
		dao.saveCollection(
			new Collection({
				name: 'badge_keys',
				type: 'base',
				schema: [
					// The key's short id; the JWS header names it as a URL under /api/clyde/badges/keys/.
					text('kid', 40),
					// Base64url: the 32-byte public key, and TweetNaCl's 64-byte secret key (seed ‖ public).
					text('public_key', 60),
					text('secret_key', 100)
				],
				indexes: ['CREATE UNIQUE INDEX idx_badge_keys_kid ON badge_keys (kid)'],
				listRule: null,
				viewRule: null,
				createRule: null,
				updateRule: null,
				deleteRule: null
			})
		);
		dao.saveCollection(
			new Collection({
				name: 'badges',
				type: 'base',
				schema: [
					{
						name: 'user',
						type: 'relation',
						required: true,
						options: { collectionId: users.id, cascadeDelete: true, maxSelect: 1 }
					},
					text('pathway', 60),
					// The credential's own id (urn:uuid:…), as the verifier reads it.
					text('credential_id', 60),
					// The signed credential: a compact JWS (VC-JWT) whose payload is the credential.
					text('credential', 20000),
					// The name the learner chose to have on it ("" = a badge without a name).
					text('display_name', 80, false),
					date('issued', true),
					date('revoked'),
					text('revoked_reason', 200, false),
					{
						name: 'revoked_by',
						type: 'relation',
						required: false,
						options: { collectionId: users.id, cascadeDelete: false, maxSelect: 1 }
					}
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_badges_user_pathway ON badges (user, pathway)',
					'CREATE UNIQUE INDEX idx_badges_credential_id ON badges (credential_id)'
				],
				listRule: 'user = @request.auth.id',
				viewRule: 'user = @request.auth.id',
				createRule: null,
				updateRule: null,
				deleteRule: null
			})
		);
	},
	(db) => {
		const dao = new Dao(db);
		dao.deleteCollection(dao.findCollectionByNameOrId('badges'));
		dao.deleteCollection(dao.findCollectionByNameOrId('badge_keys'));
	}
);
