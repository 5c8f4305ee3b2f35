import { callRoute } from '../support/call-route';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { EventSource } from 'eventsource';
import PocketBase, { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLessons } from '../support/content-records';

// Node has no EventSource; the SDK's realtime client needs one (see the PocketBase sheet).
(globalThis as { EventSource?: unknown }).EventSource = EventSource;

/**
 * Who may do what, checked through the real PocketBase API (issue 6: "an access test runs
 * every role against every collection and operation and finds only the allowed ones
 * succeed"). The whole policy is the MATRIX table below; every cell becomes one test.
 *
 * The people and records the table talks about:
 * - the tutor owns "the tutor's cohort" on "the tutor's pathway", and an empty cohort (no
 *   members yet, as every cohort is right after it is made);
 * - the other tutor owns "the other tutor's cohort" on "the other tutor's pathway";
 * - the learner is a member of both cohorts (the trap: the tutor may read the learner's events
 *   on the tutor's pathway only, the other tutor only those on the other tutor's pathway);
 * - the other learner is a member of the other tutor's cohort only;
 * - a learner in no cohort, and an editor, who is in no cohort either;
 * - every learner has pushed events on both pathways through /api/clyde/sync/push.
 *
 * A cell is ✓ (allowed), ✗ (refused) or · (does not apply, e.g. anonymous has no profile of
 * their own). "Allowed" is checked by the effect, re-read as an admin: a list holds exactly
 * the records the table says, a refused change changed nothing, a refused create made nothing.
 */
const ROLES = ['anonymous', 'learner', 'other learner', 'tutor', 'other tutor', 'editor'] as const;
type Role = (typeof ROLES)[number];

