/**
 * The UK Essential Digital Skills Framework (EDSF) as data: the lessons' `skills:` codes, the
 * content checker, the coverage report and the learner's skills view all read it from here.
 *
 * Source: "Essential digital skills framework", Department for Education, 2018 (the first
 * update of the 2015 Basic Digital Skills framework; its GOV.UK page says it informed the
 * national standards for essential digital skills published in April 2019), EDSF_SOURCE.url.
 * Licence: GOV.UK publishes its content under the Open Government Licence v3.0 unless it says
 * otherwise; we could not retrieve the publication's own licence statement to confirm it.
 *
 * The wording is ours, not the framework's. We could not retrieve the official text of the
 * statements, so every statement below is a paraphrase:
 * - the nine foundation skills follow, point by point, a copy of the framework's foundation
 *   list republished by FE News in 2018;
 * - the life and work statements of the five areas paraphrase the framework's skills as we
 *   understand them; their number, split and wording are not checked against the official
 *   text. Check them against EDSF_SOURCE.url before citing them as the framework's words
 *   (a badge's alignment, a funder's report).
 * A 2022 revision of the framework's tasks (FutureDotNow and Lloyds Bank) is not used here: we
 * could not retrieve it or confirm its licence.
 *
 * Codes are ours and stable: once a code is published it keeps its meaning, even if its words
 * are corrected. The scheme:
 * - foundation skills, which underpin all five areas: FOUND-1 … FOUND-9;
 * - the five areas: COM (Communicating), INFO (Handling information and content), TRANS
 *   (Transacting), PROB (Problem solving), SAFE (Being safe and legal online), then a hyphen,
 *   L (essential skills for life) or W (the further skills for work), and a number:
 *   COM-L1, SAFE-W2.
 * A new statement takes the next free number of its area and level; a retired code is never
 * reused.
 */

export type SkillAreaId = 'FOUND' | 'COM' | 'INFO' | 'TRANS' | 'PROB' | 'SAFE';
export type SkillLevel = 'foundation' | 'life' | 'work';

export interface SkillArea {
	id: SkillAreaId;
	/** The framework's name for the area. */
	name: string;
	/** What the area is about, in plain words for learners. */
	about: string;
}

export interface SkillStatement {
	/** Our stable code, as lessons name it in `skills:`. */
	code: string;
	area: SkillAreaId;
	level: SkillLevel;
	/** What a person can do, in plain words, to follow "I can …" (paraphrased; see above). */
	text: string;
}

export const EDSF_SOURCE = {
	title: 'Essential digital skills framework',
	publisher: 'Department for Education',
	year: 2018,
	url: 'https://www.gov.uk/government/publications/essential-digital-skills-framework',
	licence: 'Open Government Licence v3.0',
	licenceUrl: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
	attribution:
		'Contains public sector information licensed under the Open Government Licence v3.0.',
	wording:
		'Statements are paraphrased, not quoted: the official statement texts could not be retrieved. Foundation skills follow a republished copy of the framework point by point; the life and work statements are not checked against the official text.'
} as const;

/** Foundation skills first (they underpin the rest), then the five areas in the framework's order. */
export const SKILL_AREAS: readonly SkillArea[] = [
	{
		id: 'FOUND',
		name: 'Foundation skills',
		about: 'The first steps: using a device, getting online and keeping your passwords safe.'
	},
	{
		id: 'COM',
		name: 'Communicating',
		about: 'Keeping in touch, sharing and working with others online.'
	},
	{
		id: 'INFO',
		name: 'Handling information and content',
		about: 'Finding information online, judging it, and keeping your files in order.'
	},
	{
		id: 'TRANS',
		name: 'Transacting',
		about: 'Using services, forms, shops and banks online.'
	},
	{
		id: 'PROB',
		name: 'Problem solving',
		about: 'Using the internet and digital tools to solve problems and learn.'
	},
	{
		id: 'SAFE',
		name: 'Being safe and legal online',
		about: 'Protecting yourself, your data and other people, and staying within the law.'
	}
];

const foundation = (n: number, text: string): SkillStatement => ({
	code: `FOUND-${n}`,
	area: 'FOUND',
	level: 'foundation',
	text
});

const life = (area: Exclude<SkillAreaId, 'FOUND'>, n: number, text: string): SkillStatement => ({
	code: `${area}-L${n}`,
	area,
	level: 'life',
	text
});

const work = (area: Exclude<SkillAreaId, 'FOUND'>, n: number, text: string): SkillStatement => ({
	code: `${area}-W${n}`,
	area,
	level: 'work',
	text
});

