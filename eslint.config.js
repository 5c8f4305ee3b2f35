import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
