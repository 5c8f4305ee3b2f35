import { readFile } from 'node:fs/promises';

/**
 * CPU seconds a process has used (user + system, from /proc: Linux only). Where a benchmark's
 * time goes when the client and the server share two cores with other work: wall time on a
 * loaded machine says more about the load than about the server; the server's CPU seconds do
 * not wait for a core.
 */
export async function cpuSecondsOf(pid: number): Promise<number> {
	const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Linux's USER_HZ, the unit of /proc's CPU times, on every architecture Node runs on. */
const CLOCK_TICKS = 100;
