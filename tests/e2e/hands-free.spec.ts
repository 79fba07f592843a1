/**
 * A lesson the teacher only watches: the "One lesson (45 min)" plan with its hands-free pace, scripted
 * roles in the empty seats and one student, runs from "Start" to the debrief with no other click.
 * The plan's timers (minutes) are cut to the shortest the server takes, in the message that creates
 * the game, so the whole lesson passes in a few minutes; everything else is the form's. The student
 * never votes, so each vote runs its (short) timer out: the game does not wait for a missing ballot.
 */
import { expect, test } from './fixtures';

const SHORT = { briefing: 10, opening: 10, debate: 10, vote: 10 };
const QUICK_PACE = { lastCallSeconds: 3, resultSeconds: 3 };

test('a one-lesson game with the hands-free pace runs to the debrief after one click on Start', async ({ page, browser }) => {
	test.setTimeout(720_000);
	const sent: Record<string, unknown>[] = [];
	// Socket.IO over WebSocket: an event with an acknowledgement is `42<id>["name",payload]`.
	await page.routeWebSocket(/\/socket\.io\//, (client) => {
		const server = client.connectToServer();
		client.onMessage((message) => {
			const event = typeof message === 'string' ? message.match(/^42(\d*)(\[.*)$/s) : null;
			const [name, payload] = event ? JSON.parse(event[2]) : [];
			if (name !== 'createGame') return server.send(message);
			sent.push(payload);
			server.send(`42${event![1]}${JSON.stringify([name, { ...payload, timers: SHORT, pace: QUICK_PACE }])}`);
		});
		server.onMessage((message) => client.send(message));
	});

	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	await page.getByRole('radio', { name: /One lesson \(45 min\)/ }).check();
	await page.getByRole('checkbox', { name: /Scripted roles fill empty seats/ }).check();
	await page.getByRole('button', { name: 'Create game' }).click();
	await expect(page).toHaveURL(/\/console\//);
	// What the form asked for: the plan's four clauses, its pace, scripted roles.
	expect(sent).toHaveLength(1);
	expect(sent[0]).toMatchObject({
		agenda: ['scope', 'activation', 'freedom-of-action', 'saudi-track'],
		pace: { lastCallSeconds: expect.any(Number), resultSeconds: expect.any(Number) },
		bots: true
	});

	// One student takes a seat; the scripted roles take the rest at the start.
	const code = (await page.getByRole('link', { name: 'Run table 1' }).getAttribute('href'))!.match(/facilitate\/(\w{6})/)![1];
	const student = await browser.newPage();
	await student.goto(`/?code=${code}`);
	await expect(student.getByLabel('Room code')).toHaveValue(code);
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('heading', { level: 1, name: `Join room ${code}` })).toBeVisible();
	await student.getByLabel('Your display name').fill('Noa');
	await student.getByRole('button', { name: 'Take the seat of Ron Dermer' }).click();
	await expect(student.getByRole('heading', { level: 1, name: 'Ron Dermer' })).toBeVisible();

	// The only click of the teacher's after creating the game.
	await page.getByRole('button', { name: 'Start the game at table 1', exact: true }).click();
	const card = page.getByRole('article').first();
	await expect(card.getByTestId('phase')).toHaveText('Clause by clause', { timeout: 60_000 });
	await expect(card).toContainText('clause 1 of 4');
	// A result's countdown shows on the card while the game moves itself on (a required clause
	// voted down comes back on its next option first, which can take a round or two).
	await expect(card.getByText('Moving on in')).toBeVisible({ timeout: 150_000 });
	await expect(card.getByTestId('phase')).toHaveText(/Ratification|Debrief/, { timeout: 420_000 });
	await expect(card.getByTestId('phase')).toHaveText('Debrief', { timeout: 60_000 });
	// The student's page ends the game too, with its outcome and score.
	await expect(student.getByRole('heading', { level: 2, name: /^The treaty was (not )?signed$/ })).toBeVisible();
	await student.close();
});
