/**
 * What the player page needs once the debate begins — the argument form, the clause on the floor,
 * the ballot and tally, the treaty so far, the feed — in one chunk that Seated.svelte fetches where
 * the first of them shows: a student taking a seat in the lobby loads none of it.
 */
export { default as ArgumentForm } from './ArgumentForm.svelte';
export { default as VotePanel } from './VotePanel.svelte';
export { default as Feed } from '$lib/components/Feed.svelte';
export { default as FloorClause } from '$lib/components/FloorClause.svelte';
export { default as PendingAmendment } from '$lib/components/PendingAmendment.svelte';
export { default as TreatyText } from '$lib/components/TreatyText.svelte';
