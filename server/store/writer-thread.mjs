// Starts the writer thread's TypeScript module: a worker thread does not inherit the loader that
// runs the server's own TypeScript (under npm start, npm run dev or the tests alike).
import { register } from 'tsx/esm/api';

register();
await import('./writer-thread.ts');