const MATRIX = parseMatrix(`
collection      | op         | target                                                   | anonymous | learner | other learner | tutor | other tutor | editor
users           | list       | the learner's profile                                    |     ✗     |    ✓    |       ✗       |   ✓   |      ✓      |   ✗
users           | list       | the other learner's profile                              |     ✗     |    ✗    |       ✓       |   ✗   |      ✓      |   ✗
users           | list       | the tutor's profile                                      |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
users           | list       | the other tutor's profile                                |     ✗     |    ✗    |       ✗       |   ✗   |      ✓      |   ✗
users           | list       | the editor's profile                                     |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
users           | list       | the profile of a learner in no cohort                    |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
users           | view       | the learner's profile                                    |     ✗     |    ✓    |       ✗       |   ✓   |      ✓      |   ✗
users           | view       | the other learner's profile                              |     ✗     |    ✗    |       ✓       |   ✗   |      ✓      |   ✗
users           | view       | the tutor's profile                                      |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
users           | view       | the other tutor's profile                                |     ✗     |    ✗    |       ✗       |   ✗   |      ✓      |   ✗
users           | view       | the editor's profile                                     |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
users           | view       | the profile of a learner in no cohort                    |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
users           | create     | a learner account                                        |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
users           | create     | a tutor account                                          |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
users           | update     | their own profile                                        |     ·     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
users           | update     | their own role, raising it                               |     ·     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
users           | update     | their own language                                       |     ·     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
users           | update     | the learner's language                                   |     ✗     |    ·    |       ✗       |   ✗   |      ✗      |   ✗
users           | update     | the learner's profile                                    |     ✗     |    ·    |       ✗       |   ✗   |      ✗      |   ✗
users           | update     | the tutor's profile                                      |     ✗     |    ✗    |       ✗       |   ·   |      ✗      |   ✗
users           | delete     | their own account                                        |     ·     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
users           | delete     | the learner's profile                                    |     ✗     |    ·    |       ✗       |   ✗   |      ✗      |   ✗
users           | delete     | the tutor's profile                                      |     ✗     |    ✗    |       ✗       |   ·   |      ✗      |   ✗
cohorts         | list       | the tutor's cohort                                       |     ✗     |    ✓    |       ✗       |   ✓   |      ✗      |   ✗
cohorts         | list       | the other tutor's cohort                                 |     ✗     |    ✓    |       ✓       |   ✗   |      ✓      |   ✗
cohorts         | list       | the tutor's empty cohort                                 |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
cohorts         | view       | the tutor's cohort                                       |     ✗     |    ✓    |       ✗       |   ✓   |      ✗      |   ✗
cohorts         | view       | the other tutor's cohort                                 |     ✗     |    ✓    |       ✓       |   ✗   |      ✓      |   ✗
cohorts         | view       | the tutor's empty cohort                                 |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
cohorts         | read code  | the tutor's cohort                                       |     ✗     |    ✓    |       ✗       |   ✓   |      ✗      |   ✗
cohorts         | read code  | the tutor's empty cohort                                 |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
cohorts         | create     | a cohort of their own                                    |     ·     |    ✗    |       ✗       |   ✓   |      ✓      |   ✗
cohorts         | create     | a cohort for the tutor                                   |     ✗     |    ✗    |       ✗       |   ·   |      ✗      |   ✗
cohorts         | create     | a cohort of their own with a join code they chose        |     ·     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
cohorts         | update     | the tutor's cohort, renaming it                          |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
cohorts         | update     | the tutor's cohort, setting its join code                |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
cohorts         | update     | the tutor's cohort, handing it to the other tutor        |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
cohorts         | delete     | the tutor's cohort                                       |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
memberships     | list       | the learner's membership of the tutor's cohort           |     ✗     |    ✓    |       ✗       |   ✓   |      ✗      |   ✗
memberships     | list       | the learner's membership of the other tutor's cohort     |     ✗     |    ✓    |       ✗       |   ✗   |      ✓      |   ✗
memberships     | list       | the other learner's membership of the other tutor's cohort |   ✗     |    ✗    |       ✓       |   ✗   |      ✓      |   ✗
memberships     | view       | the learner's membership of the tutor's cohort           |     ✗     |    ✓    |       ✗       |   ✓   |      ✗      |   ✗
memberships     | view       | the learner's membership of the other tutor's cohort     |     ✗     |    ✓    |       ✗       |   ✗   |      ✓      |   ✗
memberships     | view       | the other learner's membership of the other tutor's cohort |   ✗     |    ✗    |       ✓       |   ✗   |      ✓      |   ✗
memberships     | create     | a membership of their own in the tutor's empty cohort    |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
memberships     | create     | the other learner's membership of the tutor's cohort     |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
memberships     | update     | the learner's membership of the tutor's cohort           |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
memberships     | delete     | the learner's membership of the tutor's cohort           |     ✗     |    ✓    |       ✗       |   ✓   |      ✗      |   ✗
progress_events | list       | the learner's events on the tutor's pathway              |     ✗     |    ✓    |       ✗       |   ✓   |      ✗      |   ✗
progress_events | list       | the learner's events on the other tutor's pathway        |     ✗     |    ✓    |       ✗       |   ✗   |      ✓      |   ✗
progress_events | list       | the other learner's events on the other tutor's pathway  |     ✗     |    ✗    |       ✓       |   ✗   |      ✓      |   ✗
progress_events | list       | the other learner's events on the tutor's pathway        |     ✗     |    ✗    |       ✓       |   ✗   |      ✗      |   ✗
progress_events | list       | the events of a learner in no cohort                     |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
progress_events | view       | the learner's events on the tutor's pathway              |     ✗     |    ✓    |       ✗       |   ✓   |      ✗      |   ✗
progress_events | view       | the learner's events on the other tutor's pathway        |     ✗     |    ✓    |       ✗       |   ✗   |      ✓      |   ✗
progress_events | view       | the other learner's events on the other tutor's pathway  |     ✗     |    ✗    |       ✓       |   ✗   |      ✓      |   ✗
progress_events | view       | the other learner's events on the tutor's pathway        |     ✗     |    ✗    |       ✓       |   ✗   |      ✗      |   ✗
progress_events | view       | the events of a learner in no cohort                     |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
progress_events | create     | an event of their own                                    |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
progress_events | create     | an event in the learner's name                           |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
progress_events | update     | the learner's events on the tutor's pathway              |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
progress_events | delete     | the learner's events on the tutor's pathway              |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
shared_code     | list       | the learner's code on the tutor's pathway                |     ✗     |    ✓    |       ✗       |   ✓   |      ✗      |   ✗
shared_code     | list       | the learner's code on the other tutor's pathway          |     ✗     |    ✓    |       ✗       |   ✗   |      ✓      |   ✗
shared_code     | list       | the other learner's code on the other tutor's pathway    |     ✗     |    ✗    |       ✓       |   ✗   |      ✓      |   ✗
shared_code     | list       | the code of a learner in no cohort                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
shared_code     | view       | the learner's code on the tutor's pathway                |     ✗     |    ✓    |       ✗       |   ✓   |      ✗      |   ✗
shared_code     | view       | the learner's code on the other tutor's pathway          |     ✗     |    ✓    |       ✗       |   ✗   |      ✓      |   ✗
shared_code     | view       | the other learner's code on the other tutor's pathway    |     ✗     |    ✗    |       ✓       |   ✗   |      ✓      |   ✗
shared_code     | view       | the code of a learner in no cohort                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
shared_code     | create     | code of their own                                        |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
shared_code     | update     | the learner's code on the tutor's pathway                |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
shared_code     | delete     | the learner's code on the tutor's pathway                |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
cohort_activity | list       | the tutor's cohort's notice                              |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
cohort_activity | list       | the other tutor's cohort's notice                        |     ✗     |    ✗    |       ✗       |   ✗   |      ✓      |   ✗
cohort_activity | view       | the tutor's cohort's notice                              |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
cohort_activity | view       | the other tutor's cohort's notice                        |     ✗     |    ✗    |       ✗       |   ✗   |      ✓      |   ✗
cohort_activity | subscribe  | the tutor's cohort's notice                              |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
cohort_activity | create     | a notice for the tutor's empty cohort                    |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
cohort_activity | update     | the tutor's cohort's notice                              |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
cohort_activity | delete     | the tutor's cohort's notice                              |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
pathways        | list       | a published pathway                                      |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
pathways        | list       | an unpublished pathway                                   |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
pathways        | view       | a published pathway                                      |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
pathways        | view       | an unpublished pathway                                   |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
pathways        | create     | a new pathway                                            |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
pathways        | update     | a published pathway                                      |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
pathways        | delete     | a published pathway                                      |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
modules         | list       | a published module                                       |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
modules         | list       | an unpublished module                                    |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
modules         | view       | a published module                                       |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
modules         | view       | an unpublished module                                    |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
modules         | create     | a new module                                             |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
modules         | update     | a published module                                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
modules         | delete     | a published module                                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
lessons         | list       | a published lesson                                       |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
lessons         | list       | an unpublished lesson                                    |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
lessons         | view       | a published lesson                                       |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
lessons         | view       | an unpublished lesson                                    |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
lessons         | create     | a new lesson                                             |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
lessons         | update     | a published lesson                                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
lessons         | delete     | a published lesson                                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
drafts          | list       | a draft of a lesson                                      |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
drafts          | view       | a draft of a lesson                                      |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
drafts          | create     | a new draft                                              |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
drafts          | update     | a draft of a lesson                                      |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
drafts          | delete     | a draft of a lesson                                      |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
draft_conflicts | list       | a refused save of a draft                                |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
draft_conflicts | view       | a refused save of a draft                                |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
draft_conflicts | create     | a new refused save                                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
draft_conflicts | update     | a refused save of a draft                                |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
draft_conflicts | delete     | a refused save of a draft                                |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
publishes       | list       | a recorded publish                                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
publishes       | view       | a recorded publish                                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
publishes       | create     | a new record of a publish                                |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
publishes       | update     | a recorded publish                                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
publishes       | delete     | a recorded publish                                       |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
api/clyde       | join       | the tutor's cohort with its code                         |     ✗     |    ✓    |       ✓       |   ✗   |      ✗      |   ✗
api/clyde       | dashboard  | the tutor's cohort                                       |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
api/clyde       | changes    | the tutor's cohort                                       |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
api/clyde       | renew code | the tutor's cohort                                       |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
api/clyde       | push       | events of their own                                      |     ✗     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
api/clyde       | push       | events in another learner's name                         |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
api/clyde       | pull       | the learner's events                                     |     ✗     |    ✓    |       ✗       |   ✗   |      ✗      |   ✗
api/clyde       | publish    | an empty content set as a dry run                        |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
api/clyde       | revoke     | the learner's badge on the tutor's pathway               |     ✗     |    ✗    |       ✗       |   ✓   |      ✗      |   ✗
api/clyde       | revoke     | the learner's badge on the other tutor's pathway         |     ✗     |    ✗    |       ✗       |   ✗   |      ✓      |   ✗
api/clyde       | revoke     | the other learner's badge on the tutor's pathway         |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
api/clyde       | revoked    | the issuer's list of revoked badges                      |     ✓     |    ✓    |       ✓       |   ✓   |      ✓      |   ✓
api/clyde       | save draft | a new draft of a lesson                                  |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
api/clyde       | restore    | a recorded publish as a dry run                          |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✓
badges          | list       | the learner's badge                                      |     ✗     |    ✓    |       ✗       |   ✗   |      ✗      |   ✗
badges          | view       | the learner's badge                                      |     ✗     |    ✓    |       ✗       |   ✗   |      ✗      |   ✗
badges          | create     | a badge of their own                                     |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
badges          | update     | the learner's badge                                      |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
badges          | delete     | the learner's badge                                      |     ✗     |    ✗    |       ✗       |   ✗   |      ✗      |   ✗
`);
// Notes on cells that may look surprising:
// - users › create › a learner account: sign-up is public and asks for no auth at all, so a
//   signed-in person can make another learner account too; only the role is restricted (to
//   "learner" or none: an editor sign-up meets the same clause, see accounts.test.ts).
// - content › view › unpublished: the view rule is "" on purpose. Removed content is only
//   unpublished, never deleted, so that old progress still points at something readable.
// - api/clyde › push: anyone signed in may record their own study, whatever their role; the
//   route always files events under the caller, and an event naming someone else is refused.
// - api/clyde › revoke: a tutor of a cohort the learner is in may revoke only the badge for
//   that cohort's pathway (the only one whose progress they see); admins any (badges.test.ts).
//   Badges are written only by the routes, so their create, update and delete rules are null.

