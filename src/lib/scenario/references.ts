/**
 * The checks that span fields of a scenario that already has the right shape: ids are unique,
 * every variant id, deck and seed named somewhere exists, objectives add up, seats make sense.
 */
import { closestName } from './closest';
import type { ScenarioError } from './errors';
import { SHARED_DECK, type Scenario, type Voice } from './schema';
import { expectedLength } from '../game/lesson';

type Report = (path: string, message: string, hint: string) => void;

/** "did you mean" when a near name exists, otherwise the list to choose from. */
function suggest(name: string, known: readonly string[], what: string): string {
	const near = closestName(name, known);
	if (near) return `did you mean "${near}"?`;
	return known.length <= 12 ? `use one of the ${what}: ${known.join(', ')}` : `use one of the ${what} defined in the file`;
}

/** Reports every id that appears a second time, naming where it first appeared. */
function checkUnique(items: { id: string; path: string }[], what: string, report: Report) {
	const first = new Map<string, string>();
	for (const { id, path } of items) {
		const earlier = first.get(id);
		if (earlier) report(path, `${what} id "${id}" is already used at ${earlier}`, `give each ${what} its own id`);
		else first.set(id, path);
	}
}

function checkClauses(scenario: Scenario, variantClause: Map<string, string>, report: Report) {
	checkUnique(
		scenario.clauses.map((c, i) => ({ id: c.id, path: `clauses[${i}].id` })),
		'clause',
		report
	);
	checkUnique(
		scenario.clauses.flatMap((c, i) => c.variants.map((v, j) => ({ id: v.id, path: `clauses[${i}].variants[${j}].id` }))),
		'variant',
		report
	);
	scenario.clauses.forEach((clause, i) => {
		clause.variants.forEach((variant, j) => {
			if (!variant.id.startsWith(`${clause.id}.`)) {
				const slug = variant.id.split('.')[1];
				report(
					`clauses[${i}].variants[${j}].id`,
					`variant id "${variant.id}" does not start with its clause id "${clause.id}."`,
					`rename it "${clause.id}.${slug}" (and every place that refers to it)`
				);
			}
		});
		if (clause.onFloor && !clause.variants.some((v) => v.id === clause.onFloor)) {
			const owner = variantClause.get(clause.onFloor);
			report(
				`clauses[${i}].onFloor`,
				owner
					? `"${clause.onFloor}" belongs to clause "${owner}", not to "${clause.id}"`
					: `"${clause.onFloor}" is not a variant of clause "${clause.id}"`,
				`put one of this clause's own variants on the floor: ${clause.variants.map((v) => v.id).join(', ')}`
			);
		}
	});
}

function checkRoles(scenario: Scenario, variantIds: string[], report: Report) {
	checkUnique(
		scenario.roles.map((r, i) => ({ id: r.id, path: `roles[${i}].id` })),
		'role',
		report
	);
	if (!scenario.roles.some((r) => r.core)) {
		report('roles', 'no role is core, so a game would have no seat that is always filled', 'mark at least one role "core: true"');
	}
	scenario.roles.forEach((role, i) => {
		const at = `roles[${i}]`;
		if (role.id === SHARED_DECK) {
			report(`${at}.id`, `"${SHARED_DECK}" is the name of the deck every hand draws from`, 'give the role another id');
		}
		if (role.seats.min > role.seats.max) {
			report(`${at}.seats`, `seats.min (${role.seats.min}) is greater than seats.max (${role.seats.max})`, 'make min at most max');
		}
		if (role.core && role.seats.min < 1) {
			report(
				`${at}.seats.min`,
				'a core role is seated in every game, so it needs at least one seat',
				'set seats.min to 1, or make the role optional with "core: false"'
			);
		}
		if (role.portfolios && role.portfolios.length > role.seats.max) {
			report(
				`${at}.portfolios`,
				`${role.portfolios.length} portfolios for at most ${role.seats.max} seat(s)`,
				'list one portfolio per seat, or raise seats.max'
			);
		}
		checkObjectives(scenario, i, variantIds, report);
	});
}

