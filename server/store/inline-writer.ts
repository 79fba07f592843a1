/**
 * Group commit on the server's own thread: changes made in one turn of the event loop are committed
 * together once the turn is over, in one transaction and one sync, and each resolves once on disk.
 * The thread waits for the disk meanwhile; in exchange no change crosses to another thread. The
 * same interface as the writer thread (writer.ts); which one a store uses is chosen in
 * sqlite-store.ts.
 */
import type Database from 'better-sqlite3';
import { batchCommitter, type Write } from './sqlite-writes';

export class InlineWriter {
	private commit: ReturnType<typeof batchCommitter>;
	private batch: ({ id: number } & Write)[] = [];
	private waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
	private nextId = 1;
	private scheduled: Promise<void> | null = null;

	constructor(db: Database.Database) {
		this.commit = batchCommitter(db);
	}

	write(change: Write): Promise<void> {
		const id = this.nextId++;
		this.batch.push({ id, ...change });
		const written = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
		this.scheduled ??= new Promise((resolve) => setImmediate(() => resolve(this.flush())));
		return written;
	}

	async close(): Promise<void> {
		await this.scheduled;
	}

	private flush() {
		this.scheduled = null;
		const jobs = this.batch;
		this.batch = [];
		const done = this.commit(jobs);
		for (const id of done.committed) this.settle(id)?.resolve();
		for (const { id, message } of done.failed) this.settle(id)?.reject(new Error(`the change was not stored: ${message}`));
	}

	private settle(id: number) {
		const entry = this.waiting.get(id);
		this.waiting.delete(id);
		return entry;
	}
}