const url = inject('pbUrl');
/** Everyone the fixture signs up: the roles with an account, and a learner in no cohort. */
type Person = Exclude<Role, 'anonymous'> | 'lone learner';
const CONTENT = ['pathways', 'modules', 'lessons'] as const;
type ContentCollection = (typeof CONTENT)[number];
type EventGroup =
	| 'learner on mine'
	| 'learner on theirs'
	| 'other learner on theirs'
	| 'other learner on mine'
	| 'lone learner on mine';

/** Rules that are null in pb_migrations (admins only): PocketBase answers those with 403. */
const ADMIN_ONLY: Record<string, string[]> = {
	memberships: ['create', 'update'],
	progress_events: ['create', 'update', 'delete'],
	shared_code: ['create', 'update', 'delete'],
	cohort_activity: ['create', 'update', 'delete'],
	badges: ['create', 'update', 'delete'],
	pathways: ['create', 'update', 'delete'],
	modules: ['create', 'update', 'delete'],
	lessons: ['create', 'update', 'delete'],
	drafts: ['create', 'update', 'delete'],
	draft_conflicts: ['create', 'update', 'delete'],
	publishes: ['create', 'update', 'delete']
};

const VERBS: Record<string, string> = {
	list: 'list',
	view: 'view',
	create: 'create',
	update: 'update',
	delete: 'delete',
	'read code': 'read the join code of',
	join: 'join',
	dashboard: 'read the dashboard of',
	changes: 'read the latest events on the dashboard of',
	subscribe: 'hear live',
	'renew code': 'renew the join code of',
	push: 'push',
	pull: 'pull',
	publish: 'publish',
	'save draft': 'save',
	restore: 'restore'
};

interface Row {
	collection: string;
	op: string;
	target: string;
	cells: Record<Role, '✓' | '✗' | '·'>;
}

function parseMatrix(table: string): Row[] {
	const [header, ...lines] = table
		.trim()
		.split('\n')
		.map((line) => line.split('|').map((cell) => cell.trim()));
	if (JSON.stringify(header?.slice(3)) !== JSON.stringify(ROLES)) {
		throw new Error(`The matrix's role columns must be: ${ROLES.join(', ')}`);
	}
	return lines.map(([collection = '', op = '', target = '', ...marks]) => {
		if (marks.length !== ROLES.length || marks.some((m) => !['✓', '✗', '·'].includes(m))) {
			throw new Error(`Bad matrix row: ${collection} | ${op} | ${target}`);
		}
		const cells = Object.fromEntries(ROLES.map((role, i) => [role, marks[i]])) as Row['cells'];
		return { collection, op, target, cells };
	});
}

/** "tutor cannot list the learner's events on the other tutor's pathway" */
function title(row: Row, role: Role): string {
	// The role's own things read as "their …": "tutor can view their cohort".
	const target = row.target.replace(new RegExp(`\\bthe ${role}'s\\b`, 'g'), 'their');
	return `${role} ${row.cells[role] === '✓' ? 'can' : 'cannot'} ${VERBS[row.op]} ${target}`;
}

// ---------------------------------------------------------------------------------------------
// The fixture

interface Cohort {
	id: string;
	code: string;
}

interface World {
	admin: PocketBase;
	prefix: string;
	/** A client per role; the anonymous one never signs in. */
	as: Record<Role, PocketBase>;
	user: Record<Person, string>;
	cohort: { tutor: Cohort; other: Cohort; empty: Cohort };
	membership: { learnerInTutors: string; learnerInOthers: string; otherLearnerInOthers: string };
	events: Record<EventGroup, string[]>;
	/** An account per role for "delete their own account", which spends it. */
	spare: Record<Exclude<Role, 'anonymous'>, { id: string; client: PocketBase }>;
	/** The learner's op ids (what the pull route answers with). */
	learnerOpIds: string[];
	/** The learner's badge, on neither tutor's pathway (revoke cells make their own). */
	badge: string;
	content: Record<ContentCollection, { published: string; unpublished: string; all: string[] }>;
	/** A draft and a refused save of it, made by the admin. */
	drafts: { draft: string; conflict: string };
	/** A publish recorded by the admin, of an empty content set. */
	publish: string;
	/** Code shared with a tutor, stored by the admin as the share route would store it. */
	shares: Record<ShareGroup, string>;
}

type ShareGroup =
	'learner on mine' | 'learner on theirs' | 'other learner on theirs' | 'lone learner on mine';

const PASSWORD = `matrix-${randomUUID().slice(0, 8)}-secret`;
let w: World;
type Made = Array<[collection: string, id: string]>;
/**
 * Records made by the running test (so that its changes cannot spoil the fixture), deleted
 * when it ends. Kept per test rather than per file because the sign-up cells run side by side.
 */
const madeByTest = new AsyncLocalStorage<Made>();

function remember(collection: string, id: string): void {
	const made = madeByTest.getStore();
	if (!made) throw new Error('remember() outside a matrix test');
	made.push([collection, id]);
}

function newClient(): PocketBase {
	const pb = new PocketBase(url);
	// Tests run requests to one collection side by side; the SDK would cancel all but one.
	pb.autoCancellation(false);
	return pb;
}

/** A PocketBase-style record id, so that a create's effect can be looked up by id. */
function newId(): string {
	return randomUUID().replace(/-/g, '').slice(0, 15);
}

function emailFor(label: string): string {
	return `${w.prefix}-${label.replace(/\W/g, '')}-${newId()}@example.org`;
}

const roleOf = (person: Person) =>
	person === 'tutor' || person === 'other tutor'
		? 'tutor'
		: person === 'editor'
			? 'editor'
			: 'learner';

async function signUp(admin: PocketBase, person: Person, email: string) {
	const record = await admin.collection('users').create({
		email,
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		name: person,
		role: roleOf(person)
	});
	const client = newClient();
	await client.collection('users').authWithPassword(email, PASSWORD);
	return { id: record.id, client };
}

/** Calls a Clyde route as `role`; answers with the status and the parsed body. */
function call(role: Role, method: string, path: string, body?: unknown) {
	return callWith(role === 'anonymous' ? '' : w.as[role].authStore.token, method, path, body);
}

function callWith(token: string, method: string, path: string, body?: unknown) {
	return callRoute(url, token, method, path, body);
}

function event(pathway: 'mine' | 'theirs', type = 'lesson_opened') {
	const set = pathway === 'mine' ? 'a' : 'b';
	return {
		id: randomUUID(),
		type,
		lesson: `${w.prefix}-${set}-l1`,
		module: `${w.prefix}-${set}-m`,
		pathway: `${w.prefix}-${set}-p`,
		at: new Date().toISOString()
	};
}

