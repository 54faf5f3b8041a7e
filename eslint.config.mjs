import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['.next*/**', 'node_modules/**', '.venv/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/out/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // AWS SDK imports live in lib/ec2 only: credentials and calls stay behind one boundary.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', '@smithy/*'],
              message: 'Import the AWS SDK only inside lib/ec2/ (use the types re-exported from @/lib/ec2/types).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/ec2/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Node scripts and configs run outside the bundler.
    files: ['scripts/**/*.mjs', '*.config.*', 'next.config.js', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', __dirname: 'readonly', module: 'writable', require: 'readonly' } },
  },
);
