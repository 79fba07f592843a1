/** The teacher's guide in the scenario file: the checker names each mistake and how to fix it. */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/lib/scenario/validate';
import { referenceOf } from '../../../src/lib/scenario/reference';
import { errorsAfter, readSeedsSync, shippedRaw } from './fixtures';

const castingIndex = (raw: any, role: string): number => raw.guide.casting.findIndex((n: { role: string }) => n.role === role);

describe('the teacher’s guide', () => {
	it('ships with a note for every role, and reaches the browser with the reference texts', () => {
		const result = validateScenario(shippedRaw(), readSeedsSync(), 'pact.yaml');
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const { guide, roles } = referenceOf(result.scenario);
		expect(guide?.casting.map((n) => n.role).sort()).toEqual(roles.map((r) => r.id).sort());
		expect(guide?.writtenTask.rubric.every((row) => row.descriptors.length === guide.writtenTask.levels.length)).toBe(true);
	});

	it('names a misspelt role and suggests the near one', () => {
		let i = -1;
		const errors = errorsAfter((raw) => {
			i = castingIndex(raw, 'idf-chief');
			raw.guide.casting[i].role = 'idf-cheif';
		});
		expect(errors).toContainEqual(
			expect.objectContaining({ path: `guide.casting[${i}].role`, message: 'there is no role "idf-cheif" to cast', hint: 'did you mean "idf-chief"?' })
		);
		// The real role is now without a note, which is said too.
		expect(errors).toContainEqual(expect.objectContaining({ path: 'guide.casting', message: 'no casting note for "idf-chief"' }));
	});

	it('refuses a role cast twice', () => {
		const errors = errorsAfter((raw) => {
			raw.guide.casting.push({ ...raw.guide.casting[0] });
		});
		expect(errors).toEqual([
			expect.objectContaining({
				path: `guide.casting[9].role`,
				message: 'role "dermer" already has a casting note at guide.casting[0]',
				hint: 'write one note per role'
			})
		]);
	});

	it('refuses a rubric row that does not describe every level', () => {
		const errors = errorsAfter((raw) => {
			raw.guide.writtenTask.rubric[1].descriptors.pop();
		});
		expect(errors).toEqual([
			expect.objectContaining({
				path: 'guide.writtenTask.rubric[1].descriptors',
				message: '"Evidence and attribution" describes 3 level(s), but the rubric has 4 (Beginning, Developing, Secure, Excellent)'
			})
		]);
	});

	it('asks a casting note to say what it rests on, and checks markers anywhere in the guide', () => {
		let i = -1;
		const errors = errorsAfter((raw) => {
			i = castingIndex(raw, 'former-nsa');
			raw.guide.casting[i].why = 'Nagel disagrees with Dermer.';
			raw.guide.sensitiveTopics += ' As a report says. [advisers-coool]';
		});
		const paths = errors.map((e) => e.path);
		expect(paths).toContain(`guide.casting[${i}].why`);
		const unmarked = errors.find((e) => e.path === `guide.casting[${i}].why`)!;
		expect(unmarked.message).toContain('the casting note on "former-nsa"');
		expect(unmarked.message).toContain('ends without a marker');
		const dangling = errors.find((e) => e.path === 'guide.sensitiveTopics')!;
		expect(dangling.message).toContain('there is no passage "advisers-coool"');
		expect(dangling.hint).toContain('did you mean "advisers-cool"?');
	});

	it('gives the shape errors of a bad challenge and a missing part', () => {
		let i = -1;
		const errors = errorsAfter((raw) => {
			i = castingIndex(raw, 'dermer');
			raw.guide.casting[i].challenge = 'tricky';
			delete raw.guide.sensitiveTopics;
		});
		expect(errors.map((e) => e.path).sort()).toEqual([`guide.casting[${i}].challenge`, 'guide.sensitiveTopics'].sort());
	});

	it('is optional: a scenario without a guide still validates', () => {
		const raw = shippedRaw();
		delete raw.guide;
		const result = validateScenario(raw, readSeedsSync(), 'pact.yaml');
		expect(result.ok).toBe(true);
		if (result.ok) expect(referenceOf(result.scenario).guide).toBeNull();
	});
});
