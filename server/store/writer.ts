/**
 * The server thread's side of the writer thread: sends each change and resolves once it is
 * committed. The thread starts with the store, so the first action does not wait for it; idle, it
 * does not keep the process alive.
 */
import { Worker } from 'node:worker_threads';
import type { Done, Job, WriterData } from './writer-thread';
import type { Write } from './sqlite-writes';

export class Writer {
	private worker: Worker | null = null;
	private nextId = 1;
	private pending = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
	private broken: Error | null = null;
	private inFlight = new Set<Promise<void>>();

	constructor(
		private file: string,
		private syncEveryMs: number
	) {
		this.start().unref();
	}

	write(change: Write): Promise<void> {
		if (this.broken) return Promise.reject(this.broken);
		const worker = this.worker ?? this.start();
		const id = this.nextId++;
		const written = new Promise<void>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			// Kept alive while a change is on its way; idle, it does not hold the process open.
			worker.ref();
			worker.postMessage({ id, ...change } satisfies Job);
		});
		this.inFlight.add(written);
		const forget = () => this.inFlight.delete(written);
		written.then(forget, forget);
		return written;
	}

	/** Lets every change sent so far commit, then stops the thread. */
	async close(): Promise<void> {
		const worker = this.worker;
		if (!worker) return;
		await Promise.allSettled([...this.inFlight]);
		this.worker = null;
		const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
		worker.ref();
		worker.postMessage('close');
		await exited;
	}

	private start(): Worker {
		const worker = new Worker(new URL('./writer-thread.mjs', import.meta.url), { workerData: { file: this.file, syncEveryMs: this.syncEveryMs } satisfies WriterData });
		worker.on('message', (done: Done) => {
			for (const id of done.committed) this.settle(id)?.resolve();
			for (const { id, message } of done.failed) this.settle(id)?.reject(new Error(`the change was not stored: ${message}`));
			if (this.pending.size === 0) worker.unref();
		});
		// The thread died (it cannot open the file, say): nothing more can be stored, and the server must say so.
		const fail = (err: Error) => {
			this.broken = err;
			for (const { reject } of this.pending.values()) reject(err);
			this.pending.clear();
		};
		worker.on('error', fail);
		worker.on('exit', (code) => {
			if (this.pending.size > 0) fail(new Error(`the writer thread stopped (exit code ${code}) with changes unstored`));
		});
		this.worker = worker;
		return worker;
	}

	private settle(id: number) {
		const entry = this.pending.get(id);
		this.pending.delete(id);
		return entry;
	}
}
