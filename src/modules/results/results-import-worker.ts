/**
 * Worker-thread entry point: reads results CSV files with the pure reader, one at a time, so that
 * the request thread stays free. Started by ResultsFileReader; never imported by other code.
 */
import { serveTasks } from '../../shared/worker-tasks.js';
import { readResultsCsv } from './domain/results-csv.js';

serveTasks((text: string) => readResultsCsv(text));
