import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDirAtomically } from './atomic-dir';

describe('makeDirAtomically', () => {
	let parent: string;
	let dir: string;
	beforeEach(async () => {
		parent = await mkdtemp(join(tmpdir(), 'clyde-atomic-'));
		dir = join(parent, '147.0.0');
	});
	afterEach(() => rm(parent, { recursive: true, force: true }));

	/** A build that writes two files, the second only after the caller lets it. */
	function build(content: string, gate: Promise<void> = Promise.resolve()) {
		return async (temp: string) => {
			await writeFile(join(temp, 'first'), content);
			await gate;
			await writeFile(join(temp, 'second'), content);
		};
	}

	it('builds once; later calls find the finished dir and build nothing', async () => {
		expect(await makeDirAtomically(dir, build('a'))).toBe('made');
		expect(await makeDirAtomically(dir, () => Promise.reject(new Error('must not build')))).toBe(
			'existing'
		);
		expect(await readFile(join(dir, 'second'), 'utf8')).toBe('a');
		expect(await readdir(parent)).toEqual(['147.0.0']);
	});

	it('never shows a half-built dir: a failed build leaves nothing behind', async () => {
		const failing = async (temp: string) => {
			await writeFile(join(temp, 'first'), 'half');
			throw new Error('disk full');
		};
		await expect(makeDirAtomically(dir, failing)).rejects.toThrow('disk full');
		expect(await readdir(parent)).toEqual([]);
	});

	it('when two builds race, one wins whole and the other is thrown away', async () => {
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const slow = makeDirAtomically(dir, build('slow', gate));
		const fast = await makeDirAtomically(dir, build('fast'));
		release();
		expect([fast, await slow]).toEqual(['made', 'existing']);
		expect(await readFile(join(dir, 'first'), 'utf8')).toBe('fast');
		expect(await readFile(join(dir, 'second'), 'utf8')).toBe('fast');
		expect(await readdir(parent)).toEqual(['147.0.0']);
	});

	it('removes what a killed process left half-built, and leaves a running one’s alone', async () => {
		const dead = spawnSync(process.execPath, ['-e', '']).pid;
		const abandoned = join(parent, `147.0.0.partial-${dead}-0badf00d`);
		const inProgress = join(parent, `147.0.0.partial-${process.pid}-0f00d0ff`);
		await mkdir(abandoned);
		await writeFile(join(abandoned, 'first'), 'half');
		await mkdir(inProgress);

		expect(await makeDirAtomically(dir, build('fresh'))).toBe('made');
		expect((await readdir(parent)).sort()).toEqual([
			'147.0.0',
			'147.0.0.partial-' + process.pid + '-0f00d0ff'
		]);
		expect(await readdir(dir)).toEqual(['first', 'second']);
	});
});
