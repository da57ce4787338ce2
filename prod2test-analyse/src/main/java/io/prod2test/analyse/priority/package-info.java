/**
 * Priorities.
 *
 * <p>Takes in: a flow's or an edge case's frequency, errors, routes and coverage. Puts out: a score
 * from 0 to 100 and the one-line reason for it.
 */
package io.prod2test.analyse.priority;
