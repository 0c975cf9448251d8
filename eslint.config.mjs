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

/** The adapter folders of bot/ with an index.ts as their public face, like bot/referrals. */
const FACED = '(store|partnerCenter|jobs|http|config|teams)';

/**
 * Leaves a folder below their owner imports directly: bot/config and bot/store read these Partner Center files,
 * bot/partnerCenter and bot/teams these job helpers, and through the owner's face each import would close a cycle.
 */
const SHARED_LEAVES = [
  'partnerCenter/(certificateChain|certificateUrl|endpoints|tokenSealing)$',
  'jobs/(backgroundDrain|claimedTask|heartbeat)$',
]
  .map((leaf) => `(?!${leaf})`)
  .join('');

/**
 * Code in bot/ sees another adapter folder through its index.ts only; files of one folder import each other
 * directly, and the subfolders of bot/teams each other. bot/domain stays deep-importable: it is pure, and
 * its small files are what every folder reads. Tests (test/**) keep deep imports: they test the internals.
 */
const FACES_IN_BOT = {
  regex: `^(\\./|(\\.\\./)+)${SHARED_LEAVES}${FACED}/`,
  message: 'Import another adapter folder from its index.ts (e.g. ../store), not from its files.',
};

/** tools/, bench/ and cards/ see the adapter folders of bot/ through their index.ts only. */
const FACES_OUTSIDE_BOT = {
  regex: `^(\\.\\./)+bot/${FACED}/`,
  message: 'Import an adapter folder of bot/ from its index.ts (e.g. ../bot/store), not from its files.',
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
    files: ['bot/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(NO_TOOLS_OR_TESTS, REFERRALS_FACE, FACES_IN_BOT),
    },
  },
  {
    // The bag of services the handlers of bot/teams and bot/jobs read names the classes of those two folders:
    // as types from their files, since through their faces (whose files read this bag) they would close a cycle.
    files: ['bot/services.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(NO_TOOLS_OR_TESTS, REFERRALS_FACE, {
        ...FACES_IN_BOT,
        allowTypeImports: true,
      }),
    },
  },
  {
    files: ['cards/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(NO_TOOLS_OR_TESTS, REFERRALS_FACE, FACES_OUTSIDE_BOT),
    },
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
    // which the adapters implement. The ports are picks of the table repositories, so the store (its index.ts) is
    // named as types; ConflictError is the store's contract for a lost race, which the use cases retry.
    files: ['bot/referrals/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...IO_MODULES.map((name) => ({
              name,
              message: 'bot/referrals reaches the world only through its ports.',
            })),
            {
              name: '../store',
              allowImportNames: ['ConflictError'],
              allowTypeImports: true,
              message: 'bot/referrals may use the store only as types (behind its ports), and its ConflictError.',
            },
          ],
          patterns: [
            {
              regex: '^\\.\\./log$',
              allowTypeImports: true,
              message: 'bot/referrals may use the logger only as a type (behind its ports).',
            },
            {
              regex: '^\\.\\./(?!domain/|log$|store$)',
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
          regex: '^\\.\\./(config|log|partnerCenter/tokenSealing)$',
          allowTypeImports: true,
          message: 'bot/store may use these only as types.',
        },
        {
          regex: '^\\.\\./(?!domain/|config$|log$|partnerCenter/tokenSealing$)',
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
        FACES_OUTSIDE_BOT,
      ),
    },
  },
  {
    // Tests may import the files of bot/'s adapter folders: they test the internals behind the faces.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrictImports(REFERRALS_FACE) },
  },
  {
    files: ['bench/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrictImports(REFERRALS_FACE, FACES_OUTSIDE_BOT) },
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