/** Pushes through the sync route, as the app does, and returns the stored records' ids. */
async function push(who: PocketBase, events: Array<ReturnType<typeof event>>): Promise<string[]> {
	const answer = await callWith(who.authStore.token, 'POST', '/api/clyde/sync/push', { events });
	expect(answer.status, answer.text).toBe(200);
	const filter = events.map((e) => w.admin.filter('op_id = {:op}', { op: e.id })).join(' || ');
	const records = await w.admin.collection('progress_events').getFullList({ filter, sort: 'seq' });
	return records.map((r) => r.id);
}

/** A cohort of the tutor's on the tutor's pathway, made by an admin (the hook gives a code). */
async function freshCohort(members: Person[] = []): Promise<Cohort & { memberships: string[] }> {
	const cohort = await w.admin.collection('cohorts').create({
		name: `Fresh ${newId()}`,
		pathway: `${w.prefix}-a-p`,
		tutor: w.user.tutor
	});
	remember('cohorts', cohort.id);
	const memberships: string[] = [];
	for (const person of members) {
		const m = await w.admin
			.collection('memberships')
			.create({ cohort: cohort.id, learner: w.user[person] });
		memberships.push(m.id);
	}
	return { id: cohort.id, code: cohort.join_code, memberships };
}

async function exists(collection: string, id: string): Promise<boolean> {
	const found = await w.admin
		.collection(collection)
		.getList(1, 1, { filter: w.admin.filter('id = {:id}', { id }) });
	return found.items.length === 1;
}

/** Every record of `collection` the fixture made: a list must show nothing else. */
function known(collection: string): Set<string> {
	const ids: Record<string, string[]> = {
		users: Object.values(w.user),
		cohorts: Object.values(w.cohort).map((c) => c.id),
		memberships: Object.values(w.membership),
		progress_events: Object.values(w.events).flat(),
		// A cohort's notice has the cohort's id; the empty cohort has none (nobody joined).
		cohort_activity: [w.cohort.tutor.id, w.cohort.other.id],
		badges: [w.badge],
		drafts: [w.drafts.draft],
		draft_conflicts: [w.drafts.conflict],
		publishes: [w.publish],
		shared_code: Object.values(w.shares)
	};
	const content = w.content[collection as ContentCollection];
	return new Set(content ? content.all : (ids[collection] ?? []));
}

const selfId = (role: Role) => (role === 'anonymous' ? '' : w.user[role]);

// ---------------------------------------------------------------------------------------------
// What each target of the table is

interface Target {
	/** The existing records the row is about. */
	ids?: (role: Role) => string[];
	/**
	 * A record made just for this test, used instead of `ids` by update and delete: for
	 * changes that would otherwise spoil the fixture. `actor` acts instead of the role's client.
	 */
	fresh?: (role: Role) => Promise<{ id: string; actor?: PocketBase }>;
	/** What a create or an update sends. */
	body?: (role: Role) => Record<string, unknown>;
	/** The cohort whose join code a "read code" row is about. */
	cohort?: () => Cohort;
	/** A custom route: the whole check, given whether the table allows it. */
	check?: (role: Role, allowed: boolean, op: string) => Promise<void>;
}

const profile = (person: Person): Target => ({
	ids: () => [w.user[person]],
	body: () => ({ name: `Renamed ${newId()}` })
});

const account = (role: string): Target => ({
	body: () => ({
		email: emailFor(`new-${role}`),
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		name: `New ${role}`,
		role
	})
});

const eventGroup = (group: EventGroup): Target => ({ ids: () => w.events[group] });
const shareGroup = (group: ShareGroup): Target => ({ ids: () => [w.shares[group]] });

function contentTarget(collection: ContentCollection): Record<string, Target> {
	const kind = collection.slice(0, -1);
	return {
		[`a published ${kind}`]: {
			ids: () => [w.content[collection].published],
			body: () => ({ title: 'Changed by a test', published: false })
		},
		[`an unpublished ${kind}`]: { ids: () => [w.content[collection].unpublished] },
		[`a new ${kind}`]: {
			body: () => ({
				content_id: `${w.prefix}-new-${kind}`,
				slug: `${w.prefix}-new-${kind}`,
				title: 'New',
				summary: 'New.',
				outcomes: [],
				published: true,
				hash: 'x',
				version: 1,
				seq: 1,
				position: 1,
				level: 'beginner'
			})
		}
	};
}

