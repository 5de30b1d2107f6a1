// The screens' lint rules, run by `npm run build` (and so by ./mvnw verify). Layout rules after
// bulletproof-react: a feature never imports another feature, lib/ never imports a feature, and no
// import cycles, so each screen can be changed without reading the others.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { flatConfigs as importRules } from 'eslint-plugin-import-x';
import globals from 'globals';
import { configs as typescriptRules } from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const layoutZones = [
  {
    target: './src/lib',
    from: './src/features',
    message: 'lib/ is shared by every screen: it must not depend on one.',
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature never imports another feature: move what both need to lib/.',
  })),
];

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'src/lib/api-schema.ts'] },
  js.configs.recommended,
  typescriptRules.recommended,
  importRules.recommended,
  importRules.typescript,
  {
    languageOptions: { globals: { ...globals.browser } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layoutZones }],
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          alphabetize: { order: 'asc', caseInsensitive: true },
          'newlines-between': 'never',
        },
      ],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['e2e/**/*.mjs', 'scripts/**/*.mjs', '*.config.js', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
