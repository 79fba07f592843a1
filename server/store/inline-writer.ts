/**
 * Group commit on the server's own thread: changes made in one turn of the event loop are committed
 * together once the turn is over, in one transaction. The same interface as the writer thread
 * (writer.ts); which one a store uses is chosen in sqlite-store.ts.
 *
 * How the log reaches the disk (log-sync.ts) depends on `syncEveryMs`:
 * - more than 0: each change resolves once committed, and the log is synced within that many
 *   milliseconds;
 * - 0: each change resolves once the log holding it is synced. Changes made while a sync is under
 *   way wait for it to end and are committed together after it, as the next group.
 */
import type Database from 'better-sqlite3';
import { closeLog, openLog, PeriodicSync, syncLog } from './log-sync';
import { batchCommitter, type Done, type Write } from './sqlite-writes';

type Waiter = { resolve: () => void; reject: (err: Error) => void };

export class InlineWriter {
	private commit: ReturnType<typeof batchCommitter>;
	private batch: ({ id: number } & Write)[] = [];
	private waiting = new Map<number, Waiter>();
	private nextId = 1;
	/** The next group's commit, once the turn is over; none is scheduled while a sync is awaited. */
	private scheduled: Promise<void> | null = null;
	/** The write-ahead log, opened to sync it; null for a database kept in memory. */
	private log: number | null;
	/** With `syncEveryMs` > 0: the sync that follows commits. */
	private periodic: PeriodicSync | null;
	/** With `syncEveryMs` = 0: the sync under way, which the next group waits for. */
	private syncing: Promise<void> | null = null;

	constructor(db: Database.Database, syncEveryMs: number) {
		this.commit = batchCommitter(db);
		this.log = openLog(db);
		this.periodic = this.log !== null && syncEveryMs > 0 ? new PeriodicSync(this.log, syncEveryMs) : null;
	}

	write(change: Write): Promise<void> {
		if (this.periodic?.failed) return Promise.reject(this.periodic.failed);
		const id = this.nextId++;
		this.batch.push({ id, ...change });
		const written = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
		if (!this.syncing) this.schedule();
		return written;
	}

	/** Lets every change made so far commit and reach the disk; the file is the caller's to close. */
	async close(): Promise<void> {
		while (this.scheduled || this.syncing) await (this.scheduled ?? this.syncing);
		await this.periodic?.close();
		closeLog(this.log);
		this.log = null;
	}

	private schedule() {
		this.scheduled ??= new Promise((resolve) => setImmediate(() => resolve(this.flush())));
	}

	/** Commits the changes made so far as one group; answers them at once, or after syncing the log. */
	private flush() {
		this.scheduled = null;
		if (this.batch.length === 0) return;
		const jobs = this.batch;
		this.batch = [];
		const done = this.commit(jobs);
		const log = this.log;
		if (log === null || this.periodic) {
			this.periodic?.committed();
			return this.settle(done, null);
		}
		this.syncing = syncLog(log).then((err) => {
			this.syncing = null;
			this.settle(done, err);
			// What came in during the sync goes next, after this turn's answers have been acted on.
			if (this.batch.length > 0) this.schedule();
		});
	}

	/** Answers each change of a group: committed (and synced, if it waited for that), or why not. */
	private settle(done: Done, syncError: Error | null) {
		for (const id of done.committed) {
			const waiter = this.take(id);
			if (syncError) waiter?.reject(new Error(`the change may not be on disk: ${syncError.message}`));
			else waiter?.resolve();
		}
		for (const { id, message } of done.failed) this.take(id)?.reject(new Error(`the change was not stored: ${message}`));
	}

	private take(id: number) {
		const entry = this.waiting.get(id);
		this.waiting.delete(id);
		return entry;
	}
}
