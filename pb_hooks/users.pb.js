/// <reference path="../pb_data/types.d.ts" />

// Usernames are the server's: Clyde signs people in by email and shows no username, and
// every new account gets "u" + its record id. PocketBase 0.22 checks that a username is free,
// hashes the password, then saves; two sign-ups given the same username in between both pass
// the check and the later one fails with "Failed to create record.". Its own random usernames
// ("users" + 5 digits) collided like that about once in 450 sign-ups made together. The id is
// the primary key, so a username made from it is never another account's.
onRecordBeforeCreateRequest((e) => {
	if (!e.record.hasId()) e.record.refreshId();
	e.record.setUsername(`u${e.record.id}`);
}, 'users');
