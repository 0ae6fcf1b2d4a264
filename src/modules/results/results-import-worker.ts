/**
 * Worker-thread entry point: reads a results CSV file and maps its rows to the job's items with the
 * pure reader and planner, one file at a time, so that the request thread stays free. Started by
 * ResultsFileReader; never imported by other code.
 */
import { serveTasks } from '../../shared/worker-tasks.js';
import { planCsv } from './domain/csv-plan.js';
import { readResultsCsv } from './domain/results-csv.js';
import type { CsvTask } from './results-import-reader.js';

serveTasks((task: CsvTask) => planCsv(readResultsCsv(task.text), task.items, task.defaults));
