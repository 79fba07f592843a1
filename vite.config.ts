import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { gameServerInDev } from './server/dev-plugin.ts';
import { i18nCompilerOptions } from './src/lib/i18n/compiler.ts';

export default defineConfig({
	plugins: [paraglideVitePlugin(i18nCompilerOptions), sveltekit(), gameServerInDev()],
	server: { port: Number(process.env.PORT ?? 3000) },
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					setupFiles: ['tests/setup.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'cluster',
					include: ['tests/cluster/**/*.test.ts'],
					// Each file starts three servers, PostgreSQL and HAProxy: one file at a time.
					fileParallelism: false,
					setupFiles: ['tests/setup.ts'],
					environment: 'node',
					testTimeout: 90_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
