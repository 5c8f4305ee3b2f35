import { describe, expect, it } from 'vitest';
import type { TaggedLesson } from './coverage';
import { learnerSkills } from './learner-skills';

const lesson = (id: string, ...skills: string[]): TaggedLesson => ({ id, title: id, skills });
const pathway = (id: string, ...lessons: TaggedLesson[]) => ({
	id,
	title: id,
	modules: [{ lessons }]
});

const DE = pathway(
	'de',
	lesson('passwords', 'FOUND-8', 'SAFE-L2'),
	lesson('overview', 'FOUND-8', 'SAFE-L3'),
	lesson('email', 'COM-L1'),
	lesson('untagged')
);
const WF = pathway('wf', lesson('https', 'SAFE-L5'), lesson('teams', 'SAFE-L2', 'COM-W1'));

function summary(done: string[], pathways = [DE, WF]) {
	return Object.fromEntries(
		learnerSkills(pathways, new Set(done)).map((a) => [
			a.area.id,
			{
				practised: a.practised,
				achieved: a.achieved.map((s) => s.code),
				started: a.started.map((s) => `${s.statement.code} ${s.done}/${s.total}`)
			}
		])
	);
}

describe('learnerSkills', () => {
	it('has nothing practised or achieved before any lesson is done', () => {
		for (const area of Object.values(summary([]))) {
			expect(area).toEqual({ practised: false, achieved: [], started: [] });
		}
	});

	it('achieves a statement when every lesson tagged with it in a pathway is done, and shows the rest as started', () => {
		const skills = summary(['passwords']);
		expect(skills.SAFE).toEqual({ practised: true, achieved: ['SAFE-L2'], started: [] });
		expect(skills.FOUND).toEqual({ practised: true, achieved: [], started: ['FOUND-8 1/2'] });
		expect(skills.COM?.practised).toBe(false);

		expect(summary(['passwords', 'overview']).FOUND?.achieved).toEqual(['FOUND-8']);
	});

	it('counts a statement achieved in one pathway even if another pathway also teaches it', () => {
		// SAFE-L2 is in both; doing only the Web Foundations lesson achieves it there.
		expect(summary(['teams']).SAFE?.achieved).toEqual(['SAFE-L2']);
		expect(summary(['teams']).COM?.achieved).toEqual(['COM-W1']);
	});

	it('shows a started statement from the pathway where most of its lessons are done', () => {
		const two = pathway(
			'two',
			lesson('a', 'INFO-L1'),
			lesson('b', 'INFO-L1'),
			lesson('c', 'INFO-L1')
		);
		const one = pathway('one', lesson('d', 'INFO-L1'), lesson('e', 'INFO-L1'));
		expect(summary(['a', 'b'], [one, two]).INFO?.started).toEqual(['INFO-L1 2/3']);
		expect(summary(['a', 'b', 'd'], [one, two]).INFO?.started).toEqual(['INFO-L1 2/3']);
		expect(summary(['a', 'd', 'e'], [one, two]).INFO?.achieved).toEqual(['INFO-L1']);
	});

	it('ignores codes it does not know and lessons without codes, and does not care about order', () => {
		const odd = pathway('odd', { id: 'old', title: 'old' }, lesson('new', 'AI-L1', 'COM-L2'));
		expect(summary(['old', 'new'], [odd]).COM?.achieved).toEqual(['COM-L2']);
		expect(summary(['email', 'passwords'], [WF, DE])).toEqual(summary(['passwords', 'email']));
	});

	it('lists what is left to do, started first with the lesson to do next, and leaves out what no lesson teaches', () => {
		const [, , , , , safe] = learnerSkills([DE, WF], new Set(['overview']));
		expect(safe?.area.id).toBe('SAFE');
		expect(safe?.toDo.map((p) => `${p.statement.code} ${p.done}/${p.total} ${p.next?.id}`)).toEqual(
			['SAFE-L2 0/1 passwords', 'SAFE-L5 0/1 https']
		);
		const [found] = learnerSkills([DE, WF], new Set(['overview']));
		expect(found?.toDo.map((p) => `${p.statement.code} ${p.next?.id}`)).toEqual([
			'FOUND-8 passwords'
		]);
		const two = pathway(
			'two',
			lesson('a', 'INFO-L1'),
			lesson('b', 'INFO-L2'),
			lesson('c', 'INFO-L2')
		);
		const [, , info] = learnerSkills([two], new Set(['b']));
		expect(info?.toDo.map((p) => p.statement.code)).toEqual(['INFO-L2', 'INFO-L1']);
		expect(info?.toDo[0]?.next?.id).toBe('c');
	});
});
