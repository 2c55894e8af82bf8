import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/tmp.ts';

afterAll(() => removeTempDirs());