const TARGETS: Record<string, Record<string, Target>> = {
	users: {
		"the learner's profile": profile('learner'),
		"the other learner's profile": profile('other learner'),
		"the tutor's profile": profile('tutor'),
		"the other tutor's profile": profile('other tutor'),
		"the editor's profile": profile('editor'),
		'the profile of a learner in no cohort': profile('lone learner'),
		'their own profile': {
			ids: (role) => [selfId(role)],
			body: () => ({ name: `Renamed ${newId()}` })
		},
		// The language a learner's phone keeps on their account (src/lib/sync/push-language.ts):
		// their own to set; their tutors read it with the profile (rows above), never set it.
		'their own language': {
			ids: (role) => [selfId(role)],
			body: () => ({ language: 'pl' })
		},
		"the learner's language": {
			ids: () => [w.user.learner],
			body: () => ({ language: 'ar' })
		},
		'their own role, raising it': {
			ids: (role) => [selfId(role)],
			body: (role) => ({ role: role === 'tutor' || role === 'other tutor' ? 'editor' : 'tutor' })
		},
		// Deleting a fixture account would spoil every later test: a spare account of the same
		// role (made in beforeAll) deletes itself.
		'their own account': {
			async fresh(role) {
				const spare = w.spare[role as Exclude<Role, 'anonymous'>];
				remember('users', spare.id);
				return { id: spare.id, actor: spare.client };
			}
		},
		'a learner account': account('learner'),
		'a tutor account': account('tutor')
	},
	cohorts: {
		"the tutor's cohort": {
			ids: () => [w.cohort.tutor.id],
			fresh: async () => ({ id: (await freshCohort(['learner'])).id }),
			cohort: () => w.cohort.tutor
		},
		"the other tutor's cohort": { ids: () => [w.cohort.other.id] },
		"the tutor's empty cohort": {
			ids: () => [w.cohort.empty.id],
			cohort: () => w.cohort.empty
		},
		'a cohort of their own': {
			body: (role) => ({ name: 'Mine', pathway: `${w.prefix}-a-p`, tutor: selfId(role) })
		},
		'a cohort for the tutor': {
			body: () => ({ name: 'Theirs', pathway: `${w.prefix}-a-p`, tutor: w.user.tutor })
		},
		'a cohort of their own with a join code they chose': {
			body: (role) => ({
				name: 'Chosen code',
				pathway: `${w.prefix}-a-p`,
				tutor: selfId(role),
				join_code: 'CHSN2345'
			})
		},
		"the tutor's cohort, renaming it": {
			ids: () => [w.cohort.tutor.id],
			body: () => ({ name: `Renamed ${newId()}` })
		},
		"the tutor's cohort, setting its join code": {
			ids: () => [w.cohort.tutor.id],
			body: () => ({ join_code: 'CHSN2345' })
		},
		"the tutor's cohort, handing it to the other tutor": {
			ids: () => [w.cohort.tutor.id],
			body: () => ({ tutor: w.user['other tutor'] })
		}
	},
	memberships: {
		"the learner's membership of the tutor's cohort": {
			ids: () => [w.membership.learnerInTutors],
			fresh: async () => ({ id: (await freshCohort(['learner'])).memberships[0] as string }),
			body: () => ({ cohort: w.cohort.empty.id })
		},
		"the learner's membership of the other tutor's cohort": {
			ids: () => [w.membership.learnerInOthers]
		},
		"the other learner's membership of the other tutor's cohort": {
			ids: () => [w.membership.otherLearnerInOthers]
		},
		"a membership of their own in the tutor's empty cohort": {
			body: (role) => ({ cohort: w.cohort.empty.id, learner: selfId(role) })
		},
		"the other learner's membership of the tutor's cohort": {
			body: () => ({ cohort: w.cohort.tutor.id, learner: w.user['other learner'] })
		}
	},
	progress_events: {
		"the learner's events on the tutor's pathway": {
			...eventGroup('learner on mine'),
			body: () => ({ type: 'lesson_completed', data: { forged: true } })
		},
		"the learner's events on the other tutor's pathway": eventGroup('learner on theirs'),
		"the other learner's events on the other tutor's pathway":
			eventGroup('other learner on theirs'),
		"the other learner's events on the tutor's pathway": eventGroup('other learner on mine'),
		'the events of a learner in no cohort': eventGroup('lone learner on mine'),
		'an event of their own': { body: (role) => forgedEvent(selfId(role)) },
		"an event in the learner's name": { body: () => forgedEvent(w.user.learner) }
	},
	shared_code: {
		"the learner's code on the tutor's pathway": {
			...shareGroup('learner on mine'),
			body: () => ({ files: { html: 'changed', css: '', js: '' } })
		},
		"the learner's code on the other tutor's pathway": shareGroup('learner on theirs'),
		"the other learner's code on the other tutor's pathway": shareGroup('other learner on theirs'),
		'the code of a learner in no cohort': shareGroup('lone learner on mine'),
		'code of their own': { body: (role) => sharedCode(selfId(role), 'mine') }
	},
	cohort_activity: {
		"the tutor's cohort's notice": {
			ids: () => [w.cohort.tutor.id],
			body: () => ({ seq: 999_999_999 }),
			check: checkSubscribe
		},
		"the other tutor's cohort's notice": { ids: () => [w.cohort.other.id] },
		"a notice for the tutor's empty cohort": {
			body: () => ({ cohort: w.cohort.empty.id, seq: 1, roster: 1 })
		}
	},
	pathways: contentTarget('pathways'),
	modules: contentTarget('modules'),
	lessons: contentTarget('lessons'),
	badges: {
		"the learner's badge": {
			ids: () => [w.badge],
			body: () => ({ revoked: new Date().toISOString(), revoked_reason: 'Revoked by hand' })
		},
		'a badge of their own': {
			body: (role) => ({
				user: role === 'anonymous' ? w.user.learner : w.user[role],
				pathway: `${w.prefix}-a-p`,
				credential_id: `urn:uuid:${randomUUID()}`,
				credential: 'not a signed badge',
				issued: new Date().toISOString()
			})
		}
	},
	drafts: {
		'a draft of a lesson': {
			ids: () => [w.drafts.draft],
			body: () => ({ text: 'Written over by a test', version: 99 })
		},
		'a new draft': { body: () => ({ file: draftFile('new'), text: 'New', version: 1 }) }
	},
	draft_conflicts: {
		'a refused save of a draft': {
			ids: () => [w.drafts.conflict],
			body: () => ({ text: 'Changed by a test' })
		},
		'a new refused save': {
			body: () => ({ file: draftFile('new'), text: 'New', lost_to_version: 1 })
		}
	},
	publishes: {
		'a recorded publish': {
			ids: () => [w.publish],
			body: () => ({ author_name: 'Changed by a test' })
		},
		'a new record of a publish': {
			body: () => ({ seq: 999_999, snapshot: { pathways: [] } })
		}
	},
	'api/clyde': {
		"the learner's badge on the tutor's pathway": { check: checkRevoke('learner', 'a') },
		"the learner's badge on the other tutor's pathway": { check: checkRevoke('learner', 'b') },
		"the other learner's badge on the tutor's pathway": {
			check: checkRevoke('other learner', 'a')
		},
		"the issuer's list of revoked badges": { check: checkRevokedList },
		"the tutor's cohort with its code": { check: checkJoin },
		"the tutor's cohort": { check: checkCohortRoute },
		'events of their own': { check: checkPushOwn },
		"events in another learner's name": { check: checkPushForSomeoneElse },
		"the learner's events": { check: checkPull },
		'an empty content set as a dry run': { check: checkPublish },
		'a new draft of a lesson': { check: checkSaveDraft },
		'a recorded publish as a dry run': { check: checkRestore }
	}
};

/** A shared_code record as the share route stores it (pb_hooks/lib/shares.js). */
function sharedCode(user: string, pathway: 'mine' | 'theirs') {
	const e = event(pathway);
	return {
		op_id: e.id,
		user,
		exercise: 'an-exercise',
		lesson: e.lesson,
		module: e.module,
		pathway: e.pathway,
		at: e.at,
		files: { html: '<h1>Mine</h1>', css: '', js: '' }
	};
}

function forgedEvent(user: string) {
	const e = event('mine', 'lesson_completed');
	return {
		op_id: e.id,
		user,
		type: e.type,
		lesson: e.lesson,
		module: e.module,
		pathway: e.pathway,
		at: e.at,
		data: {},
		seq: 999_999_999
	};
}

// ---------------------------------------------------------------------------------------------
// The checks: what "allowed" and "refused" mean for each operation

/**
 * A refusal by a rule, not by a malformed request: PocketBase 0.22 answers a null (admin-only)
 * rule with 403, a failing create rule with a bare 400 (no field errors), and a failing
 * view, update or delete rule with 404, as if the record did not exist.
 */
async function expectRuleRefusal(attempt: Promise<unknown>, collection: string, op: string) {
	const error = await attempt.then(
		() => null,
		(e: unknown) => e
	);
	expect(error, 'the request should have been refused').toBeInstanceOf(ClientResponseError);
	const { status, response } = error as ClientResponseError;
	const expected = ADMIN_ONLY[collection]?.includes(op)
		? { status: 403, data: {} }
		: op === 'create'
			? { status: 400, data: {} }
			: { status: 404, data: {} };
	expect({ status, data: response.data }).toEqual(expected);
}

