// Lint for the whole tree: type-aware TypeScript rules, folder boundaries, and Prettier owning the layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages and Node modules that reach the outside world: storage, the network, Teams. */
const IO_MODULES = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
  'botbuilder',
  'botframework-connector',
  'restify',
  'azurite',
];

/** Nothing in bot/ or cards/ loads development tools or tests: the production start ships without them. */
const NO_TOOLS_OR_TESTS = {
  regex: '^(\\.\\./)+(tools|test)(/|$)',
  message: 'bot/ and cards/ ship to production: they never import tools/ or test/.',
};

/** The referral use cases are seen from outside bot/referrals through its index.ts only. */
const REFERRALS_FACE = {
  regex: '(^|/)referrals/',
  message: 'Import the referral use cases from bot/referrals (its index.ts), not from its files.',
};

const restrictImports = (...patterns) => [
  'error',
  { patterns: patterns.map((pattern) => ({ allowTypeImports: false, ...pattern })) },
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'teamsAppManifest/build/**', '.data/**', '.azure/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Async stubs and interface implementations that finish at once are async on purpose: callers await them.
      '@typescript-eslint/require-await': 'off',
      // `const { dropped: _dropped, ...rest } = x` is how the tree leaves a field out of a copy.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
      // Every hit String()s an unknown value from outside (a JSON field, a thrown value) where any text will do.
      '@typescript-eslint/no-base-to-string': 'off',
      // botbuilder's ActivityTypes enum is meant to be compared with an activity's plain string type.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // `let handler; new Server({ route: () => handler() }); handler = ...`: a closure reads it before the one assignment.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // The plain JavaScript launcher has no types to import; other lazy loads say why where they happen.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['/tools/start\\.js$'] }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
    },
  },
  {
    // The few plain JavaScript files are outside tsconfig.json: linted without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { ...globals.node },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      // CommonJS by design: these run where TypeScript is not installed.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['bot/**/*.ts', 'cards/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrictImports(NO_TOOLS_OR_TESTS, REFERRALS_FACE) },
  },
  {
    files: ['bot/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({ name, message: 'bot/domain is pure: no storage, network or Teams I/O.' })),
          patterns: [
            { regex: '^\\.\\./', message: 'bot/domain imports only its own folder.' },
            { group: ['@azure/*', 'botbuilder*', 'botframework-*'], message: 'bot/domain is pure: no I/O packages.' },
          ],
        },
      ],
    },
  },
  {
    // The use cases reach storage, Teams and Partner Center only through their ports (bot/referrals/ports.ts),
    // which the adapters implement. The ports are picks of the table repositories, so the store is named as types;
    // ConflictError is the store's contract for a lost race, which the use cases retry.
    files: ['bot/referrals/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({
            name,
            message: 'bot/referrals reaches the world only through its ports.',
          })),
          patterns: [
            {
              regex: '^\\.\\./(log|store/(?!errors$)[^/]+)$',
              allowTypeImports: true,
              message: 'bot/referrals may use the logger and the store only as types (behind its ports).',
            },
            {
              regex: '^\\.\\./(?!domain/|log$|store/[^/]+$)',
              message: 'bot/referrals imports only bot/domain, its own folder and the store types its ports name.',
            },
            {
              group: ['@azure/*', 'botbuilder*', 'botframework-*'],
              message: 'bot/referrals reaches the world only through its ports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/store/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(
        NO_TOOLS_OR_TESTS,
        REFERRALS_FACE,
        {
          // The settings, logger and sealed-token shapes the store is handed; types only, no behaviour.
          regex: '^\\.\\./(config/|log$|partnerCenter/tokenSealing$)',
          allowTypeImports: true,
          message: 'bot/store may use these only as types.',
        },
        {
          regex: '^\\.\\./(?!domain/|config/|log$|partnerCenter/tokenSealing$)',
          message: 'bot/store imports only bot/domain and its own folder.',
        },
      ),
    },
  },
  {
    files: ['tools/**/*.ts', 'tools/**/*.js'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(
        {
          regex: '^(\\.\\./)+test(/|$)',
          message: 'tools/ never imports test/.',
        },
        REFERRALS_FACE,
      ),
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrictImports(REFERRALS_FACE) },
  },
  {
    // Tests read wire JSON and card bodies loosely typed (test/support/wireJson.ts) and pick them apart;
    // an unexpected shape fails the assertion that reads it, so the no-unsafe-* rules only add noise there.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  prettier,
);