export const SKILL_STATEMENTS: readonly SkillStatement[] = [
	foundation(1, 'Turn on a device'),
	foundation(2, 'Use the controls of my device, such as a touch screen, keyboard or mouse'),
	foundation(3, 'Use the accessibility tools on my device to make it easier to use'),
	foundation(4, 'Find my way around the home screen of my device'),
	foundation(
		5,
		'Understand that the internet lets me reach information and content, and that I can get online through wifi'
	),
	foundation(6, 'Connect my device to a safe and secure wifi network'),
	foundation(7, 'Get online and open a browser to find and use websites'),
	foundation(
		8,
		'Understand that my passwords and personal details must be kept safe, because they are worth something to others'
	),
	foundation(9, 'Update and change my password when I am asked to'),

	life('COM', 1, 'Keep in touch with people by email and messaging apps'),
	life('COM', 2, 'Talk to people on video calls'),
	life('COM', 3, 'Post and share on social media'),
	life('COM', 4, 'Create documents and other content with digital tools'),
	life('COM', 5, 'Share documents and photos with others, for example as an email attachment'),
	work('COM', 1, 'Write to colleagues and customers in a professional way, by email and messages'),
	work('COM', 2, 'Use workplace digital tools to create, share and work on things with colleagues'),
	work('COM', 3, 'Set up and keep up a profile on a professional network or jobs site'),

	life('INFO', 1, 'Use a search engine to find information'),
	life(
		'INFO',
		2,
		'Understand that not everything online is reliable, and check where it comes from'
	),
	life('INFO', 3, 'Save, organise and find my files and photos, using files and folders'),
	life('INFO', 4, 'Store information online so that I can reach it from different devices'),
	work('INFO', 1, 'Find information for my work and judge whether it is reliable'),
	work('INFO', 2, 'Organise, store and share work files in the way my workplace expects'),
	work('INFO', 3, 'Use digital tools to record, work out and present information'),

	life('TRANS', 1, 'Set up an account online to buy things or use a service'),
	life('TRANS', 2, 'Use public services online, including filling in forms'),
	life('TRANS', 3, 'Upload documents and photos when a form or service needs them'),
	life('TRANS', 4, 'Buy things online and choose a safe way to pay'),
	life('TRANS', 5, 'Manage my money online, for example with online banking'),
	work('TRANS', 1, 'Use digital systems at work for tasks such as timesheets, expenses or leave'),
	work('TRANS', 2, 'Complete the online transactions my job needs, such as orders or payments'),
	work('TRANS', 3, 'Find my payslips and other work records online'),

	life('PROB', 1, 'Use the internet to find information that helps me solve a problem'),
	life(
		'PROB',
		2,
		'Use online help, guides, videos and forums to solve problems and learn new skills'
	),
	life('PROB', 3, 'Get help from a company or service online, for example through live chat'),
	life('PROB', 4, 'Use online tools to compare options and make a choice, such as prices'),
	work('PROB', 1, 'Use digital tools and information to find and fix problems at work'),
	work('PROB', 2, 'Use online learning to build the skills my work needs'),

	life('SAFE', 1, 'Prove who I am when an account asks, for example with two-step sign-in'),
	life('SAFE', 2, 'Use a different, strong password for each account and keep them safe'),
	life('SAFE', 3, 'Keep the software on my devices up to date, and install updates when asked'),
	life(
		'SAFE',
		4,
		'Spot suspicious links, messages and attachments, and know the risk of opening them'
	),
	life('SAFE', 5, 'Check that a website is secure before I type in private details'),
	life(
		'SAFE',
		6,
		'Understand that others can collect and use my personal data, and protect it, for example with privacy settings'
	),
	life('SAFE', 7, 'Understand that what I do online leaves a lasting record that others may see'),
	life('SAFE', 8, 'Report scams, and content or behaviour online that is harmful or illegal'),
	life('SAFE', 9, 'Respect copyright: not use content that belongs to others without permission'),
	life('SAFE', 10, 'Back up my files and photos'),
	work('SAFE', 1, 'Follow data protection law and my workplace rules when I handle personal data'),
	work('SAFE', 2, 'Keep work devices, accounts and information secure'),
	work('SAFE', 3, 'Recognise and report security threats at work, such as phishing')
];

const BY_CODE = new Map(SKILL_STATEMENTS.map((s) => [s.code, s]));

/** The statement a code names, or undefined for an unknown code (codes are case-sensitive). */
export function skillStatement(code: string): SkillStatement | undefined {
	return BY_CODE.get(code);
}