async function checkList(collection: string, role: Role, ids: string[], allowed: boolean) {
	// Content is public and other test files publish their own: look at this file's only.
	const filter = (CONTENT as readonly string[]).includes(collection)
		? w.admin.filter('content_id ~ {:prefix}', { prefix: w.prefix })
		: collection.startsWith('draft')
			? w.admin.filter('file ~ {:prefix}', { prefix: w.prefix })
			: collection === 'publishes'
				? w.admin.filter('author_name = {:prefix}', { prefix: w.prefix })
				: '';
	const listed = (await w.as[role].collection(collection).getFullList({ filter })).map((r) => r.id);
	// Nothing the table does not know about: "nobody lists all users", exactly.
	const strangers = listed.filter((id) => !known(collection).has(id));
	expect(strangers, 'records the table does not expect in this list').toEqual([]);
	const shown = listed.filter((id) => ids.includes(id));
	expect(shown).toEqual(allowed ? expect.arrayContaining(ids) : []);
	if (allowed) expect(shown).toHaveLength(ids.length);
}

async function checkView(collection: string, role: Role, ids: string[], allowed: boolean) {
	for (const id of ids) {
		const attempt = w.as[role].collection(collection).getOne(id);
		if (allowed) expect((await attempt).id).toBe(id);
		else await expectRuleRefusal(attempt, collection, 'view');
	}
}

async function checkCreate(collection: string, role: Role, target: Target, allowed: boolean) {
	const id = newId();
	const attempt = w.as[role].collection(collection).create({ id, ...target.body?.(role) });
	if (allowed) {
		remember(collection, id);
		expect((await attempt).id).toBe(id);
	} else {
		await expectRuleRefusal(attempt, collection, 'create');
	}
	expect(await exists(collection, id)).toBe(allowed);
}

async function subject(role: Role, target: Target) {
	if (target.fresh) return target.fresh(role);
	const id = target.ids?.(role)[0];
	if (!id) throw new Error('The target names no record');
	return { id, actor: undefined };
}

async function checkUpdate(collection: string, role: Role, target: Target, allowed: boolean) {
	const { id, actor } = await subject(role, target);
	const body = target.body?.(role) ?? {};
	const before = await w.admin.collection(collection).getOne(id);
	const attempt = (actor ?? w.as[role]).collection(collection).update(id, body);
	if (allowed) {
		await attempt;
		expect(await w.admin.collection(collection).getOne(id)).toMatchObject(body);
	} else {
		await expectRuleRefusal(attempt, collection, 'update');
		expect(await w.admin.collection(collection).getOne(id)).toEqual(before);
	}
}

async function checkDelete(collection: string, role: Role, target: Target, allowed: boolean) {
	const { id, actor } = await subject(role, target);
	const attempt = (actor ?? w.as[role]).collection(collection).delete(id);
	if (allowed) await attempt;
	else await expectRuleRefusal(attempt, collection, 'delete');
	expect(await exists(collection, id)).toBe(!allowed);
}

/**
 * Looks for the cohort's code in everything the role can read: the cohorts list and record,
 * a filter on the code, and the cohort expanded from memberships and from users.
 */
async function checkReadCode(role: Role, cohort: Cohort, allowed: boolean) {
	const pb = w.as[role];
	const answers = await Promise.all([
		pb.collection('cohorts').getFullList(),
		pb
			.collection('cohorts')
			.getOne(cohort.id)
			.catch(() => null),
		pb
			.collection('cohorts')
			.getFullList({ filter: pb.filter('join_code = {:code}', { code: cohort.code }) }),
		pb.collection('memberships').getFullList({ expand: 'cohort' }),
		pb.collection('users').getFullList({ expand: 'memberships_via_learner.cohort' })
	]);
	expect(JSON.stringify(answers).includes(cohort.code)).toBe(allowed);
}

async function checkJoin(role: Role, allowed: boolean) {
	const cohort = await freshCohort();
	const answer = await call(role, 'POST', '/api/clyde/cohorts/join', { code: cohort.code });
	const refusal = role === 'anonymous' ? 401 : 403;
	expect(answer.status, answer.text).toBe(allowed ? 200 : refusal);
	const members = await w.admin
		.collection('memberships')
		.getFullList({ filter: w.admin.filter('cohort = {:c}', { c: cohort.id }) });
	expect(members.map((m) => m.learner)).toEqual(allowed ? [selfId(role)] : []);
}

/** The dashboard reads and the code renewal: all only for the cohort's own tutor. */
async function checkCohortRoute(role: Role, allowed: boolean, op: string) {
	const refusal = role === 'anonymous' ? 401 : 404;
	if (op === 'changes') {
		const answer = await call(
			role,
			'GET',
			`/api/clyde/cohorts/${w.cohort.tutor.id}/progress?after=0`
		);
		expect(answer.status, answer.text).toBe(allowed ? 200 : refusal);
		const ids = (answer.body?.events ?? []).map((e: { id: string }) => e.id);
		expect(ids.filter((id: string) => w.learnerOpIds.includes(id)).length).toBe(allowed ? 2 : 0);
		expect(answer.text.includes(w.user.learner)).toBe(allowed);
		return;
	}
	if (op === 'dashboard') {
		const answer = await call(role, 'GET', `/api/clyde/cohorts/${w.cohort.tutor.id}/progress`);
		expect(answer.status, answer.text).toBe(allowed ? 200 : refusal);
		// A refusal gives nothing away: no learner, no code.
		const leaks = [w.user.learner, w.cohort.tutor.code].filter((s) => answer.text.includes(s));
		expect(leaks).toEqual(allowed ? [w.user.learner, w.cohort.tutor.code] : []);
		return;
	}
	const cohort = await freshCohort(['learner']);
	const answer = await call(role, 'POST', `/api/clyde/cohorts/${cohort.id}/renew-code`);
	expect(answer.status, answer.text).toBe(allowed ? 200 : refusal);
	const after = await w.admin.collection('cohorts').getOne(cohort.id);
	if (allowed) {
		expect(after.join_code).not.toBe(cohort.code);
		expect(answer.body.join_code).toBe(after.join_code);
	} else {
		expect(after.join_code).toBe(cohort.code);
	}
}

/**
 * Subscribes as `role` to the tutor's cohort's notice and to a public pathway, then the learner
 * pushes (which touches the notice) and the admin changes the pathway: once the pathway's
 * message is here, the notice's would have been too.
 */
