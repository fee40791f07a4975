import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec', '<rootDir>/cli/spec'],
  // pixiv-rx-cli's specs import the library by its package name: the sources in lib/
  moduleNameMapper: {
    '^pixiv-rx$': '<rootDir>/lib/index.ts',
    '^pixiv-rx/(node|testing)$': '<rootDir>/lib/$1/index.ts',
    // the platform's default transport, as the build's "imports" resolve it under Node
    '^#default-transport$': '<rootDir>/lib/node/http/default-transport.ts',
  },
  testMatch: ['**/*.spec.ts'],
  transform: {
    // Types are checked once by `npm run typecheck`; Jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 20000,
};

export default config;
