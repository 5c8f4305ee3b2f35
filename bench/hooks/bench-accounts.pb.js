/* global routerAdd, $app, $apis, $tokens, Record */

// Benchmarks only, never deployed (bench/run.ts copies it into a hooks dir of
// its own). POST /api/bench/accounts {"prefix": "b1", "count": 1000, "role": "learner"} makes
// that many accounts in one transaction and answers their ids, emails and auth tokens, as
// signing each in would. Through the public API a thousand sign-ups and sign-ins take minutes
// of bcrypt; here the password is hashed once and the hash shared, which changes nothing the
// benchmarks measure (pushes and dashboards, not sign-in).
routerAdd(
	'POST',
	'/api/bench/accounts',
	(c) => {
		const data = $apis.requestInfo(c).data;
		const prefix = String(data.prefix);
		const count = Number(data.count);
		const password = String(data.password);
		const users = $app.dao().findCollectionByNameOrId('users');
		const accounts = [];
		let hash = '';
		$app.dao().runInTransaction((tx) => {
			for (let i = 0; i < count; i++) {
				const record = new Record(users);
				record.refreshId();
				const email = `${prefix}-${String(i).padStart(4, '0')}@example.org`;
				record.set('email', email);
				record.set('name', data.names ? String(data.names[i]) : `Learner ${i}`);
				record.set('role', data.role === 'tutor' ? 'tutor' : 'learner');
				record.setUsername(`u${record.id}`);
				record.refreshTokenKey();
				if (hash) {
					record.set('passwordHash', hash);
				} else {
					record.setPassword(password);
					hash = record.passwordHash();
				}
				tx.saveRecord(record);
				accounts.push({
					id: record.id,
					email,
					token: $tokens.recordAuthToken($app, record)
				});
			}
		});
		return c.json(200, { accounts });
	},
	$apis.requireAdminAuth(),
	$apis.bodyLimit(1 << 20)
);
