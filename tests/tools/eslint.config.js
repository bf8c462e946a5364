import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Imports only go one way: domain ← data, charts ← app ← views (app picks a view by a lazy import,
 * which this rule does not see). Each entry forbids, for the files of one layer, imports that
 * reach a layer above it; the two views share panels from views/panels/, never each other's files.
 */
const layers = [
  ['src/domain/**', '^\\.\\./', 'domain/ is pure: it imports nothing of ours outside domain/'],
  ['src/data/**', '^(\\.\\./)+(charts|app|views)(/|$)', 'data/ may import domain/ only'],
  ['src/charts/**', '^(\\.\\./)+(data|app|views)(/|$)', 'charts/ may import domain/ only'],
  ['src/app/**', '^(\\.\\./)+views(/|$)', 'app/ never imports a view (App picks one by a lazy import)'],
  ['src/views/panels/**', '^\\.\\./(wall|analyst|briefing)(/|$)', 'views/panels/ are shared: they import no view'],
  ['src/views/wall/**', '^(\\.\\./)+(analyst|briefing)(/|$)', 'the wall shares panels from views/panels/, never another view\'s files'],
  ['src/views/analyst/**', '^(\\.\\./)+(wall|briefing)(/|$)', 'the analyst view shares panels from views/panels/, never another view\'s files'],
  ['src/views/briefing/**', '^(\\.\\./)+(wall|analyst)(/|$)', 'the briefing shares panels from views/panels/, never another view\'s files'],
].map(([files, regex, message]) => ({
  files: [files],
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] },
}));

export default tseslint.config(
  // This file lives in tests/tools/ to keep the repository's top level short; patterns are relative to the root.
  { basePath: '../..' },
  { ignores: ['dist/', 'node_modules/', 'tests/artifacts/', 'coverage/', '.venv-spark/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.{mjs,js}', 'tests/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  ...layers,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
