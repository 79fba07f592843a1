/**
 * Whether a vote is counted side by side — a majority of the Israeli seats and a majority of the
 * US seats, each a key — rather than across the room: always under dual-key, and under simple
 * majority for the treaty itself, which binds two governments (the game's rule). Pages ask this
 * too, to say how the vote on screen is counted.
 */
import type { VotingRule } from '../scenario/schema';
import type { Vote } from './types';

export const countedBySides = (rule: VotingRule, kind: Vote['kind']): boolean => rule === 'dual-key' || (rule === 'majority' && kind === 'ratification');
