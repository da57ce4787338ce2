/**
 * JUnit support for generated asset repositories. Takes in an asset repository and a service name;
 * puts out the {@code DynamicTest}s of its scenarios ({@link io.prod2test.runner.junit.ScenarioTests})
 * and, for the generator, the repository's build files: a {@code <Service>ScenariosTest} class per
 * service, {@code pom.xml} and {@code .github/workflows/scenarios.yml}
 * ({@link io.prod2test.runner.junit.AssetProject}).
 */
package io.prod2test.runner.junit;
