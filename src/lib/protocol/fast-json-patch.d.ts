/**
 * The JSON Patch library's ES module build, imported by its file name: the package also ships its
 * TypeScript sources and a CommonJS build, and some loaders would otherwise pick one of those.
 */
declare module 'fast-json-patch/index.mjs' {
	export * from 'fast-json-patch';
}
