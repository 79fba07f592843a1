/**
 * The JSON Patch library's ES module files, imported by name: the package also ships its
 * TypeScript sources and a CommonJS build, which some loaders would otherwise pick, and its index
 * bundles the diff (the server's half) with the patching (the browser's half).
 */
declare module 'fast-json-patch/module/core.mjs' {
	export * from 'fast-json-patch/module/core';
}
declare module 'fast-json-patch/module/duplex.mjs' {
	export * from 'fast-json-patch/module/duplex';
}
