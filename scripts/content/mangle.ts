/**
 * Mangles a content file the ways files really get damaged or mistyped: bytes flipped, the
 * end cut off, lines deleted or swapped, odd Unicode typed in, a huge line pasted. Seeded
 * (`random` from seededRandom), so a failing run can be replayed. For the checker's fuzz tests.
 */
export function mangle(
	bytes: Uint8Array,
	random: () => number
): { bytes: Uint8Array; how: string } {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
	const int = (max: number) => Math.floor(random() * max);
	const decoder = new TextDecoder();
	const encoder = new TextEncoder();
	const lines = () => decoder.decode(bytes).split('\n');
	const how = pick(['flip', 'truncate', 'delete', 'swap', 'unicode', 'huge', 'mixed'] as const);
	switch (how) {
		case 'flip': {
			const out = bytes.slice();
			for (let n = 1 + int(8); n > 0 && out.length; n--) out[int(out.length)] = int(256);
			return { bytes: out, how };
		}
		case 'truncate':
			return { bytes: bytes.slice(0, int(bytes.length + 1)), how };
		case 'delete': {
			const all = lines();
			const from = int(all.length);
			all.splice(from, 1 + int(4));
			return { bytes: encoder.encode(all.join('\n')), how };
		}
		case 'swap': {
			const all = lines();
			const a = int(all.length);
			const b = int(all.length);
			[all[a], all[b]] = [all[b] as string, all[a] as string];
			return { bytes: encoder.encode(all.join('\n')), how };
		}
		case 'unicode': {
			const all = lines();
			const odd = pick([
				'\u0000',
				'\uFFFD',
				'\u202E',
				'\u200B',
				'\uFEFF',
				'\uD800',
				'𝕏',
				'👩‍💻',
				'é',
				'\t',
				'%',
				'%E0%A4%A',
				'<',
				'`',
				'[',
				']',
				'(',
				'!',
				'*',
				'_',
				'>',
				'---',
				'```',
				':',
				'\\'
			]);
			const at = int(all.length);
			const line = all[at] ?? '';
			const col = int(line.length + 1);
			all[at] = line.slice(0, col) + odd.repeat(1 + int(3)) + line.slice(col);
			return { bytes: encoder.encode(all.join('\n')), how };
		}
		case 'huge': {
			const all = lines();
			const unit = pick([
				'a ',
				'*',
				'[',
				'_a',
				'<kbd>',
				'> ',
				'- ',
				'](',
				'`',
				'#',
				'|',
				'%',
				'{{x}}'
			]);
			all.splice(int(all.length + 1), 0, unit.repeat(5000 + int(50000)));
			return { bytes: encoder.encode(all.join('\n')), how };
		}
		case 'mixed': {
			let out = bytes;
			for (let n = 2 + int(3); n > 0; n--) out = mangle(out, random).bytes;
			return { bytes: out, how };
		}
	}
}
