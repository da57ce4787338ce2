/**
 * The generate tools: {@code get_schema}, {@code check_schema_drift}, {@code generate_scenarios} and
 * {@code generate_datasets}.
 *
 * <p>Takes in: a source database the operator configured for a service ({@code --source
 * SERVICE=JDBC_URL}; the model names the service, never a URL), the asset repository's
 * {@code schemas/} and {@code prod2test.yaml} ({@code datasets:} and {@code masking:} sections), and
 * the masking key; for scenarios, the analysis and its masked sessions. Puts out: the live schema,
 * paged; the drift from {@code schemas/} written as the next Flyway version (or the baseline);
 * scenarios under {@code scenarios/} with the repository's JUnit project; masked dataset layers
 * under {@code datasets/}.
 */
package io.prod2test.mcp.generate;
