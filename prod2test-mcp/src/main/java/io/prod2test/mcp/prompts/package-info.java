/**
 * Prompts: "analyse this period" and the exploratory-charter method.
 *
 * <p>Takes in: the prompt's arguments and the names of the tools the server has. Puts out: a user
 * message that walks the model through the method with those tools only.
 */
package io.prod2test.mcp.prompts;
