import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const coreBoundaries = {
  patterns: [
    { group: ['react', 'react-dom', '@xyflow/*'], message: 'The engine core is framework-free.' },
    { group: ['kafkajs'], message: 'kafkajs belongs to the Node-only kafka entry point.' },
    { group: ['node:*'], message: 'The engine core is browser-safe: no node: modules.' },
    { group: ['@topology-studio/*/src/*'], message: 'Import other packages through their index.' },
  ],
}

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
        { name: 'setTimeout', message: 'Inject a scheduler; the engine core runs on virtual time.' },
        { name: 'setInterval', message: 'Inject a scheduler; the engine core runs on virtual time.' },
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
)