function checkObjectives(scenario: Scenario, i: number, variantIds: string[], report: Report) {
	const role = scenario.roles[i];
	const at = `roles[${i}]`;
	const weights = Object.entries(role.objectives.weights);
	for (const [variant] of weights) {
		if (!variantIds.includes(variant)) {
			report(`${at}.objectives.weights["${variant}"]`, `no clause has a variant "${variant}"`, suggest(variant, variantIds, 'variant ids'));
		}
	}
	const sum = weights.reduce((total, [, w]) => total + w, 0);
	if (sum !== 100) {
		const gap = Math.abs(100 - sum);
		const [heaviest, weight] = weights.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0] as [string, number]);
		const example = heaviest
			? `, e.g. make "${heaviest}" ${sum < 100 ? weight + gap : Math.max(1, weight - gap)}`
			: '';
		report(
			`${at}.objectives.weights`,
			`the weights of "${role.id}" sum to ${sum}, not 100 (${gap} ${sum < 100 ? 'short' : 'over'})`,
			`${sum < 100 ? 'add' : 'take away'} ${gap} point(s)${example}`
		);
	}
	role.objectives.conditions.forEach((variant, k) => {
		const path = `${at}.objectives.conditions[${k}]`;
		if (!variantIds.includes(variant)) report(path, `no clause has a variant "${variant}"`, suggest(variant, variantIds, 'variant ids'));
		else if (role.objectives.signing === 'for')
			report(path, `"${role.id}" is for signing whatever the text, so it has no conditions`, 'remove the conditions, or make its stance open or against');
		else if (role.redLines.some((r) => r.variant === variant))
			report(path, `"${variant}" is both a condition and a red line of "${role.id}"`, 'a role cannot demand a text it never votes for');
	});
	if (role.voice) checkVoice(role, at, report);
	role.redLines.forEach((line, k) => {
		const path = `${at}.redLines[${k}].variant`;
		if (!variantIds.includes(line.variant)) {
			report(path, `no clause has a variant "${line.variant}"`, suggest(line.variant, variantIds, 'variant ids'));
		} else if (role.objectives.weights[line.variant]) {
			report(
				path,
				`"${line.variant}" is a red line of "${role.id}" but also earns it ${role.objectives.weights[line.variant]} points`,
				'a role never votes for its red lines, so remove either the red line or the weight'
			);
		}
	});
}

/** The placeholders each kind of line must carry, once: see Voice in schema.ts. */
const PLACEHOLDERS: Record<Exclude<keyof Voice, 'aims'>, string[]> = {
	yes: ['{aim}'],
	no: ['{aim}'],
	redLine: ['{aim}'],
	noStake: [],
	givenUp: ['{aim}'],
	sign: ['{aim}'],
	refuse: ['{aim}'],
	moved: ['{who}'],
	amend: ['{aim}'],
	answer: ['{aim}', '{who}'],
	standAside: ['{aim}'],
	heed: ['{aim}']
};

/** A voice names every variant the role weighs or refuses, and no other; its lines carry their placeholders. */
function checkVoice(role: Scenario['roles'][number], at: string, report: Report) {
	const voice = role.voice!;
	const needed = [...Object.keys(role.objectives.weights), ...role.redLines.map((r) => r.variant)];
	for (const variant of needed)
		if (!voice.aims[variant]) report(`${at}.voice.aims`, `no aim names "${variant}", which "${role.id}" weighs or refuses`, `add a short phrase for "${variant}"`);
	for (const variant of Object.keys(voice.aims))
		if (!needed.includes(variant))
			report(`${at}.voice.aims["${variant}"]`, `"${role.id}" neither weighs nor refuses "${variant}"`, 'name only the variants in its weights and red lines');
	if (role.objectives.signing === 'for' && !voice.heed)
		report(`${at}.voice`, `"${role.id}" is for the pact but has no "heed" line`, 'add the line it gives when it lets a text go because the other government votes it down');
	for (const [kind, wanted] of Object.entries(PLACEHOLDERS) as [keyof typeof PLACEHOLDERS, string[]][]) {
		const lines = voice[kind];
		if (!lines) continue;
		lines.forEach((line, k) => {
			const found = line.match(/\{\w+\}/g) ?? [];
			const ok = wanted.every((p) => found.filter((f) => f === p).length === 1) && found.every((f) => wanted.includes(f));
			if (!ok) report(`${at}.voice.${kind}[${k}]`, `a "${kind}" line carries ${wanted.length ? wanted.join(' and ') + ' once each' : 'no placeholder'}`, wanted.length ? `write ${wanted.join(' and ')} where the role's words go` : 'take the placeholder out');
		});
		if (lines.length < role.seats.max)
			report(`${at}.voice.${kind}`, `${lines.length} wording(s) for ${role.seats.max} seats`, 'give each seat of the role its own wording, so no two say the same');
	}
}