async function checkSubscribe(role: Role, allowed: boolean) {
	const live = newClient();
	if (role !== 'anonymous') live.authStore.save(w.as[role].authStore.token, null);
	const heard: string[] = [];
	await live
		.collection('cohort_activity')
		.subscribe(w.cohort.tutor.id, (e) => heard.push(`notice ${e.record.id}`));
	const pathway = w.content.pathways.published;
	await live.collection('pathways').subscribe(pathway, () => heard.push('pathway'));
	try {
		const e = event('mine');
		await callWith(w.as.learner.authStore.token, 'POST', '/api/clyde/sync/push', { events: [e] });
		const [stored] = await w.admin
			.collection('progress_events')
			.getFullList({ filter: w.admin.filter('op_id = {:op}', { op: e.id }) });
		if (stored) remember('progress_events', stored.id);
		await w.admin.collection('pathways').update(pathway, { title: `Marker ${newId()}` });
		await expect.poll(() => heard.includes('pathway'), { timeout: 5000 }).toBe(true);
		if (allowed) {
			await expect
				.poll(() => heard.includes(`notice ${w.cohort.tutor.id}`), { timeout: 5000 })
				.toBe(true);
		}
		expect(heard.filter((h) => h.startsWith('notice'))).toEqual(
			allowed ? [`notice ${w.cohort.tutor.id}`] : []
		);
	} finally {
		await live.realtime.unsubscribe();
	}
}

async function checkPushOwn(role: Role, allowed: boolean) {
	const e = event('mine');
	const answer = await call(role, 'POST', '/api/clyde/sync/push', { events: [e] });
	expect(answer.status, answer.text).toBe(allowed ? 200 : 401);
	const stored = await w.admin
		.collection('progress_events')
		.getFullList({ filter: w.admin.filter('op_id = {:op}', { op: e.id }) });
	for (const record of stored) remember('progress_events', record.id);
	expect(stored.map((r) => r.user)).toEqual(allowed ? [selfId(role)] : []);
}

async function checkPushForSomeoneElse(role: Role, allowed: boolean) {
	const victim = role === 'learner' ? w.user['other learner'] : w.user.learner;
	const e = { ...event('mine'), user: victim };
	const answer = await call(role, 'POST', '/api/clyde/sync/push', { events: [e] });
	const refusal = role === 'anonymous' ? 401 : 400;
	expect(answer.status, answer.text).toBe(allowed ? 200 : refusal);
	const stored = await w.admin
		.collection('progress_events')
		.getFullList({ filter: w.admin.filter('op_id = {:op}', { op: e.id }) });
	for (const record of stored) remember('progress_events', record.id);
	expect(stored.map((r) => r.user)).toEqual(allowed ? [victim] : []);
}

async function checkPull(role: Role, allowed: boolean) {
	const answer = await call(role, 'GET', '/api/clyde/sync/pull?after=0&limit=500');
	expect(answer.status, answer.text).toBe(role === 'anonymous' ? 401 : 200);
	const pulled: string[] = (answer.body.events ?? []).map((e: { id: string }) => e.id);
	const learners = pulled.filter((id) => w.learnerOpIds.includes(id));
	expect(learners.sort()).toEqual(allowed ? [...w.learnerOpIds].sort() : []);
}

/** Public, like a badge's status: anyone checking a badge may keep it for offline checks. */
async function checkRevokedList(role: Role, allowed: boolean) {
	const answer = await call(role, 'GET', '/api/clyde/badges/revoked');
	expect(answer.status, answer.text).toBe(allowed ? 200 : 401);
	expect(Array.isArray(answer.body.revoked)).toBe(allowed);
}

/** A badge is made for `holder` on pathway `set` (a or b), and `role` tries to revoke it. */
function checkRevoke(holder: 'learner' | 'other learner', set: 'a' | 'b') {
	return async (role: Role, allowed: boolean) => {
		const badge = await w.admin.collection('badges').create({
			user: w.user[holder],
			pathway: `${w.prefix}-${set}-p`,
			credential_id: `urn:uuid:${randomUUID()}`,
			credential: 'not a signed badge: only its record matters here',
			issued: new Date().toISOString()
		});
		remember('badges', badge.id);
		const answer = await call(role, 'POST', `/api/clyde/badges/${badge.id}/revoke`, {
			reason: 'Checked by the access matrix'
		});
		const refusal = role === 'anonymous' ? 401 : 404;
		expect(answer.status, answer.text).toBe(allowed ? 200 : refusal);
		const after = await w.admin.collection('badges').getOne(badge.id);
		expect(after.revoked !== '').toBe(allowed);
	};
}

async function checkPublish(role: Role, allowed: boolean) {
	const answer = await call(role, 'POST', '/api/clyde/content/publish', {
		pathways: [],
		dryRun: true
	});
	const refusal = role === 'anonymous' ? 401 : 403;
	expect(answer.status, answer.text).toBe(allowed ? 200 : refusal);
	if (allowed) expect(answer.body.dryRun).toBe(true);
	// A dry run, allowed or not, leaves the content as it was.
	const pathway = await w.admin.collection('pathways').getOne(w.content.pathways.published);
	expect(pathway.published).toBe(true);
}

/** A lesson's path in content/ inside this file's own pathway folder. */
function draftFile(name: string): string {
	return `01-${w.prefix}/01-module/01-${name}-${newId()}.md`;
}

async function checkSaveDraft(role: Role, allowed: boolean) {
	const file = draftFile('saved');
	const answer = await call(role, 'POST', '/api/clyde/drafts/save', {
		file,
		text: 'A draft',
		baseVersion: 0
	});
	const refusal = role === 'anonymous' ? 401 : 403;
	expect(answer.status, answer.text).toBe(allowed ? 200 : refusal);
	const stored = await w.admin
		.collection('drafts')
		.getFullList({ filter: w.admin.filter('file = {:file}', { file }) });
	for (const record of stored) remember('drafts', record.id);
	expect(stored.map((r) => r.version)).toEqual(allowed ? [1] : []);
}

async function checkRestore(role: Role, allowed: boolean) {
	const answer = await call(role, 'POST', '/api/clyde/content/restore', {
		publish: w.publish,
		dryRun: true
	});
	const refusal = role === 'anonymous' ? 401 : 403;
	expect(answer.status, answer.text).toBe(allowed ? 200 : refusal);
	if (allowed) expect(answer.body.dryRun).toBe(true);
	// A dry run of an empty set would unpublish everything: it leaves the content as it was.
	const pathway = await w.admin.collection('pathways').getOne(w.content.pathways.published);
	expect(pathway.published).toBe(true);
}

async function runCell(row: Row, role: Role): Promise<void> {
	const made: Made = [];
	try {
		await madeByTest.run(made, () => run(row, role));
	} finally {
		for (const [collection, id] of made.reverse()) {
			await w.admin
				.collection(collection)
				.delete(id)
				.catch(() => undefined);
		}
	}
}

async function run(row: Row, role: Role): Promise<void> {
	const target = TARGETS[row.collection]?.[row.target];
	if (!target) throw new Error(`No target "${row.target}" in ${row.collection}`);
	const allowed = row.cells[role] === '✓';
	const { collection } = row;
	switch (row.op) {
		case 'list':
			return checkList(collection, role, target.ids?.(role) ?? [], allowed);
		case 'view':
			return checkView(collection, role, target.ids?.(role) ?? [], allowed);
		case 'create':
			return checkCreate(collection, role, target, allowed);
		case 'update':
			return checkUpdate(collection, role, target, allowed);
		case 'delete':
			return checkDelete(collection, role, target, allowed);
		case 'read code':
			if (!target.cohort) throw new Error(`No cohort for ${row.target}`);
			return checkReadCode(role, target.cohort(), allowed);
		default:
			if (!target.check) throw new Error(`No check for ${row.op} ${row.target}`);
			return target.check(role, allowed, row.op);
	}
}

