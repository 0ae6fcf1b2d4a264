/**
 * Worker-thread entry point: reads QIF files (the characteristics of an MBD file, the measurements
 * of a Results file) with the pure readers, one at a time, so that the request thread stays free.
 * Started by QifReader; never imported by other code.
 */
import { serveTasks } from '../../shared/worker-tasks.js';
import { readQifProduct } from './domain/qif-product-reader.js';
import { parseQifResults } from './domain/qif-results.js';
import type { QifTask } from './qif-reader.js';

serveTasks((task: QifTask) => (task.kind === 'product' ? readQifProduct(task.xml) : parseQifResults(task.xml)));
