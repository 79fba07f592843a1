/** The game's only randomness: a seeded generator, so the same seed deals the same hands. */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
	const rng = xoroshiro128plus(seed);
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = uniformInt(rng, 0, i);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
