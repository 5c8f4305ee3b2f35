import type { Change, ChangeKind, PublishResult } from '../../../scripts/content/publish-client';

const KIND: Record<ChangeKind, [one: string, many: string]> = {
	pathways: ['pathway', 'pathways'],
	modules: ['module', 'modules'],
	lessons: ['lesson', 'lessons'],
	media: ['picture', 'pictures']
};
const WORD: Record<Change, string> = {
	created: 'new',
	updated: 'updated',
	republished: 'published again',
	unpublished: 'removed',
	unchanged: 'unchanged'
};

/** "2 lessons updated, 1 picture new": what a publish did, or would do, in an editor's words. */
export function describeChanges(changes: PublishResult['changes']): string {
	const counts = new Map<string, { kind: ChangeKind; change: Change; n: number }>();
	for (const { kind, change } of changes) {
		if (change === 'unchanged') continue;
		const key = `${kind} ${change}`;
		const found = counts.get(key) ?? { kind, change, n: 0 };
		found.n++;
		counts.set(key, found);
	}
	if (counts.size === 0) return 'Nothing changes for learners.';
	const parts = [...counts.values()].map(
		({ kind, change, n }) => `${n} ${KIND[kind][n === 1 ? 0 : 1]} ${WORD[change]}`
	);
	return `${parts.join(', ')}.`;
}
