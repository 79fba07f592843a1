/**
 * Working out a browser's next patch: what turns the view it holds into its new one. The views
 * share every unchanged part with the one before (they are built from the engine's structurally
 * shared state and cached by part), and the diff skips identical references, so a patch costs
 * time in proportion to what changed.
 */
import { compare } from 'fast-json-patch/module/duplex.mjs';
import type { AnyView } from '../src/lib/game/view';
import type { ViewPatch } from '../src/lib/protocol/view-patch';

/** What turns `sent` into `view`: null when a patch cannot (a different kind of view: send it whole). */
export function diffViews(sent: AnyView, view: AnyView): ViewPatch | null {
	if (sent.as !== view.as) return null;
	return { from: sent.seq, seq: view.seq, ops: compare(sent, view) };
}
