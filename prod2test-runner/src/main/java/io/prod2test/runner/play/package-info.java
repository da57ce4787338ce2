/**
 * Steps played over HTTP ({@code java.net.http}). Takes in a base URL, a scenario's steps and the
 * values captured so far; puts out each step's {@link io.prod2test.runner.play.Response} and the
 * values its captures take, with {@code ${name}} references resolved in the request.
 */
package io.prod2test.runner.play;
