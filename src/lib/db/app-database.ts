import { openDatabase, type ClydeDatabase } from './database';

let database: ClydeDatabase | undefined;

/** The app's one database, opened on first use (never during a server render: there is none). */
export function appDatabase(): ClydeDatabase {
	database ??= openDatabase();
	return database;
}
