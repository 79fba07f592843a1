/** Runs in every integration test file: the SQLite files it made are removed once it is done. */
import { afterAll } from 'vitest';
import { removeTempDatabases } from './helpers/temp-database';

afterAll(removeTempDatabases);
