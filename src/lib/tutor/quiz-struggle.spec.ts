import { describe, expect, it } from 'vitest';
import { stuckOnQuiz } from './quiz-struggle';

const FAILS = 3;
const LOW = 50;
const stuck = (fails: number, bestScore?: number, passed = false) =>
	stuckOnQuiz({ fails, passed, bestScore }, FAILS, LOW);

describe('stuckOnQuiz', () => {
	it('is not stuck before any attempt, or after one failed attempt, however low', () => {
		expect(stuck(0)).toBe(false);
		expect(stuck(1, 0)).toBe(false);
	});

	it('is stuck after two failed attempts at 0% (#12: it took three before)', () => {
		expect(stuck(2, 0)).toBe(true);
	});

	it('is stuck after two failed attempts that never reached the low-score mark', () => {
		expect(stuck(2, 0.25)).toBe(true);
		expect(stuck(2, 0.4)).toBe(true);
		expect(stuck(2, 0.49)).toBe(true);
	});

	it('is not stuck after two failed attempts when one reached the mark: they are getting there', () => {
		expect(stuck(2, 0.5)).toBe(false);
		expect(stuck(2, 0.6)).toBe(false);
	});

	it('compares whole percentages, as the tutor sets them', () => {
		// 1 of 3 is 33%: under 34, not under 33.
		expect(stuckOnQuiz({ fails: 2, passed: false, bestScore: 1 / 3 }, 3, 34)).toBe(true);
		expect(stuckOnQuiz({ fails: 2, passed: false, bestScore: 1 / 3 }, 3, 33)).toBe(false);
		// 0.57 * 100 is 56.99… in floating point; it is still 57%.
		expect(stuckOnQuiz({ fails: 2, passed: false, bestScore: 0.57 }, 3, 57)).toBe(false);
	});

	it('is stuck after quiz_fails failed attempts, whatever the scores', () => {
		expect(stuck(3, 0.6)).toBe(true);
		expect(stuck(7, 0.65)).toBe(true);
	});

	it('is never stuck once the quiz was passed', () => {
		expect(stuck(2, 0, true)).toBe(false);
		expect(stuck(5, 1, true)).toBe(false);
	});

	it('with a low-score mark of 0, flags only by the number of failed attempts', () => {
		expect(stuckOnQuiz({ fails: 2, passed: false, bestScore: 0 }, 3, 0)).toBe(false);
		expect(stuckOnQuiz({ fails: 3, passed: false, bestScore: 0 }, 3, 0)).toBe(true);
	});

	it('with quiz_fails at 2 or less, the count rule already covers the low-score one', () => {
		expect(stuckOnQuiz({ fails: 2, passed: false, bestScore: 0.9 }, 2, 50)).toBe(true);
		expect(stuckOnQuiz({ fails: 1, passed: false, bestScore: 0 }, 1, 50)).toBe(true);
	});
});
