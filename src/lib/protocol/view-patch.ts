/**
 * Updates as patches: after the first full view, a browser is sent only what changed since the
 * view it holds, as JSON Patch operations (RFC 6902). A vote in a 40 KB view becomes a patch of a
 * few dozen bytes, for the server to write and for a phone on school Wi-Fi to read.
 *
 * The views share every unchanged part with the one before (they are built from the engine's
 * structurally shared state and cached by part), and the diff skips identical references, so
 * working out a patch costs time in proportion to what changed.
 */
import { applyPatch, compare, type Operation } from 'fast-json-patch/index.mjs';
import type { AnyView } from '../game/view';

export interface ViewPatch {
	/** The sequence number of the view the patch applies to. */
	from: number;
	/** The sequence number of the view it makes. */
	seq: number;
	ops: Operation[];
}

/** What turns `sent` into `view`: null when a patch cannot (a different kind of view: send it whole). */
export function diffViews(sent: AnyView, view: AnyView): ViewPatch | null {
	if (sent.as !== view.as) return null;
	return { from: sent.seq, seq: view.seq, ops: compare(sent, view) };
}

/** The view a patch makes of the one it was made from; the view given is left as it was. */
export function patchView(view: AnyView, patch: ViewPatch): AnyView {
	if (view.seq !== patch.from) throw new Error(`patch from ${patch.from} does not apply to view ${view.seq}`);
	// Not validated (the server made it from the same view) but never allowed to reach a prototype.
	return applyPatch(view, patch.ops, false, false, true).newDocument;
}
