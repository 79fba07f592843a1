/**
 * The view a browser holds, kept current from whole views and patches to them. A patch can
 * arrive just before the answer that carries the view it applies to (both are on their way when
 * the room changes during an entry): it waits for that view, then applies.
 */
import type { AnyView } from '../game/view';
import { patchView, type ViewPatch, type ViewUpdate } from '../protocol/view-patch';

/** How many patches may wait for their view before the browser gives up and asks afresh. */
const MAX_WAITING = 20;

export type PatchOutcome = 'applied' | 'waiting' | 'stale' | 'lost';

export class HeldView {
	view: AnyView | null = null;
	private waiting: ViewPatch[] = [];

	/** A whole view, pushed or in an answer; an older one than held is ignored. Says whether it was taken. */
	receive(view: AnyView): boolean {
		if (this.view && view.seq < this.view.seq) return false;
		this.view = view;
		this.drain();
		return true;
	}

	/**
	 * A patch: applied if it fits the held view, kept if its view has not arrived yet, dropped if
	 * the held view is already newer. 'lost' means patches piled up with no view to apply them to:
	 * the caller should enter the room again for a whole view.
	 */
	patch(patch: ViewPatch): PatchOutcome {
		if (this.view && patch.from === this.view.seq) {
			this.view = patchView(this.view, patch);
			this.drain();
			return 'applied';
		}
		if (this.view && patch.from < this.view.seq) return 'stale';
		this.waiting.push(patch);
		if (this.waiting.length > MAX_WAITING) {
			this.waiting = [];
			return 'lost';
		}
		return 'waiting';
	}

	/** An update from an acknowledgement: a whole view or a patch. Says whether the held view changed. */
	update(update: ViewUpdate): PatchOutcome {
		if ('view' in update) return this.receive(update.view) ? 'applied' : 'stale';
		return this.patch(update.patch);
	}

	/** Whether patches are waiting for a view that has not come. */
	get behind(): boolean {
		return this.waiting.length > 0;
	}

	/** Applies every waiting patch that now fits, in order; drops those the view has overtaken. */
	private drain() {
		for (;;) {
			const seq = this.view!.seq;
			this.waiting = this.waiting.filter((p) => p.from >= seq);
			const next = this.waiting.find((p) => p.from === seq);
			if (!next) return;
			this.waiting = this.waiting.filter((p) => p !== next);
			this.view = patchView(this.view!, next);
		}
	}
}
