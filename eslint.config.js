import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import noLiteralText from './scripts/eslint/no-literal-text.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'pb_data/', '.tmp/', 'coverage/'] },
	js.configs.recommended,
	...ts.configs.strict,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// `const { omitted: _omitted, ...rest } = value` is how we drop a field.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Learners' and tutors' screens speak their language: no words hard-coded in the markup
		// (docs/translating.md). The editor and its preview are not translated yet.
		files: ['src/**/*.svelte'],
		ignores: ['src/routes/editor/**', 'src/lib/editor/**', 'src/routes/preview/**'],
		plugins: { clyde: { rules: { 'no-literal-text': noLiteralText } } },
		// Σ: the tutor grid's "lessons done in the module" column, a symbol (its words are hidden text).
		rules: { 'clyde/no-literal-text': ['error', { allow: ['Clyde', 'Σ'] }] }
	},
	{
		// The checker and renderer run in the browser too (the editor imports them): no Node
		// built-ins or jsdom outside the few files that read disks or talk to a server, and the
		// picture compiler (the SVG contract is CommonJS for goja, loaded through require-hook).
		files: ['scripts/content/**/*.ts'],
		ignores: [
			'scripts/content/**/*.spec.ts',
			'scripts/content/{load,node-sanitiser,preview-plugin,publish-client,export-client,fuzz-run,verify-exercises}.ts',
			'scripts/content/{pictures,sanitize-svg,svg-contract}.ts'
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['node:*', 'jsdom', 'pocketbase', '../user-error', '../pocketbase/*'],
							message:
								'scripts/content/ runs in the browser too: keep Node to the files that do IO.'
						}
					]
				}
			],
			'no-restricted-globals': ['error', 'Buffer', 'process', '__dirname']
		}
	},
	{
		// PocketBase's goja runtime: its globals are declared in pb_data/types.d.ts.
		files: ['pb_migrations/**/*.js', 'pb_hooks/**/*.js'],
		rules: {
			'@typescript-eslint/triple-slash-reference': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			// Crashes on CommonJS files (it expects a module scope); goja files are not Svelte.
			'svelte/no-inner-declarations': 'off'
		},
		languageOptions: {
			sourceType: 'commonjs',
			globals: {
				migrate: 'readonly',
				Dao: 'readonly',
				Collection: 'readonly',
				SchemaField: 'readonly',
				Record: 'readonly',
				RecordUpsertForm: 'readonly',
				Admin: 'readonly',
				routerAdd: 'readonly',
				routerUse: 'readonly',
				onAfterBootstrap: 'readonly',
				onModelAfterCreate: 'readonly',
				onModelAfterDelete: 'readonly',
				onModelAfterUpdate: 'readonly',
				onRecordBeforeCreateRequest: 'readonly',
				onRecordBeforeUpdateRequest: 'readonly',
				onRecordBeforeAuthWithPasswordRequest: 'readonly',
				onBeforeServe: 'readonly',
				ValidationError: 'readonly',
				arrayOf: 'readonly',
				readerToString: 'readonly',
				$app: 'readonly',
				$apis: 'readonly',
				$security: 'readonly',
				$os: 'readonly',
				__hooks: 'readonly',
				ApiError: 'readonly',
				BadRequestError: 'readonly',
				ForbiddenError: 'readonly',
				NotFoundError: 'readonly',
				UnauthorizedError: 'readonly',
				DynamicModel: 'readonly',
				require: 'readonly',
				module: 'writable'
			}
		}
	}
);
