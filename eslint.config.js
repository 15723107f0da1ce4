// Lint rules, including the import boundaries of DESIGN.md section 3:
// src-shared ← src-main/core ← src-main/electron|web; src-shared ← src-renderer; src-shared ← src-server.
// src-main/renderer-host serves the built renderer for both shells, which never import each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

const nodeBuiltins = { group: ['node:*'], message: 'This runtime has no Node APIs: keep it portable.' };
const electronOnly = {
  name: 'electron',
  message: 'Only src-main/electron (and the Electron entry and preload) may import electron.',
};
const noMain = {
  group: ['**/src-main/**', '**/src-server/**'],
  message: 'Main and hub code never reach this runtime.',
};
const noRenderer = {
  group: ['**/src-renderer/**'],
  message: 'The renderer is reached only through the DeskClient API.',
};
const noShells = {
  group: ['**/electron/**', '**/web/**', '**/electron', '**/web'],
  message: 'The core is below the Electron shell and the web host: it never imports them.',
};
const noCore = {
  group: ['**/core/**', '**/core'],
  message: 'Serving the renderer needs no desk: keep renderer-host below the core.',
};
const noElectronShell = {
  group: ['**/electron/**', '**/electron'],
  message: 'The web host and the Electron shell share only renderer-host and the core.',
};
const noWebHost = {
  group: ['**/web/**', '**/web'],
  message: 'The Electron shell and the web host share only renderer-host and the core.',
};

export const boundaries = {
  'src-shared/**': {
    patterns: [nodeBuiltins, noMain, noRenderer],
    paths: [electronOnly, { name: 'better-sqlite3', message: 'src-shared is pure TypeScript.' }],
  },
  'src-main/core/**': { patterns: [noRenderer, noShells], paths: [electronOnly] },
  'src-main/web/**': { patterns: [noRenderer, noElectronShell], paths: [electronOnly] },
  'src-main/electron/**': { patterns: [noRenderer, noWebHost], paths: [] },
  'src-main/renderer-host/**': { patterns: [noRenderer, noShells, noCore], paths: [electronOnly] },
  'src-renderer/**': { patterns: [nodeBuiltins, noMain], paths: [electronOnly] },
  'src-server/**': {
    patterns: [noRenderer, { group: ['**/src-main/**'], message: 'The hub shares only src-shared.' }],
    paths: [electronOnly],
  },
  'test/**': {
    patterns: [],
    paths: [{ name: 'electron', message: 'Importing electron starts a binary download: tests never do.' }],
  },
};

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  ...Object.entries(boundaries).map(([glob, restricted]) => ({
    files: [glob],
    rules: { 'no-restricted-imports': ['error', restricted] },
  })),
);
