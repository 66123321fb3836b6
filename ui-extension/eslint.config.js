// ESLint for the web UI's ES modules (run by `./mvnw verify` through `npm run lint`).
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['target/', 'node_modules/', 'src/main/resources/web/vendor/'] },
  js.configs.recommended,
  {
    files: ['src/main/resources/web/js/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.browser },
  },
  {
    // Unit tests and their loader run in Node.js.
    files: ['src/test/js/**/*.js', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
  },
  {
    // Scripts injected into the page by the browser tests.
    files: ['src/test/resources/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'script', globals: globals.browser },
  },
  {
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
];
