import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import tseslint from 'typescript-eslint';

// AWS SDK imports live in lib/ec2 (and CloudWatch's in lib/metrics/cloudwatch.ts) only: credentials and calls
// stay behind one boundary.
const AWS_SDK_ONLY_IN_EC2 = {
  group: ['@aws-sdk/*', '@smithy/*'],
  message: 'Import the AWS SDK only inside lib/ec2/ or lib/metrics/cloudwatch.ts (use the types re-exported from @/lib/ec2/types).',
};

// app/ holds routes only; what two routes or a component share lives in components/ or lib/ (issue 15 §6).
const NOTHING_FROM_APP = {
  group: ['@/app', '@/app/**', '**/app/**'],
  message: 'Nothing outside app/ imports from app/: move what is shared to components/ or lib/ (or pass a server action down as a prop).',
};

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
      'no-restricted-imports': ['error', { patterns: [AWS_SDK_ONLY_IN_EC2] }],
    },
  },
  {
    // lib/store/rds-iam.ts signs RDS IAM authentication tokens for the PostgreSQL store (ATLAS_DATABASE_AUTH=rds-iam).
    files: ['lib/ec2/**', 'lib/metrics/cloudwatch.ts', 'lib/metrics/*.test.ts', 'lib/store/rds-iam.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['components/**', 'lib/**'],
    // A test may drive a route handler the way a request would.
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [AWS_SDK_ONLY_IN_EC2, NOTHING_FROM_APP] }] },
  },
  {
    // The SDK's own homes: only the app/ boundary applies there.
    files: ['lib/ec2/**', 'lib/metrics/cloudwatch.ts', 'lib/store/rds-iam.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOTHING_FROM_APP] }] },
  },
  {
    // Write actions go through the guarded server action (lib/actions/guarded.ts): the role check, the refusal
    // audit, zod, the write scope and error mapping happen there, once; errors are logged with the request id.
    files: ['app/**/actions.ts'],
    ignores: ['app/signin/actions.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [AWS_SDK_ONLY_IN_EC2],
          paths: [
            { name: '@/lib/auth/viewer', importNames: ['requireRole'], message: 'Check roles through guarded() from @/lib/actions/guarded.' },
            { name: '@/lib/audit/actor', message: 'Audit through guarded() (ctx.audit, ctx.refuse) from @/lib/actions/guarded.' },
            { name: '@/lib/endpoints/scope', importNames: ['resolveWriteScope'], message: 'Resolve the write scope through guarded() (writeTarget).' },
          ],
        },
      ],
    },
  },
  {
    // Node scripts and configs run outside the bundler.
    files: ['scripts/**/*.mjs', '*.config.*', 'next.config.js', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', __dirname: 'readonly', module: 'writable', require: 'readonly' } },
  },
);
