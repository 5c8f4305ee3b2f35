import { createHash } from 'node:crypto';

/**
 * sha256 of what is published of `value` (all but its `file`) and of its parent's id: a
 * version goes up at publish only when this changes, and moving a lesson changes it.
 */
export function contentHash(value: object, parentId: string | undefined): string {
	const { file: _file, ...published } = value as { file?: string };
	return createHash('sha256')
		.update(JSON.stringify({ parentId: parentId ?? null, ...published }))
		.digest('hex');
}
