export interface BenchContext {
	/** A real PocketBase serving the built app, on a free loopback port. */
	url: string;
	/** How many times to repeat; reports give the median. */
	runs: number;
	/** That PocketBase's process id, for the CPU time it uses (bench/cpu-seconds.ts). */
	pid?: number;
}

export interface BenchReport {
	headers: string[];
	rows: string[][];
	notes?: string;
}

export interface Benchmark {
	/** Stable id: the report's section in docs/benchmarks.md is found by it. */
	id: string;
	title: string;
	run(context: BenchContext): Promise<BenchReport>;
}
