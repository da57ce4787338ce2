/**
 * The sample production world as one object: takes a folder, starts an embedded PostgreSQL with a
 * database per service, the payments and shop services on free ports writing their canonical logs
 * into {@code <folder>/logs/<service>.jsonl}, and plays the traffic simulator against them; puts
 * out the logs, the databases and a summary of what happened. This is what {@code prod2test demo}
 * uses as "production".
 */
package io.prod2test.examples.world;