// ---------------------------------------------------------------------------------------------

describe('access matrix: every role × collection × operation through the real API', () => {
	beforeAll(async () => {
		const admin = newClient();
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		const prefix = `am${newId().slice(0, 6)}`;
		w = { admin, prefix } as World;

		// Content: the tutor's pathway (a), the other tutor's (b), and an unpublished one (u).
		for (const set of ['a', 'b', 'u'])
			await createLessons(admin, `${prefix}-${set}`, 1, { published: set !== 'u' });
		const records = {} as World['content'];
		for (const collection of CONTENT) {
			const all = await admin
				.collection(collection)
				.getFullList({ filter: admin.filter('content_id ~ {:p}', { p: prefix }) });
			const id = (set: string) => all.find((r) => r.content_id.startsWith(`${prefix}-${set}`))?.id;
			records[collection] = {
				published: id('a') as string,
				unpublished: id('u') as string,
				all: all.map((r) => r.id)
			};
		}
		w.content = records;
		w.publish = (
			await admin
				.collection('publishes')
				.create({ seq: 999_998, author_name: prefix, snapshot: { pathways: [] } })
		).id;
		const draftPath = `01-${prefix}/01-module/01-lesson.md`;
		w.drafts = {
			draft: (
				await admin.collection('drafts').create({ file: draftPath, text: 'Draft', version: 2 })
			).id,
			conflict: (
				await admin
					.collection('draft_conflicts')
					.create({ file: draftPath, text: 'Refused', base_version: 1, lost_to_version: 2 })
			).id
		};

		// People. Tutors and editors are made by an admin, as in production.
		const roles = ['learner', 'other learner', 'tutor', 'other tutor', 'editor'] as const;
		const people: Person[] = [...roles, 'lone learner'];
		// Password hashing makes sign-ups slow: make everyone at once, and a spare account per
		// role for "delete their own account".
		const signUpAll = <P extends Person>(list: readonly P[], label: string) =>
			Promise.all(
				list.map(async (p) => [p, await signUp(admin, p, emailFor(`${label}${p}`))] as const)
			);
		const [fixture, spares] = await Promise.all([
			signUpAll(people, ''),
			signUpAll(roles, 'spare-')
		]);
		w.user = {} as World['user'];
		w.spare = {} as World['spare'];
		w.as = { anonymous: newClient() } as World['as'];
		const clients = {} as Record<Person, PocketBase>;
		for (const [person, { id, client }] of fixture) {
			w.user[person] = id;
			clients[person] = client;
		}
		for (const [role, spare] of spares) {
			w.as[role] = clients[role];
			w.spare[role] = spare;
		}

		// Cohorts, made by their tutors through the record API, and joined through the route.
		const makeCohort = async (tutor: 'tutor' | 'other tutor', name: string, set: string) => {
			const record = await w.as[tutor].collection('cohorts').create({
				name: `${name} ${prefix}`,
				pathway: `${prefix}-${set}-p`,
				tutor: w.user[tutor]
			});
			return { id: record.id, code: record.join_code as string };
		};
		w.cohort = {
			tutor: await makeCohort('tutor', 'Tutor cohort', 'a'),
			other: await makeCohort('other tutor', 'Other cohort', 'b'),
			empty: await makeCohort('tutor', 'Empty cohort', 'a')
		};
		const join = async (role: Role, cohort: Cohort) => {
			const answer = await call(role, 'POST', '/api/clyde/cohorts/join', { code: cohort.code });
			expect(answer.status, answer.text).toBe(200);
			return answer.body.membership as string;
		};
		w.membership = {
			learnerInTutors: await join('learner', w.cohort.tutor),
			learnerInOthers: await join('learner', w.cohort.other),
			otherLearnerInOthers: await join('other learner', w.cohort.other)
		};

		w.badge = (
			await admin.collection('badges').create({
				user: w.user.learner,
				pathway: `${prefix}-u-p`,
				credential_id: `urn:uuid:${randomUUID()}`,
				credential: 'not a signed badge: only its record matters here',
				issued: new Date().toISOString()
			})
		).id;

		const share = async (person: Person, pathway: 'mine' | 'theirs') =>
			(await admin.collection('shared_code').create(sharedCode(w.user[person], pathway))).id;
		w.shares = {
			'learner on mine': await share('learner', 'mine'),
			'learner on theirs': await share('learner', 'theirs'),
			'other learner on theirs': await share('other learner', 'theirs'),
			'lone learner on mine': await share('lone learner', 'mine')
		};

		// Study on both pathways, pushed as the app's outbox does.
		const learnerOnMine = [event('mine'), event('mine', 'lesson_completed')];
		const learnerOnTheirs = [event('theirs')];
		w.learnerOpIds = [...learnerOnMine, ...learnerOnTheirs].map((e) => e.id);
		w.events = {
			'learner on mine': await push(clients.learner, learnerOnMine),
			'learner on theirs': await push(clients.learner, learnerOnTheirs),
			'other learner on theirs': await push(clients['other learner'], [event('theirs')]),
			'other learner on mine': await push(clients['other learner'], [event('mine')]),
			'lone learner on mine': await push(clients['lone learner'], [event('mine')])
		};
	});

	// The server is shared with other test files: leave nothing of ours behind. Deleting the
	// people deletes their cohorts, memberships and events (cascade).
	afterAll(async () => {
		if (!w?.user) return;
		for (const { id } of [
			...Object.values(w.user).map((id) => ({ id })),
			...Object.values(w.spare)
		]) {
			await w.admin
				.collection('users')
				.delete(id)
				.catch(() => undefined);
		}
		for (const collection of ['lessons', 'modules', 'pathways']) {
			const mine = await w.admin
				.collection(collection)
				.getFullList({ filter: w.admin.filter('content_id ~ {:p}', { p: w.prefix }) });
			for (const r of mine) await w.admin.collection(collection).delete(r.id);
		}
		await w.admin
			.collection('publishes')
			.delete(w.publish)
			.catch(() => undefined);
		for (const collection of ['drafts', 'draft_conflicts']) {
			const mine = await w.admin
				.collection(collection)
				.getFullList({ filter: w.admin.filter('file ~ {:p}', { p: w.prefix }) });
			for (const r of mine) await w.admin.collection(collection).delete(r.id);
		}
	});

	for (const collection of new Set(MATRIX.map((row) => row.collection))) {
		describe(collection, () => {
			for (const row of MATRIX.filter((r) => r.collection === collection)) {
				for (const role of ROLES) {
					if (row.cells[role] === '·') continue;
					// A sign-up hashes a password, which is slow: those cells run side by side.
					const test = row.collection === 'users' && row.op === 'create' ? it.concurrent : it;
					test(title(row, role), () => runCell(row, role));
				}
			}
		});
	}
});
