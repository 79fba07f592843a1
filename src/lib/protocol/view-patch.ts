/**
 * Updates as patches: after the first full view, a browser is sent only what changed since the
 * view it holds, as JSON Patch operations (RFC 6902). A vote in a 40 KB view becomes a patch of a
 * few dozen bytes, for the server to write and for a phone on school Wi-Fi to read.
 *
 * The server works patches out (server/view-diff.ts); browsers apply them here.
 */
import { applyPatch, type Operation } from 'fast-json-patch/module/core.mjs';
import type { AnyView } from '../game/view';

export interface ViewPatch {
	/** The sequence number of the view the patch applies to. */
	from: number;
	/** The sequence number of the view it makes. */
	seq: number;
	ops: Operation[];
}

/**
 * What brings one browser up to date: a patch to the view it holds, or the whole view. The
 * browser whose action caused the change finds its own in the action's acknowledgement.
 */
export type ViewUpdate = { patch: ViewPatch } | { view: AnyView };

/** The view a patch makes of the one it was made from; the view given is left as it was. */
export function patchView(view: AnyView, patch: ViewPatch): AnyView {
	if (view.seq !== patch.from) throw new Error(`patch from ${patch.from} does not apply to view ${view.seq}`);
	// Not validated (the server made it from the same view) but never allowed to reach a prototype.
	return applyPatch(view, patch.ops, false, false, true).newDocument;
}
