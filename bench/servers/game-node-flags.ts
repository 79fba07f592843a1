/**
 * The Node flags `npm start` gives the game server (package.json), so the benchmarks measure it as
 * it runs: a young generation of at most 8 MB per semi-space, which keeps a busy server's memory
 * near what it holds rather than what it last allocated.
 */
export const GAME_NODE_FLAGS = ['--max-semi-space-size=8'];
