/**
 * Syncing the write-ahead log ourselves. A commit puts its pages in the log, in the operating
 * system's hands: from there it survives the server process being killed or crashing. Only a sync
 * puts it on the disk, safe from a power cut, and on a virtual disk a sync takes half a millisecond
 * at best and ten at worst. So the connection commits without syncing (`synchronous = NORMAL`, which
 * still syncs around checkpoints) and the log is synced here, off the server's thread: either
 * before a group of changes is answered, or every so many milliseconds while changes are coming in.
 */
import type Database from 'better-sqlite3';
import { closeSync, fdatasync, openSync } from 'node:fs';

/**
 * Opens the database's write-ahead log for syncing; null for a database kept in memory. The log
 * exists once the connection is in WAL mode (it is created on opening) and lasts as long as the
 * connection: a checkpoint truncates it but never removes it. SQLite takes no locks on this file,
 * so a second descriptor for it cannot release any of the connection's.
 */
export function openLog(db: Database.Database): number | null {
	if (db.memory) return null;
	db.pragma('synchronous = NORMAL');
	return openSync(`${db.name}-wal`, 'r');
}

/** Closes the log opened by openLog, before the connection itself is closed. */
export function closeLog(log: number | null) {
	if (log !== null) closeSync(log);
}

/** Syncs the log once, on one of libuv's threads. */
export function syncLog(log: number): Promise<Error | null> {
	return new Promise((resolve) => fdatasync(log, (err) => resolve(err)));
}

/**
 * Syncs the log at most `everyMs` after each commit, so a power cut loses at most that much of
 * what was acknowledged. A failed sync is kept: the disk can no longer be trusted, and every
 * change from then on is refused with the reason.
 */
export class PeriodicSync {
	private timer: NodeJS.Timeout | null = null;
	private syncing: Promise<void> | null = null;
	/** Set by a commit since the last sync began. */
	private dirty = false;
	failed: Error | null = null;

	constructor(
		private log: number,
		private everyMs: number
	) {}

	/** A commit was made: the log is synced within `everyMs`. */
	committed() {
		this.dirty = true;
		if (this.timer || this.syncing) return;
		this.timer = setTimeout(() => void this.sync(), this.everyMs);
		// A server shutting down syncs in close(); the timer alone does not keep it running.
		this.timer.unref();
	}

	/** Syncs whatever is left, once any sync under way is done. */
	async close() {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		while (this.syncing) await this.syncing;
		if (this.dirty) await this.sync();
	}

	private sync(): Promise<void> {
		this.timer = null;
		this.dirty = false;
		this.syncing = syncLog(this.log).then((err) => {
			this.syncing = null;
			this.failed ??= err && new Error(`the database could not be synced to disk: ${err.message}`);
			// Commits made during the sync wait for the next one.
			if (this.dirty) this.committed();
		});
		return this.syncing;
	}
}