function checkCards(scenario: Scenario, variantIds: string[], seedNames: string[], report: Report) {
	checkUnique(
		scenario.cards.map((c, i) => ({ id: c.id, path: `cards[${i}].id` })),
		'card',
		report
	);
	const decks = [SHARED_DECK, ...scenario.roles.map((r) => r.id)];
	scenario.cards.forEach((card, i) => {
		const at = `cards[${i}]`;
		for (const field of ['supports', 'undercuts'] as const) {
			card[field].forEach((variant, k) => {
				if (!variantIds.includes(variant)) {
					report(`${at}.${field}[${k}]`, `no clause has a variant "${variant}"`, suggest(variant, variantIds, 'variant ids'));
				}
			});
		}
		if (card.supports.length + card.undercuts.length === 0 && !card.anyTreaty) {
			report(
				at,
				`card "${card.id}" neither supports nor undercuts any variant, nor argues about signing`,
				'list the variant ids the passage argues for under "supports:" or against under "undercuts:", or say "anyTreaty: against" (or "for") when it argues about any treaty at all'
			);
		}
		for (const variant of card.supports.filter((v) => card.undercuts.includes(v))) {
			report(`${at}.undercuts`, `card "${card.id}" both supports and undercuts "${variant}"`, 'keep it in one of the two lists');
		}
		card.decks.forEach((deck, k) => {
			if (!decks.includes(deck)) {
				report(`${at}.decks[${k}]`, `"${deck}" is neither a role id nor "${SHARED_DECK}"`, suggest(deck, decks, 'deck names'));
			}
		});
		if (!seedNames.includes(card.source)) {
			report(
				`${at}.source`,
				`there is no seed file named "${card.source}"`,
				seedNames.length ? suggest(card.source, seedNames, 'seed files') : 'put the article text files in the seeds folder'
			);
		}
	});
}

/** Lesson plans name clauses that exist, once each, and fit the lesson they are named for. */
function checkLessonPlans(scenario: Scenario, report: Report) {
	const clauseIds = scenario.clauses.map((c) => c.id);
	checkUnique(
		scenario.lessonPlans.map((p, i) => ({ id: p.id, path: `lessonPlans[${i}].id` })),
		'lesson plan',
		report
	);
	scenario.lessonPlans.forEach((plan, i) => {
		const clauses = plan.clauses ?? clauseIds;
		clauses.forEach((id, k) => {
			if (!clauseIds.includes(id)) report(`lessonPlans[${i}].clauses[${k}]`, `there is no clause "${id}"`, suggest(id, clauseIds, 'clause ids'));
			else if (clauses.indexOf(id) !== k) report(`lessonPlans[${i}].clauses[${k}]`, `clause "${id}" is listed twice`, 'list each clause once');
		});
		const { minutes } = expectedLength(plan.timers, plan.timers, clauses.length, plan.pace);
		if (minutes > plan.minutes)
			report(
				`lessonPlans[${i}].timers`,
				`the plan "${plan.name}" takes about ${minutes} minutes (debrief included), more than its ${plan.minutes}`,
				'shorten its timers or debate fewer clauses'
			);
	});
}

/** Every cross-field problem in an already well-shaped scenario. */
export function checkReferences(scenario: Scenario, seedNames: string[], file: string): ScenarioError[] {
	const errors: ScenarioError[] = [];
	const report: Report = (path, message, hint) => errors.push({ file, path, message, hint });
	const variantClause = new Map(scenario.clauses.flatMap((c) => c.variants.map((v) => [v.id, c.id] as const)));
	const variantIds = [...variantClause.keys()];
	checkClauses(scenario, variantClause, report);
	checkRoles(scenario, variantIds, report);
	checkCards(scenario, variantIds, seedNames, report);
	checkLessonPlans(scenario, report);
	return errors;
}
