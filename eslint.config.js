import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const coreBoundaries = {
  patterns: [
    { group: ['react', 'react-dom', '@xyflow/*'], message: 'The engine core is framework-free.' },
    { group: ['kafkajs'], message: 'kafkajs belongs to the Node-only kafka entry point.' },
    { group: ['node:*'], message: 'The engine core is browser-safe: no node: modules.' },
    { group: ['@topology-studio/*/src/*'], message: 'Import other packages through their index.' },
  ],
}

// The engine's layers import one way (see packages/engine/README.md): the physical topology
// knows nothing of the DSL, neither knows of the runtime, and none of them knows of designs
// or expressions; the runtime and test driver run topologies whatever built them.
function layerBoundaries(...forbidden) {
  return {
    patterns: [
      ...coreBoundaries.patterns,
      ...forbidden.map((layer) => ({
        group: [`**/${layer}/*`],
        message: `This engine layer may not import ${layer}/ (imports point one way).`,
      })),
    ],
  }
}

// Node code names built-ins with the `node:` prefix, so they can never be shadowed by an npm package.
const nodeProtocol = {
  paths: builtinModules
    .filter((name) => !name.startsWith('_') && !name.startsWith('node:'))
    .map((name) => ({ name, message: `Import 'node:${name}' instead.` })),
}

// The browser bundle must not pull in Node-only code.
const webBoundaries = {
  patterns: [
    { group: ['node:*'], message: 'The web app runs in the browser: no node: modules.' },
    {
      group: ['kafkajs', '@topology-studio/engine/kafka'],
      message: 'Kafka access is server-only.',
    },
    { group: ['@topology-studio/*/src/*'], message: 'Import other packages through their index.' },
  ],
}

const engineLayers = [
  {
    files: ['packages/engine/src/topology/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        layerBoundaries('dsl', 'graph', 'expression', 'runtime', 'test-driver', 'telemetry'),
      ],
    },
  },
  {
    files: ['packages/engine/src/dsl/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        layerBoundaries('graph', 'expression', 'runtime', 'test-driver', 'telemetry'),
      ],
    },
  },
  {
    files: ['packages/engine/src/runtime/**/*.ts', 'packages/engine/src/telemetry/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', layerBoundaries('graph', 'expression', 'test-driver')],
    },
  },
  {
    files: ['packages/engine/src/test-driver/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', layerBoundaries('graph', 'expression')] },
  },
  {
    files: ['packages/engine/src/expression/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', layerBoundaries('dsl', 'graph', 'topology')],
    },
  },
]

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'A focused test disables the rest.' },
        { object: 'it', property: 'only', message: 'A focused test disables the rest.' },
        { object: 'test', property: 'only', message: 'A focused test disables the rest.' },
      ],
    },
  },
  {
    files: ['packages/engine/src/**/*.ts', 'packages/shared/src/**/*.ts'],
    ignores: ['packages/engine/src/kafka/**'],
    rules: {
      'no-restricted-imports': ['error', coreBoundaries],
      'no-restricted-globals': [
        'error',
        {
          name: 'setTimeout',
          message: 'Inject a scheduler; the engine core runs on virtual time.',
        },
        {
          name: 'setInterval',
          message: 'Inject a scheduler; the engine core runs on virtual time.',
        },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'apps/server/**/*.ts', 'e2e/**/*.ts', '**/bench/**/*.ts'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    files: [
      'apps/server/**/*.{ts,mjs}',
      'apps/web/vite.config.ts',
      'e2e/**/*.ts',
      'scripts/**/*.{mjs,ts}',
      'packages/*/test/**/*.ts',
    ],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', nodeProtocol] },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': ['error', webBoundaries],
    },
  },
  {
    // Tests of the web app that run files through esbuild and tsc, in Node (tsconfig.node.json).
    files: ['apps/web/src/**/*.node.test.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', nodeProtocol] },
  },
  ...engineLayers,
)
